package dev.jwebrtc.rtp.interceptor;

import dev.jwebrtc.rtp.rtcp.FirEntry;
import dev.jwebrtc.rtp.rtcp.FullIntraRequest;
import dev.jwebrtc.rtp.rtcp.PictureLossIndication;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keyframe requests both ways. Outgoing: {@link #requestKeyframe} sends a PLI (RFC 4585 §6.3.1) or FIR (RFC 5104
 * §4.3.1, with a per-source command sequence number) for a remote stream, at most once per interval; a request
 * inside the interval is sent when it ends. Incoming PLI/FIR for our streams become
 * {@link InterceptorEvent.KeyframeRequested} events.
 */
public final class KeyframeRequester implements Interceptor {
    private final long senderSsrc;
    private final long minIntervalNanos;
    private final boolean useFir;
    private final Set<Long> localSsrcs = new HashSet<>();
    private final Map<Long, Long> lastSent = new HashMap<>();
    private final Map<Long, Integer> firSequence = new HashMap<>();
    private final Set<Long> pending = new HashSet<>();
    private final Set<Long> firStreams = new HashSet<>();
    private long requestsSent;

    /**
     * @param senderSsrc the SSRC our feedback is sent from
     * @param minIntervalNanos least time between two requests for one stream
     * @param useFir send FIR instead of PLI
     */
    public KeyframeRequester(long senderSsrc, long minIntervalNanos, boolean useFir) {
        this.senderSsrc = senderSsrc;
        this.minIntervalNanos = minIntervalNanos;
        this.useFir = useFir;
    }

    @Override
    public void bindLocalStream(StreamInfo stream) {
        localSsrcs.add(stream.ssrc());
    }

    /**
     * Asks for keyframes on this remote stream with FIR (RFC 5104 §4.3.1) rather than PLI: for a sender that
     * negotiated {@code ccm fir} but not {@code nack pli}.
     */
    public void useFirFor(long mediaSsrc) {
        firStreams.add(mediaSsrc);
    }

    /** Whether requests for this remote stream go out as FIR. */
    public boolean usesFir(long mediaSsrc) {
        return useFir || firStreams.contains(mediaSsrc);
    }

    /** Asks the sender of a remote stream for a keyframe, now or when the rate limit allows. */
    public void requestKeyframe(long nowNanos, long mediaSsrc, InterceptorOutput out) {
        Long last = lastSent.get(mediaSsrc);
        if (last != null && nowNanos - last < minIntervalNanos) {
            pending.add(mediaSsrc);
            return;
        }
        send(nowNanos, mediaSsrc, out);
    }

    private void send(long nowNanos, long mediaSsrc, InterceptorOutput out) {
        lastSent.put(mediaSsrc, nowNanos);
        pending.remove(mediaSsrc);
        requestsSent++;
        if (usesFir(mediaSsrc)) {
            int seq = firSequence.merge(mediaSsrc, 1, (a, b) -> (a + b) & 0xFF);
            out.sendRtcp(new FullIntraRequest(senderSsrc, List.of(new FirEntry(mediaSsrc, seq))));
        } else {
            out.sendRtcp(new PictureLossIndication(senderSsrc, mediaSsrc));
        }
    }

    @Override
    public long pollTimeout() {
        long t = Long.MAX_VALUE;
        for (long ssrc : pending) {
            t = Math.min(t, lastSent.get(ssrc) + minIntervalNanos);
        }
        return t;
    }

    @Override
    public void handleTimeout(long nowNanos, InterceptorOutput out) {
        for (long ssrc : List.copyOf(pending)) {
            if (nowNanos - lastSent.get(ssrc) >= minIntervalNanos) {
                send(nowNanos, ssrc, out);
            }
        }
    }

    @Override
    public void receiveRtcp(long nowNanos, RtcpPacket packet, InterceptorOutput out) {
        if (packet instanceof PictureLossIndication pli && localSsrcs.contains(pli.mediaSsrc())) {
            out.emit(new InterceptorEvent.KeyframeRequested(pli.mediaSsrc(), false));
        } else if (packet instanceof FullIntraRequest fir) {
            for (FirEntry e : fir.entries()) {
                if (localSsrcs.contains(e.ssrc())) {
                    out.emit(new InterceptorEvent.KeyframeRequested(e.ssrc(), true));
                }
            }
        }
    }

    /** Requests sent. */
    public long requestsSent() {
        return requestsSent;
    }
}
