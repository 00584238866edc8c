package dev.jwebrtc.rtp.interceptor;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import java.util.ArrayDeque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ordered list of interceptors between the application's streams and SRTP. Outgoing RTP passes them in order,
 * incoming RTP in reverse order (so the one nearest the network sees it first, e.g. RTX unwrapping before NACK
 * tracking); RTCP and timeouts go to all. What they generate is queued: drain {@link #pollRtp()},
 * {@link #pollRtcp()} and {@link #pollEvent()} after every call, then re-arm the timer to {@link #pollTimeout()}.
 * One thread (the peer connection's event loop).
 */
public final class InterceptorChain implements InterceptorOutput {
    private final List<Interceptor> interceptors;
    private final ArrayDeque<RtpPacket> rtp = new ArrayDeque<>();
    private final ArrayDeque<RtcpPacket> rtcp = new ArrayDeque<>();
    private final ArrayDeque<InterceptorEvent> events = new ArrayDeque<>();

    public InterceptorChain(List<Interceptor> interceptors) {
        this.interceptors = List.copyOf(interceptors);
    }

    /** Tells every interceptor about a stream we send. */
    public void bindLocalStream(StreamInfo stream) {
        interceptors.forEach(i -> i.bindLocalStream(stream));
    }

    /** Tells every interceptor about a stream we receive. */
    public void bindRemoteStream(StreamInfo stream) {
        interceptors.forEach(i -> i.bindRemoteStream(stream));
    }

    /** Runs an outgoing packet through the chain; returns what to send, or null. */
    public @Nullable RtpPacket sendRtp(long nowNanos, RtpPacket packet) {
        RtpPacket p = packet;
        for (int i = 0; i < interceptors.size() && p != null; i++) {
            p = interceptors.get(i).sendRtp(nowNanos, p, this);
        }
        return p;
    }

    /** Runs an incoming packet through the chain; returns what to deliver, or null. */
    public @Nullable RtpPacket receiveRtp(long nowNanos, RtpPacket packet) {
        RtpPacket p = packet;
        for (int i = interceptors.size() - 1; i >= 0 && p != null; i--) {
            p = interceptors.get(i).receiveRtp(nowNanos, p, this);
        }
        return p;
    }

    /** Gives incoming RTCP packets (one datagram's worth) to every interceptor. */
    public void receiveRtcp(long nowNanos, List<RtcpPacket> packets) {
        for (RtcpPacket p : packets) {
            for (Interceptor i : interceptors) {
                i.receiveRtcp(nowNanos, p, this);
            }
        }
    }

    /** Fires due timers. */
    public void handleTimeout(long nowNanos) {
        for (Interceptor i : interceptors) {
            if (i.pollTimeout() <= nowNanos) {
                i.handleTimeout(nowNanos, this);
            }
        }
    }

    /** The earliest deadline of all interceptors. */
    public long pollTimeout() {
        long t = Long.MAX_VALUE;
        for (Interceptor i : interceptors) {
            t = Math.min(t, i.pollTimeout());
        }
        return t;
    }

    /** The next generated RTP packet (retransmissions), or null. */
    public @Nullable RtpPacket pollRtp() {
        return rtp.poll();
    }

    /** The next generated RTCP packet, or null; the owner may bundle several into one compound datagram. */
    public @Nullable RtcpPacket pollRtcp() {
        return rtcp.poll();
    }

    /** The next event, or null. */
    public @Nullable InterceptorEvent pollEvent() {
        return events.poll();
    }

    @Override
    public void sendRtp(RtpPacket packet) {
        rtp.add(packet);
    }

    @Override
    public void sendRtcp(RtcpPacket packet) {
        rtcp.add(packet);
    }

    @Override
    public void emit(InterceptorEvent event) {
        events.add(event);
    }
}
