package dev.jwebrtc.rtp.interceptor;

import dev.jwebrtc.rtp.RtpExtensionElement;
import dev.jwebrtc.rtp.RtpHeaderExtensions;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.TransportSequenceNumber;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import dev.jwebrtc.rtp.rtcp.TransportWideCcFeedback;
import dev.jwebrtc.rtp.rtcp.TransportWideCcFeedback.PacketResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Send side of transport-wide congestion control: stamps every outgoing packet of the streams that negotiated the
 * extension with the next transport-wide sequence number (draft-holmer-rmcat-transport-wide-cc-extensions-01 §2),
 * remembers when and how big it was, and turns feedback into a simple bandwidth estimate: the receive rate of the
 * acknowledged packets over a one-second window of arrival times, smoothed (EWMA), times {@code 1 - loss/2} when
 * the last feedback reported more than 10% loss. It is not GCC (no delay-gradient trend filter); a full estimator is later work.
 * Place it last in the chain so it stamps the final packet, retransmissions from an earlier {@link NackResponder}
 * included (RTX packets get their own transport sequence numbers, as in libwebrtc).
 */
public final class TwccSender implements Interceptor {
    private static final long WINDOW_MICROS = 1_000_000;

    private record Acked(long arrivalMicros, int bytes) {
    }

    private final Map<Long, Integer> extensionIds = new HashMap<>();
    /** Packets remembered for feedback (a power of two): seconds of video; feedback comes within ~100 ms. */
    private static final int HISTORY = 4096;
    // Allocated with the first stamped packet: a connection without transport-wide CC (data only) pays nothing.
    private long @Nullable [] sendNanos;
    private int @Nullable [] sizes;
    private int @Nullable [] sequences;
    private final ArrayDeque<Acked> window = new ArrayDeque<>();
    private int nextSequence;
    private long smoothedRate;
    private long estimate;
    private long reportedEstimate;
    private double lossFraction;

    /** @param initialSequenceNumber the first transport-wide sequence number */
    public TwccSender(int initialSequenceNumber) {
        this.nextSequence = initialSequenceNumber & 0xFFFF;
    }

    @Override
    public void bindLocalStream(StreamInfo stream) {
        if (stream.transportCcExtensionId() != 0) {
            extensionIds.put(stream.ssrc(), stream.transportCcExtensionId());
            if (stream.hasRtx()) {
                extensionIds.put(stream.rtxSsrc(), stream.transportCcExtensionId());
            }
        }
    }

    @Override
    public RtpPacket sendRtp(long nowNanos, RtpPacket packet, InterceptorOutput out) {
        Integer id = extensionIds.get(packet.ssrc());
        if (id == null) {
            return packet;
        }
        int seq = nextSequence;
        nextSequence = (nextSequence + 1) & 0xFFFF;
        List<RtpExtensionElement> elements = new ArrayList<>();
        RtpHeaderExtensions old = packet.header().extensions();
        if (old != null) {
            old.elements().stream().filter(e -> e.id() != id).forEach(elements::add);
        }
        elements.add(new TransportSequenceNumber(seq).toElement(id));
        RtpPacket stamped = packet.withHeader(packet.header().withExtensions(RtpHeaderExtensions.of(elements)));
        if (sequences == null) {
            sendNanos = new long[HISTORY];
            sizes = new int[HISTORY];
            sequences = new int[HISTORY];
            java.util.Arrays.fill(sequences, -1);
        }
        int slot = seq & (HISTORY - 1);
        sequences[slot] = seq;
        Objects.requireNonNull(sendNanos)[slot] = nowNanos;
        Objects.requireNonNull(sizes)[slot] = stamped.encodedLength();
        return stamped;
    }

    @Override
    public void receiveRtcp(long nowNanos, RtcpPacket packet, InterceptorOutput out) {
        if (!(packet instanceof TransportWideCcFeedback fb)) {
            return;
        }
        int lost = 0;
        List<PacketResult> results = fb.packets();
        for (PacketResult r : results) {
            if (!r.received()) {
                lost++;
                continue;
            }
            int slot = r.sequenceNumber() & (HISTORY - 1);
            if (sequences != null && sizes != null && sequences[slot] == r.sequenceNumber()) {
                window.add(new Acked(r.arrivalMicros(), sizes[slot]));
            }
        }
        lossFraction = results.isEmpty() ? 0 : lost / (double) results.size();
        long newest = window.stream().mapToLong(Acked::arrivalMicros).max().orElse(0);
        window.removeIf(a -> a.arrivalMicros() < newest - WINDOW_MICROS);
        long oldest = window.stream().mapToLong(Acked::arrivalMicros).min().orElse(newest);
        long span = newest - oldest;
        if (span < 100_000) {
            return; // too little time to measure a rate
        }
        long bytes = window.stream().mapToLong(Acked::bytes).sum();
        long rate = bytes * 8 * 1_000_000 / span;
        smoothedRate = smoothedRate == 0 ? rate : (long) (0.8 * smoothedRate + 0.2 * rate);
        // heavy loss means the rate above overshoots what the path sustains: back off in proportion
        estimate = lossFraction > 0.1 ? (long) (smoothedRate * (1 - 0.5 * lossFraction)) : smoothedRate;
        if (reportedEstimate == 0 || Math.abs(estimate - reportedEstimate) > reportedEstimate / 20) {
            reportedEstimate = estimate;
            out.emit(new InterceptorEvent.BandwidthEstimate(estimate));
        }
    }

    /** The current estimate in bits per second (0 before enough feedback). */
    public long estimateBitsPerSecond() {
        return estimate;
    }

    /** Loss fraction in the last feedback. */
    public double lossFraction() {
        return lossFraction;
    }

    /**
     * When the packet with this transport sequence number was sent (nanos), for delay-based estimators, or
     * {@code Long.MIN_VALUE} when it is no longer (or was never) in the history.
     */
    public long sendTimeNanos(int transportSequenceNumber) {
        int seq = transportSequenceNumber & 0xFFFF;
        int slot = seq & (HISTORY - 1);
        return sequences != null && sendNanos != null && sequences[slot] == seq ? sendNanos[slot] : Long.MIN_VALUE;
    }
}
