/** SRTP and SRTCP transforms for every WebRTC profile. */
module dev.jwebrtc.srtp {
    requires static transitive org.jspecify;
    requires org.slf4j;

    exports dev.jwebrtc.srtp;
}
