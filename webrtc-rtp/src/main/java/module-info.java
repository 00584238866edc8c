/** RTP/RTCP packets, packetizers, interceptors and media containers. */
module dev.jwebrtc.rtp {
    requires static org.jspecify;
    requires org.slf4j;

    // Exports dev.jwebrtc.rtp once its first public type lands (javac rejects exporting a package with no classes).
}
