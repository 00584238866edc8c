/** DTLS 1.2 endpoint, certificates, fingerprints and DTLS-SRTP keying. */
module dev.jwebrtc.dtls {
    requires static transitive org.jspecify;
    requires org.slf4j;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.tls;

    exports dev.jwebrtc.dtls;
}
