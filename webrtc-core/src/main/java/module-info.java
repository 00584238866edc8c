/** The W3C-shaped peer connection API; the engine and the Netty edge stay internal. */
module dev.jwebrtc.core {
    requires static transitive org.jspecify;
    requires org.slf4j;
    requires io.netty.transport;
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport.classes.epoll;
    requires dev.jwebrtc.sdp;
    requires dev.jwebrtc.ice;
    requires dev.jwebrtc.dtls;
    requires dev.jwebrtc.srtp;
    requires dev.jwebrtc.sctp;
    requires transitive dev.jwebrtc.rtp;

    exports dev.jwebrtc;
}
