package dev.jwebrtc.rtp.interceptor;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.rtcp.GenericNack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Receive side of generic NACK (RFC 4585 §6.2.1): tracks sequence gaps per remote stream that negotiated NACK and
 * asks for the missing packets every interval, each at most {@code maxRetries} times and for at most
 * {@code maxMissing} packets per stream (older ones are forgotten first). A retransmission (after
 * {@link RtxReceiver} unwrapped it) or a late original clears the entry. Once the owner tells it the round-trip time,
 * a packet is asked for again only after a round trip (plus one interval) has passed without it, so a retransmission
 * still on its way is not requested twice.
 */
public final class NackGenerator implements Interceptor {

    private static final class Missing {
        int retries;
        long lastAskedNanos = Long.MIN_VALUE;
    }

    private static final class Stream {
        final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
        long highest = -1;
        final TreeMap<Long, Missing> missing = new TreeMap<>();
        long nacks;
    }

    private final long senderSsrc;
    private final long intervalNanos;
    private final int maxRetries;
    private final int maxMissing;
    private final Map<Long, Stream> streams = new HashMap<>();
    private long nextTick = Long.MAX_VALUE;
    private long roundTripNanos = -1;
    private long nacksSent;
    private long packetsRequested;

    /**
     * @param senderSsrc the SSRC our feedback is sent from
     * @param intervalNanos time between NACK rounds (and so between retries of one packet)
     * @param maxRetries how often one packet is asked for
     * @param maxMissing packets tracked per stream
     */
    public NackGenerator(long senderSsrc, long intervalNanos, int maxRetries, int maxMissing) {
        if (intervalNanos <= 0 || maxRetries < 1 || maxMissing < 1) {
            throw new IllegalArgumentException("NACK interval, retries and capacity must be positive");
        }
        this.senderSsrc = senderSsrc;
        this.intervalNanos = intervalNanos;
        this.maxRetries = maxRetries;
        this.maxMissing = maxMissing;
    }

    @Override
    public void bindRemoteStream(StreamInfo stream) {
        if (stream.nack()) {
            streams.putIfAbsent(stream.ssrc(), new Stream());
        }
    }

    @Override
    public RtpPacket receiveRtp(long nowNanos, RtpPacket packet, InterceptorOutput out) {
        Stream s = streams.get(packet.ssrc());
        if (s == null) {
            return packet;
        }
        long ext = s.unwrapper.unwrap(packet.sequenceNumber());
        if (s.highest < 0) {
            s.highest = ext;
        } else if (ext > s.highest) {
            // a jump beyond the capacity only keeps the newest gaps
            for (long q = Math.max(s.highest + 1, ext - maxMissing); q < ext; q++) {
                s.missing.put(q, new Missing());
            }
            while (s.missing.size() > maxMissing) {
                s.missing.pollFirstEntry();
            }
            s.highest = ext;
            if (!s.missing.isEmpty() && nextTick == Long.MAX_VALUE) {
                nextTick = nowNanos; // ask right away, then every interval
            }
        } else {
            s.missing.remove(ext);
        }
        return packet;
    }

    @Override
    public long pollTimeout() {
        return nextTick;
    }

    @Override
    public void handleTimeout(long nowNanos, InterceptorOutput out) {
        if (nowNanos < nextTick) {
            return;
        }
        boolean pending = false;
        long retryAfter = roundTripNanos < 0 ? intervalNanos : roundTripNanos + intervalNanos;
        for (Map.Entry<Long, Stream> e : streams.entrySet()) {
            List<Integer> ask = new ArrayList<>();
            Iterator<Map.Entry<Long, Missing>> it = e.getValue().missing.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Long, Missing> m = it.next();
                Missing missing = m.getValue();
                if (missing.lastAskedNanos != Long.MIN_VALUE && nowNanos - missing.lastAskedNanos < retryAfter) {
                    continue; // the retransmission may still be on its way
                }
                missing.lastAskedNanos = nowNanos;
                ask.add((int) (m.getKey() & 0xFFFF));
                if (++missing.retries >= maxRetries) {
                    it.remove();
                }
            }
            if (!ask.isEmpty()) {
                out.sendRtcp(GenericNack.of(senderSsrc, e.getKey(), ask));
                nacksSent++;
                e.getValue().nacks++;
                packetsRequested += ask.size();
            }
            pending |= !e.getValue().missing.isEmpty();
        }
        nextTick = pending ? nowNanos + intervalNanos : Long.MAX_VALUE;
    }

    /** NACK packets sent. */
    public long nacksSent() {
        return nacksSent;
    }

    /** NACK packets sent for one remote stream (W3C {@code inbound-rtp.nackCount}). */
    public long nacksSent(long mediaSsrc) {
        Stream s = streams.get(mediaSsrc);
        return s == null ? 0 : s.nacks;
    }

    /**
     * The current round-trip time to the sender (from reports), or -1 when unknown; with it, a packet is asked for
     * again only after a round trip.
     */
    public void roundTripTime(long nanos) {
        roundTripNanos = nanos;
    }

    /** Sequence numbers asked for (retries included). */
    public long packetsRequested() {
        return packetsRequested;
    }
}
