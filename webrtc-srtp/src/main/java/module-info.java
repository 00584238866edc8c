/** SRTP and SRTCP transforms for every WebRTC profile. */
module dev.jwebrtc.srtp {
    requires static org.jspecify;
    requires org.slf4j;

    // Exports dev.jwebrtc.srtp once its first public type lands (javac rejects exporting a package with no classes).
}
