package dev.jwebrtc.rtp.interceptor;

/** NTP timestamps (RFC 5905 §6) from the sans-IO clock plus a wall-clock offset. */
final class NtpTime {
    private static final long UNIX_TO_NTP_SECONDS = 2_208_988_800L;

    private NtpTime() {
    }

    /** 64-bit NTP time for Unix-epoch nanoseconds. */
    static long fromUnixNanos(long unixNanos) {
        long seconds = Math.floorDiv(unixNanos, 1_000_000_000L) + UNIX_TO_NTP_SECONDS;
        long nanos = Math.floorMod(unixNanos, 1_000_000_000L);
        return seconds << 32 | ((nanos << 32) / 1_000_000_000L);
    }

    /** The middle 32 bits (16.16 seconds), as LSR/LRR fields carry (RFC 3550 §6.4.1). */
    static long compact(long ntp) {
        return (ntp >>> 16) & 0xFFFF_FFFFL;
    }

    /** Nanoseconds as 1/65536 s units. */
    static long toUnits65536(long nanos) {
        return (nanos << 16) / 1_000_000_000L;
    }

    /** 1/65536 s units as nanoseconds. */
    static long fromUnits65536(long units) {
        return units * 1_000_000_000L >> 16;
    }
}
