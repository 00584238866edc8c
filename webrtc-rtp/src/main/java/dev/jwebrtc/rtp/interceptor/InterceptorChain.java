package dev.jwebrtc.rtp.interceptor;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import java.util.ArrayDeque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ordered list of interceptors between the application's streams and SRTP. Outgoing RTP passes them in order,
 * incoming RTP in reverse order (so the one nearest the network sees it first, e.g. RTX unwrapping before NACK
 * tracking); RTCP and timeouts go to all. RTP an interceptor generates (retransmissions) passes the interceptors
 * after it, as Pion's writer chain does, so a later {@link TwccSender} stamps it too. What they generate is queued:
 * drain {@link #pollRtp()},
 * {@link #pollRtcp()} and {@link #pollEvent()} after every call, then re-arm the timer to {@link #pollTimeout()}.
 * One thread (the peer connection's event loop).
 */
public final class InterceptorChain implements InterceptorOutput {
    private final List<Interceptor> interceptors;
    private final InterceptorOutput[] outputs;
    private final ArrayDeque<RtpPacket> rtp = new ArrayDeque<>();
    private final ArrayDeque<RtcpPacket> rtcp = new ArrayDeque<>();
    private final ArrayDeque<InterceptorEvent> events = new ArrayDeque<>();
    private long lastNow;

    public InterceptorChain(List<Interceptor> interceptors) {
        this.interceptors = List.copyOf(interceptors);
        this.outputs = new InterceptorOutput[this.interceptors.size()];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = new Stage(i);
        }
    }

    /** The output of interceptor {@code index}: generated RTP continues through the interceptors after it. */
    private final class Stage implements InterceptorOutput {
        private final int index;

        Stage(int index) {
            this.index = index;
        }

        @Override
        public void sendRtp(RtpPacket packet) {
            RtpPacket p = packet;
            for (int i = index + 1; i < interceptors.size() && p != null; i++) {
                p = interceptors.get(i).sendRtp(lastNow, p, outputs[i]);
            }
            if (p != null) {
                rtp.add(p);
            }
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
        lastNow = nowNanos;
        RtpPacket p = packet;
        for (int i = 0; i < interceptors.size() && p != null; i++) {
            p = interceptors.get(i).sendRtp(nowNanos, p, outputs[i]);
        }
        return p;
    }

    /** Runs an incoming packet through the chain; returns what to deliver, or null. */
    public @Nullable RtpPacket receiveRtp(long nowNanos, RtpPacket packet) {
        lastNow = nowNanos;
        RtpPacket p = packet;
        for (int i = interceptors.size() - 1; i >= 0 && p != null; i--) {
            p = interceptors.get(i).receiveRtp(nowNanos, p, outputs[i]);
        }
        return p;
    }

    /** Gives incoming RTCP packets (one datagram's worth) to every interceptor. */
    public void receiveRtcp(long nowNanos, List<RtcpPacket> packets) {
        lastNow = nowNanos;
        for (RtcpPacket p : packets) {
            for (int i = 0; i < interceptors.size(); i++) {
                interceptors.get(i).receiveRtcp(nowNanos, p, outputs[i]);
            }
        }
    }

    /** Fires due timers. */
    public void handleTimeout(long nowNanos) {
        lastNow = nowNanos;
        for (int i = 0; i < interceptors.size(); i++) {
            if (interceptors.get(i).pollTimeout() <= nowNanos) {
                interceptors.get(i).handleTimeout(nowNanos, outputs[i]);
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

    /** Queues RTP from the owner (it passes no interceptor), e.g. for an API call's own output. */
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
