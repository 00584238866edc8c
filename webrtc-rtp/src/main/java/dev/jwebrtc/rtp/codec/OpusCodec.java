package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Opus RTP payload format (RFC 7587 §4.2): one Opus packet per RTP packet, unchanged, never fragmented; the RTP clock
 * is 48 kHz whatever the coded bandwidth. Every packet is a frame and a "keyframe".
 */
public final class OpusCodec implements Payloader, Depacketizer {
    /** RFC 7587 §4.1: the RTP clock rate. */
    public static final int CLOCK_RATE = 48_000;

    @Override
    public List<byte[]> payload(ByteBuffer frame, int maxPayloadSize) {
        if (!frame.hasRemaining()) {
            throw new IllegalArgumentException("empty Opus packet");
        }
        if (frame.remaining() > maxPayloadSize) {
            // RFC 7587 §4.2: an Opus packet is not split across RTP packets
            throw new IllegalArgumentException("Opus packet of " + frame.remaining()
                    + " bytes exceeds the payload limit " + maxPayloadSize + " and cannot be fragmented");
        }
        byte[] b = new byte[frame.remaining()];
        frame.duplicate().get(b);
        return List.of(b);
    }

    @Override
    public boolean marksFrameEnd() {
        return false;
    }

    @Override
    public boolean isFrameStart(ByteBuffer payload) {
        return payload.hasRemaining();
    }

    @Override
    public Optional<byte[]> depacketize(List<ByteBuffer> payloads) {
        if (payloads.size() != 1 || !payloads.get(0).hasRemaining()) {
            return Optional.empty();
        }
        ByteBuffer p = payloads.get(0);
        byte[] b = new byte[p.remaining()];
        p.duplicate().get(b);
        return Optional.of(b);
    }

    @Override
    public boolean isKeyframe(List<ByteBuffer> payloads) {
        return true;
    }

    @Override
    public boolean everyPacketIsAFrame() {
        return true;
    }
}
