package dev.jwebrtc.rtp.interceptor;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import org.jspecify.annotations.Nullable;

/**
 * One RTP/RTCP policy in an {@link InterceptorChain} (reports, NACK, RTX, keyframe requests, transport-wide CC), in
 * the sans-IO style: packets and time in, packets and events out through an {@link InterceptorOutput}, the next
 * deadline from {@link #pollTimeout()}. Packets passed in are borrowed for the call; copy what you keep.
 */
public interface Interceptor {

    /** A stream we send was negotiated. */
    default void bindLocalStream(StreamInfo stream) {
    }

    /** A stream we receive was negotiated. */
    default void bindRemoteStream(StreamInfo stream) {
    }

    /** An outgoing RTP packet, before SRTP: returns the packet to send (possibly changed) or null to drop it. */
    default @Nullable RtpPacket sendRtp(long nowNanos, RtpPacket packet, InterceptorOutput out) {
        return packet;
    }

    /** An incoming RTP packet, after SRTP: returns the packet to deliver (possibly changed) or null to consume it. */
    default @Nullable RtpPacket receiveRtp(long nowNanos, RtpPacket packet, InterceptorOutput out) {
        return packet;
    }

    /** One incoming RTCP packet. */
    default void receiveRtcp(long nowNanos, RtcpPacket packet, InterceptorOutput out) {
    }

    /** The deadline from {@link #pollTimeout()} (or a later time) has come. */
    default void handleTimeout(long nowNanos, InterceptorOutput out) {
    }

    /** The next deadline, absolute nanos; {@code Long.MAX_VALUE} for none. */
    default long pollTimeout() {
        return Long.MAX_VALUE;
    }
}
