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

    /**
     * Samples at 48 kHz in an Opus packet, from its TOC byte and frame count (RFC 6716 §3.1, §3.2.5); -1 when the
     * packet is empty or a code 3 packet lacks its frame count byte.
     */
    public static int sampleCount(ByteBuffer packet) {
        if (!packet.hasRemaining()) {
            return -1;
        }
        int toc = packet.get(packet.position()) & 0xFF;
        int config = toc >>> 3;
        int frameSamples;
        if (config < 12) { // SILK-only: 10, 20, 40, 60 ms
            frameSamples = new int[] {480, 960, 1920, 2880}[config & 3];
        } else if (config < 16) { // Hybrid: 10, 20 ms
            frameSamples = (config & 1) == 0 ? 480 : 960;
        } else { // CELT-only: 2.5, 5, 10, 20 ms
            frameSamples = 120 << (config & 3);
        }
        int frames = switch (toc & 3) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> packet.remaining() < 2 ? -1 : packet.get(packet.position() + 1) & 0x3F;
        };
        return frames < 0 ? -1 : frames * frameSamples;
    }

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
