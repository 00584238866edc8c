package dev.jwebrtc.rtp.codec;

import dev.jwebrtc.rtp.RtpPacket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds frames from one stream's RTP packets given in sequence order (reordering is the jitter buffer's job).
 * A frame starts at a packet its {@link Depacketizer} calls a frame start and ends at the marker bit (or at every
 * packet for audio). A gap in sequence numbers, a timestamp change without a marker, or a payload the depacketizer
 * rejects drops the frame in progress; the drop is counted. Payloads are copied, so packets may be borrowed.
 */
public final class FrameAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(FrameAssembler.class);

    private final Depacketizer depacketizer;
    private final List<ByteBuffer> payloads = new ArrayList<>();
    private boolean inFrame;
    private long timestamp;
    private int firstSeq;
    private int lastSeq = -1;
    private long abandonedTimestamp = -1;
    private boolean previousMarker;
    private long previousTimestamp = -1;
    private long framesSeen;
    private long framesDropped;
    private long framesEmitted;

    public FrameAssembler(Depacketizer depacketizer) {
        this.depacketizer = depacketizer;
    }

    /** Feeds the next packet; returns the frames it completed (zero or one). */
    public Optional<EncodedFrame> push(RtpPacket packet) {
        int seq = packet.sequenceNumber();
        boolean contiguous = lastSeq >= 0 && seq == ((lastSeq + 1) & 0xFFFF);
        // a codec without a reliable start flag (H.264) starts a frame only right after a frame boundary
        boolean afterBoundary = contiguous && (previousMarker || previousTimestamp != packet.timestamp());
        lastSeq = seq;
        previousMarker = packet.marker();
        previousTimestamp = packet.timestamp();
        if (inFrame && (!contiguous || packet.timestamp() != timestamp)) {
            drop(!contiguous ? "sequence gap" : "timestamp changed before the marker");
        }
        ByteBuffer payload = packet.payload();
        if (!inFrame) {
            // after a drop, the rest of that frame's packets are skipped; a frame starts afresh at a new timestamp
            if (packet.timestamp() == abandonedTimestamp || !depacketizer.isFrameStart(payload)
                    || (!depacketizer.hasReliableFrameStart() && !afterBoundary && framesSeen > 0)) {
                return Optional.empty(); // waiting for the next frame start
            }
            inFrame = true;
            framesSeen++;
            abandonedTimestamp = -1;
            timestamp = packet.timestamp();
            firstSeq = seq;
        }
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
        copy.put(payload.duplicate()).flip();
        payloads.add(copy);
        if (!packet.marker() && !depacketizer.everyPacketIsAFrame()) {
            return Optional.empty();
        }
        Optional<byte[]> data = depacketizer.depacketize(payloads);
        boolean key = data.isPresent() && depacketizer.isKeyframe(payloads);
        if (data.isEmpty()) {
            drop("payloads do not form a frame");
            return Optional.empty();
        }
        reset();
        framesEmitted++;
        return Optional.of(EncodedFrame.of(timestamp, data.get(), key, firstSeq, seq));
    }

    /** Frames dropped as incomplete or malformed. */
    public long framesDropped() {
        return framesDropped;
    }

    /** Frames emitted. */
    public long framesEmitted() {
        return framesEmitted;
    }

    private void drop(String why) {
        framesDropped++;
        LOG.debug("dropping frame at RTP timestamp {}: {}", timestamp, why);
        abandonedTimestamp = timestamp;
        reset();
    }

    private void reset() {
        payloads.clear();
        inFrame = false;
    }
}
