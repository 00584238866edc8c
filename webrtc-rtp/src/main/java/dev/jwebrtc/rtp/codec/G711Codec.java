package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * G.711 PCMU (static PT 0) and PCMA (static PT 8), RFC 3551 §4.5.14: one byte per sample at 8 kHz. A frame larger
 * than the payload limit is split at byte boundaries, each piece's RTP timestamp advancing by its sample count
 * (RFC 3551 §4.2). Every packet is a frame.
 */
public final class G711Codec implements Payloader, Depacketizer {
    /** RFC 3551 §6: PCMU static payload type. */
    public static final int PCMU_PAYLOAD_TYPE = 0;
    /** RFC 3551 §6: PCMA static payload type. */
    public static final int PCMA_PAYLOAD_TYPE = 8;
    /** RFC 3551 §4.5.14: the clock rate. */
    public static final int CLOCK_RATE = 8_000;

    @Override
    public List<byte[]> payload(ByteBuffer frame, int maxPayloadSize) {
        if (!frame.hasRemaining()) {
            throw new IllegalArgumentException("empty G.711 frame");
        }
        ByteBuffer f = frame.duplicate();
        List<byte[]> out = new ArrayList<>();
        while (f.hasRemaining()) {
            byte[] b = new byte[Math.min(maxPayloadSize, f.remaining())];
            f.get(b);
            out.add(b);
        }
        return out;
    }

    @Override
    public boolean marksFrameEnd() {
        return false;
    }

    @Override
    public boolean timestampAdvancesPerByte() {
        return true;
    }

    @Override
    public boolean isFrameStart(ByteBuffer payload) {
        return payload.hasRemaining();
    }

    @Override
    public Optional<byte[]> depacketize(List<ByteBuffer> payloads) {
        int n = 0;
        for (ByteBuffer p : payloads) {
            n += p.remaining();
        }
        if (n == 0) {
            return Optional.empty();
        }
        ByteBuffer out = ByteBuffer.allocate(n);
        payloads.forEach(p -> out.put(p.duplicate()));
        return Optional.of(out.array());
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
