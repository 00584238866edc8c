/** RTP/RTCP packets, packetizers, interceptors and media containers. */
module dev.jwebrtc.rtp {
    requires static transitive org.jspecify; // @Nullable appears in API signatures
    requires org.slf4j;

    exports dev.jwebrtc.rtp;
    exports dev.jwebrtc.rtp.rtcp;
    exports dev.jwebrtc.rtp.codec;
    exports dev.jwebrtc.rtp.media;
    exports dev.jwebrtc.rtp.interceptor;
}
