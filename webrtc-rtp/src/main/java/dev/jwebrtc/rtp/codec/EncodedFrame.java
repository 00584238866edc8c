package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;

/**
 * One frame rebuilt from RTP packets.
 *
 * @param rtpTimestamp the packets' RTP timestamp
 * @param data the frame bytes (read-only; see {@link Depacketizer#depacketize} for the format)
 * @param keyframe whether the frame is decodable on its own
 * @param firstSequenceNumber sequence number of its first packet
 * @param lastSequenceNumber sequence number of its last packet
 */
public record EncodedFrame(long rtpTimestamp, ByteBuffer data, boolean keyframe, int firstSequenceNumber,
        int lastSequenceNumber) {

    /** The frame bytes, as a new view (its position and limit are the caller's to move). */
    public java.nio.ByteBuffer data() {
        return data.duplicate();
    }

    /** Wraps a new array. */
    public static EncodedFrame of(long rtpTimestamp, byte[] data, boolean keyframe, int first, int last) {
        return new EncodedFrame(rtpTimestamp, ByteBuffer.wrap(data).asReadOnlyBuffer(), keyframe, first, last);
    }

    /** The frame bytes as a new array. */
    public byte[] bytes() {
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        return b;
    }
}
