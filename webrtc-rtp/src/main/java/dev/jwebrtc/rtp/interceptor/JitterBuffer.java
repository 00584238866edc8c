package dev.jwebrtc.rtp.interceptor;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.codec.Depacketizer;
import dev.jwebrtc.rtp.codec.EncodedFrame;
import dev.jwebrtc.rtp.codec.FrameAssembler;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Receive-side jitter buffer and sample builder for one stream: reorders packets by sequence number, waits a bounded
 * time for a missing one (long enough for a NACK to bring it back), then gives up on it, and emits complete frames
 * through a {@link FrameAssembler}. The wait adapts to the observed interarrival jitter (RFC 3550 §A.8 estimator):
 * {@code clamp(minWait + 4 * jitter, minWait, maxWait)}.
 *
 * <p>Sans-IO: time comes in as {@code nowNanos}; after {@link #push} and {@link #handleTimeout}, drain
 * {@link #poll()} and re-arm a timer to {@link #pollTimeout()}. Packets are copied on push. One thread.
 */
public final class JitterBuffer {
    private final FrameAssembler assembler;
    private final int clockRate;
    private final long minWaitNanos;
    private final long maxWaitNanos;
    private final int maxPackets;
    private final TreeMap<Long, RtpPacket> buffer = new TreeMap<>();
    private final ArrayDeque<EncodedFrame> ready = new ArrayDeque<>();
    private final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private long nextSeq = -1;
    private long gapSince = -1;
    private double jitterNanos;
    private long lastArrival;
    private long lastRtpTimestamp = -1;
    private long packetsLate;
    private long packetsDuplicate;
    private long packetsSkipped;
    private boolean keyframeGate;
    private boolean awaitingKeyframe;
    private boolean frameLostSinceKeyframe;
    private long framesDiscarded;

    /**
     * @param depacketizer the codec's depacketizer
     * @param clockRate the RTP clock rate, for the jitter estimate
     * @param minWaitNanos the least time to wait for a missing packet (for NACK: about one RTT plus margin)
     * @param maxWaitNanos the most time to wait
     * @param maxPackets packets held before the oldest gap is given up regardless of time
     */
    public JitterBuffer(Depacketizer depacketizer, int clockRate, long minWaitNanos, long maxWaitNanos,
            int maxPackets) {
        if (clockRate <= 0 || minWaitNanos < 0 || maxWaitNanos < minWaitNanos || maxPackets < 1) {
            throw new IllegalArgumentException("jitter buffer needs clockRate > 0, 0 <= minWait <= maxWait and"
                    + " maxPackets >= 1");
        }
        this.assembler = new FrameAssembler(depacketizer);
        this.clockRate = clockRate;
        this.minWaitNanos = minWaitNanos;
        this.maxWaitNanos = maxWaitNanos;
        this.maxPackets = maxPackets;
    }

    /**
     * Makes the buffer hold back every frame until a keyframe, at the start and again after a frame was lost, so the
     * frames emitted are always decodable (what a recorder wants). Once it has had to throw a frame away while
     * waiting, {@link #keyframeNeeded()} is true: the owner should ask the sender for a keyframe (PLI/FIR). While the
     * stream's first keyframe is merely still arriving, it is not.
     */
    public JitterBuffer requireKeyframes() {
        keyframeGate = true;
        awaitingKeyframe = true;
        return this;
    }

    /**
     * Whether frames are held back until a keyframe and at least one was thrown away meanwhile (a lost frame, or a
     * stream joined between keyframes); only with {@link #requireKeyframes()}.
     */
    public boolean keyframeNeeded() {
        return awaitingKeyframe && frameLostSinceKeyframe;
    }

    /** Complete frames discarded while waiting for a keyframe. */
    public long framesDiscarded() {
        return framesDiscarded;
    }

    /** Adds a received packet (copied). */
    public void push(long nowNanos, RtpPacket packet) {
        updateJitter(nowNanos, packet.timestamp());
        long ext = unwrapper.unwrap(packet.sequenceNumber());
        if (nextSeq < 0) {
            nextSeq = ext;
        }
        if (ext < nextSeq) {
            packetsLate++; // already given up on or delivered
            return;
        }
        if (buffer.putIfAbsent(ext, packet.copy()) != null) {
            packetsDuplicate++;
            return;
        }
        drain(nowNanos);
    }

    /** Gives up on gaps whose wait expired. */
    public void handleTimeout(long nowNanos) {
        drain(nowNanos);
    }

    /** The next complete frame, or null. */
    public @Nullable EncodedFrame poll() {
        return ready.poll();
    }

    /** When a waiting gap expires (absolute nanos), or {@code Long.MAX_VALUE}. */
    public long pollTimeout() {
        return gapSince < 0 ? Long.MAX_VALUE : gapSince + currentWaitNanos();
    }

    /** The current wait for a missing packet, from the jitter estimate. */
    public long currentWaitNanos() {
        return Math.max(minWaitNanos, Math.min(maxWaitNanos, minWaitNanos + (long) (4 * jitterNanos)));
    }

    /** Interarrival jitter estimate in nanoseconds. */
    public long jitterNanos() {
        return (long) jitterNanos;
    }

    /** Packets that arrived after their slot was given up or delivered. */
    public long packetsLate() {
        return packetsLate;
    }

    /** Packets received twice. */
    public long packetsDuplicate() {
        return packetsDuplicate;
    }

    /** Sequence numbers given up on. */
    public long packetsSkipped() {
        return packetsSkipped;
    }

    /** Frames dropped as incomplete. */
    public long framesDropped() {
        return assembler.framesDropped();
    }

    /** Frames emitted. */
    public long framesEmitted() {
        return assembler.framesEmitted();
    }

    private void emit(EncodedFrame frame) {
        if (awaitingKeyframe && !frame.keyframe()) {
            framesDiscarded++;
            frameLostSinceKeyframe = true;
            return;
        }
        awaitingKeyframe = false;
        frameLostSinceKeyframe = false;
        ready.add(frame);
    }

    private void drain(long nowNanos) {
        while (!buffer.isEmpty()) {
            Map.Entry<Long, RtpPacket> first = buffer.firstEntry();
            if (first.getKey() == nextSeq) {
                buffer.pollFirstEntry();
                long droppedBefore = assembler.framesDropped();
                Optional<EncodedFrame> frame = assembler.push(first.getValue());
                if (keyframeGate && assembler.framesDropped() > droppedBefore) {
                    awaitingKeyframe = true; // later inter frames may reference the lost one
                    frameLostSinceKeyframe = true;
                }
                frame.ifPresent(this::emit);
                nextSeq++;
                gapSince = -1;
                continue;
            }
            // a gap before the first buffered packet
            if (gapSince < 0) {
                gapSince = nowNanos;
            }
            if (nowNanos - gapSince >= currentWaitNanos() || buffer.size() > maxPackets) {
                packetsSkipped += first.getKey() - nextSeq;
                nextSeq = first.getKey(); // the assembler sees the gap and drops the incomplete frame
                gapSince = nowNanos; // a later gap gets its own full wait
                continue;
            }
            return;
        }
        gapSince = -1;
    }

    // RFC 3550 §A.8: J += (|D| - J) / 16, D the change in transit time, here in nanoseconds
    private void updateJitter(long nowNanos, long rtpTimestamp) {
        if (lastRtpTimestamp >= 0) {
            long rtpDiff = (int) (rtpTimestamp - lastRtpTimestamp); // signed 32-bit difference
            double d = (nowNanos - lastArrival) - rtpDiff * 1e9 / clockRate;
            jitterNanos += (Math.abs(d) - jitterNanos) / 16;
        }
        lastArrival = nowNanos;
        lastRtpTimestamp = rtpTimestamp;
    }
}
