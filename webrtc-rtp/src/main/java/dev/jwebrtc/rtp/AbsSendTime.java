package dev.jwebrtc.rtp;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Absolute send time (webrtc.org abs-send-time): a 24-bit 6.18 fixed-point number of seconds, the low bits of the
 * sender's NTP-like clock; it wraps every 64 seconds.
 *
 * @param value the 24-bit field
 */
public record AbsSendTime(int value) implements HeaderExtension {
    /** The extmap URI. */
    public static final String URI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public AbsSendTime {
        if (value < 0 || value > 0xFFFFFF) {
            throw new IllegalArgumentException("abs-send-time " + value + " is not a 24-bit value");
        }
    }

    /** The value for a send time in nanoseconds (any epoch; only the time modulo 64 s is kept). */
    public static AbsSendTime fromNanos(long nanos) {
        long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
        long frac = Math.floorMod(nanos, NANOS_PER_SECOND);
        long fixed = (seconds << 18) + (frac << 18) / NANOS_PER_SECOND; // 6.18 fixed point
        return new AbsSendTime((int) (fixed & 0xFFFFFF));
    }

    /** The time this value encodes, in nanoseconds within [0, 64 s). */
    public long toNanos() {
        return ((long) value * NANOS_PER_SECOND) >> 18;
    }

    /** Parses a 3-byte value. */
    public static Optional<AbsSendTime> parse(ByteBuffer data) {
        if (data.remaining() < 3) {
            return Optional.empty();
        }
        int p = data.position();
        return Optional.of(new AbsSendTime(Bytes.u24(data, p)));
    }

    @Override
    public String uri() {
        return URI;
    }

    @Override
    public byte[] encode() {
        return new byte[] {(byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
