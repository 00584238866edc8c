package dev.jwebrtc;

/** W3C {@code RTCRtcpMuxPolicy}: WebRTC requires RTP and RTCP on one port (RFC 8829 §4.1.1). */
public enum RTCRtcpMuxPolicy {
    REQUIRE
}
