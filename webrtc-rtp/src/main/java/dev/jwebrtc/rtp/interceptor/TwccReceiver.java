package dev.jwebrtc.rtp.interceptor;

import dev.jwebrtc.rtp.RtpHeaderExtensions;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.TransportSequenceNumber;
import dev.jwebrtc.rtp.rtcp.TransportWideCcFeedback;
import dev.jwebrtc.rtp.rtcp.TransportWideCcFeedback.PacketResult;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Receive side of transport-wide congestion control (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3): records
 * the arrival time of every packet carrying a transport-wide sequence number and sends feedback every interval,
 * covering the sequence numbers since the last feedback (at most {@code maxPacketsPerFeedback} per packet; a receive
 * delta that does not fit 16 bits starts a new feedback packet).
 */
public final class TwccReceiver implements Interceptor {
    private final long senderSsrc;
    private final long intervalNanos;
    private final int maxPacketsPerFeedback;
    private final Map<Long, Integer> extensionIds = new HashMap<>();
    private final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private final TreeMap<Long, Long> arrivals = new TreeMap<>(); // extended seq -> arrival micros
    private long mediaSsrc = -1;
    private long reportedUpTo = -1; // first extended seq not yet reported
    private long nextFeedback = Long.MAX_VALUE;
    private int feedbackCount;
    private long feedbackSent;

    /**
     * @param senderSsrc the SSRC our feedback is sent from
     * @param intervalNanos time between feedback packets (libwebrtc: about 100 ms)
     * @param maxPacketsPerFeedback status entries per feedback packet
     */
    public TwccReceiver(long senderSsrc, long intervalNanos, int maxPacketsPerFeedback) {
        if (intervalNanos <= 0 || maxPacketsPerFeedback < 1) {
            throw new IllegalArgumentException("TWCC interval and packets per feedback must be positive");
        }
        this.senderSsrc = senderSsrc;
        this.intervalNanos = intervalNanos;
        this.maxPacketsPerFeedback = Math.min(maxPacketsPerFeedback, 0xFFFF);
    }

    @Override
    public void bindRemoteStream(StreamInfo stream) {
        if (stream.transportCcExtensionId() != 0) {
            extensionIds.put(stream.ssrc(), stream.transportCcExtensionId());
            if (stream.hasRtx()) { // retransmissions carry transport sequence numbers too
                extensionIds.put(stream.rtxSsrc(), stream.transportCcExtensionId());
            }
            if (mediaSsrc < 0) {
                mediaSsrc = stream.ssrc();
            }
        }
    }

    @Override
    public RtpPacket receiveRtp(long nowNanos, RtpPacket packet, InterceptorOutput out) {
        Integer id = extensionIds.get(packet.ssrc());
        RtpHeaderExtensions ext = packet.header().extensions();
        if (id == null || ext == null) {
            return packet;
        }
        Optional<ByteBuffer> value = ext.find(id);
        Optional<TransportSequenceNumber> tsn = value.flatMap(TransportSequenceNumber::parse);
        if (tsn.isEmpty()) {
            return packet;
        }
        long seq = unwrapper.unwrap(tsn.get().sequenceNumber());
        if (reportedUpTo >= 0 && seq < reportedUpTo) {
            return packet; // already reported as lost or received
        }
        arrivals.putIfAbsent(seq, Math.floorDiv(nowNanos, 1000L));
        if (nextFeedback == Long.MAX_VALUE) {
            nextFeedback = nowNanos + intervalNanos;
        }
        return packet;
    }

    @Override
    public long pollTimeout() {
        return nextFeedback;
    }

    @Override
    public void handleTimeout(long nowNanos, InterceptorOutput out) {
        if (nowNanos < nextFeedback) {
            return;
        }
        nextFeedback = Long.MAX_VALUE;
        while (!arrivals.isEmpty()) {
            long base = reportedUpTo >= 0 ? reportedUpTo : arrivals.firstKey();
            if (arrivals.firstKey() >= base + maxPacketsPerFeedback) {
                base = arrivals.firstKey(); // a run of losses longer than one feedback: not reported, skipped
            }
            long last = Math.min(arrivals.lastKey(), base + maxPacketsPerFeedback - 1);
            List<PacketResult> results = new ArrayList<>();
            for (long s = base; s <= last; s++) {
                Long at = arrivals.get(s);
                results.add(at == null ? PacketResult.lost((int) (s & 0xFFFF))
                        : PacketResult.received((int) (s & 0xFFFF), at));
            }
            int sent = send(results, out);
            for (long s = base; s < base + sent; s++) {
                arrivals.remove(s);
            }
            reportedUpTo = base + sent;
        }
    }

    /** Sends feedback for a prefix of the results; returns how many results it covered. */
    private int send(List<PacketResult> results, InterceptorOutput out) {
        // trailing losses are not reported yet: they may still arrive
        int n = results.size();
        while (n > 0 && !results.get(n - 1).received()) {
            n--;
        }
        if (n == 0) {
            return results.size(); // a window of nothing but losses: nothing to time, skip it
        }
        while (true) {
            try {
                out.sendRtcp(TransportWideCcFeedback.build(senderSsrc, mediaSsrc, feedbackCount,
                        results.subList(0, n)));
                feedbackCount = (feedbackCount + 1) & 0xFF;
                feedbackSent++;
                return n;
            } catch (IllegalArgumentException deltaTooLarge) {
                // a receive delta beyond 16 bits: report a shorter prefix now, the rest in the next packet
                n = Math.max(1, n / 2);
                while (n > 1 && !results.get(n - 1).received()) {
                    n--;
                }
            }
        }
    }

    /** Feedback packets sent. */
    public long feedbackSent() {
        return feedbackSent;
    }
}
