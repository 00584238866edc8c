/** DTLS 1.2 endpoint, certificates, fingerprints and DTLS-SRTP keying. */
module dev.jwebrtc.dtls {
    requires static org.jspecify;
    requires org.slf4j;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.tls;

    // Exports dev.jwebrtc.dtls once its first public type lands (javac rejects exporting a package with no classes).
}
