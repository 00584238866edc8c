/** JMH benchmarks; never run as part of the tests. */
module dev.jwebrtc.benchmarks {
    requires static transitive org.jspecify;
    requires dev.jwebrtc.sdp;
    requires dev.jwebrtc.ice;
    requires dev.jwebrtc.dtls;
    requires dev.jwebrtc.srtp;
    requires dev.jwebrtc.sctp;
    requires dev.jwebrtc.rtp;
    requires dev.jwebrtc.core;
    requires jmh.core;
}
