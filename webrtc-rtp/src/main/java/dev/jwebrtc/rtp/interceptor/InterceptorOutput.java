package dev.jwebrtc.rtp.interceptor;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;

/** Where an interceptor puts what it generates; the chain queues it for the owner to poll. */
public interface InterceptorOutput {

    /** Sends an RTP packet (a retransmission) without passing it through the chain again. */
    void sendRtp(RtpPacket packet);

    /** Sends an RTCP packet (reports, feedback). */
    void sendRtcp(RtcpPacket packet);

    /** Reports an event to the application. */
    void emit(InterceptorEvent event);
}
