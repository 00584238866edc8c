package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Splits one encoded frame into RTP payloads (the codec's RTP payload format). Implementations may keep state
 * across frames (picture IDs, cached parameter sets), so use one instance per outgoing stream.
 */
public interface Payloader {

    /**
     * The RTP payloads for one frame, in sending order, each at most {@code maxPayloadSize} bytes. The frame is read
     * from {@code [position, limit)} and not modified; the returned arrays are new.
     *
     * @throws IllegalArgumentException if the frame is empty or malformed for this codec, or the size limit is too
     *     small to carry it
     */
    List<byte[]> payload(ByteBuffer frame, int maxPayloadSize);

    /** Whether the last packet of a frame carries the RTP marker bit (video: end of frame). Audio: false. */
    default boolean marksFrameEnd() {
        return true;
    }

    /**
     * Whether each payload's RTP timestamp advances by its byte count (sample-per-byte audio such as G.711 split
     * across packets); false when every packet of a frame shares the frame's timestamp.
     */
    default boolean timestampAdvancesPerByte() {
        return false;
    }
}
