package dev.jwebrtc.rtp;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Playout delay limits (webrtc.org playout-delay): two 12-bit values in 10 ms units, the minimum and maximum delay
 * the sender wants the receiver to apply before rendering.
 *
 * @param minDelay 0..4095, in 10 ms units
 * @param maxDelay 0..4095, in 10 ms units
 */
public record PlayoutDelay(int minDelay, int maxDelay) implements HeaderExtension {
    /** The extmap URI. */
    public static final String URI = "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay";

    public PlayoutDelay {
        if (minDelay < 0 || minDelay > 0xFFF || maxDelay < 0 || maxDelay > 0xFFF) {
            throw new IllegalArgumentException("playout delay " + minDelay + ".." + maxDelay
                    + " is not two 12-bit values");
        }
    }

    /** Parses a 3-byte value. */
    public static Optional<PlayoutDelay> parse(ByteBuffer data) {
        if (data.remaining() < 3) {
            return Optional.empty();
        }
        int raw = Bytes.u24(data, data.position());
        return Optional.of(new PlayoutDelay(raw >>> 12, raw & 0xFFF));
    }

    /** The minimum delay in milliseconds. */
    public int minDelayMillis() {
        return minDelay * 10;
    }

    /** The maximum delay in milliseconds. */
    public int maxDelayMillis() {
        return maxDelay * 10;
    }

    @Override
    public String uri() {
        return URI;
    }

    @Override
    public byte[] encode() {
        int raw = minDelay << 12 | maxDelay;
        return new byte[] {(byte) (raw >>> 16), (byte) (raw >>> 8), (byte) raw};
    }
}
