package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Reads a codec's RTP payload format: where frames start, how a frame is rebuilt from its packets' payloads, and
 * whether it is a keyframe. Stateless; payloads are borrowed for the call. Malformed payloads give empty results,
 * never exceptions.
 */
public interface Depacketizer {

    /** Whether this payload may be the first of a frame (the codec's start-of-frame indication). */
    boolean isFrameStart(ByteBuffer payload);

    /**
     * Rebuilds one frame from the payloads of its packets, in sequence order, in the codec's storage format (VP8/VP9
     * frames, H.264 Annex B, AV1 low-overhead OBUs with size fields, Opus/G.711 as-is).
     */
    Optional<byte[]> depacketize(List<ByteBuffer> payloads);

    /** Whether these payloads carry a keyframe (a frame decodable without earlier frames). */
    boolean isKeyframe(List<ByteBuffer> payloads);

    /**
     * Whether {@link #isFrameStart} alone proves a frame begins (VP8 S bit, VP9 B bit). False for formats such as
     * H.264 where any slice looks like a start: after a loss, a frame is then only started at a frame boundary.
     */
    default boolean hasReliableFrameStart() {
        return true;
    }

    /** Whether every packet is a whole frame (audio), so frames need no marker bit to end. */
    default boolean everyPacketIsAFrame() {
        return false;
    }
}
