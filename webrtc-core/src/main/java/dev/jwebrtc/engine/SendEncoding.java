package dev.jwebrtc.engine;

import dev.jwebrtc.rtp.codec.RtpPacketizer;
import org.jspecify.annotations.Nullable;

/**
 * One RTP stream a transceiver sends: the only one, or one simulcast layer named by its rid (RFC 8853), each with its
 * own SSRC, RTX SSRC, packetizer, RTP timestamp and counters. Event-loop confined.
 */
final class SendEncoding {

    /** The rid, or null for a plain (non-simulcast) stream. */
    final @Nullable String rid;
    final long ssrc;
    final long rtxSsrc;
    final long timestampBase;
    /** Whether the last negotiation accepted this layer (the answer's {@code a=simulcast:recv} lists it). */
    boolean active = true;
    @Nullable RtpPacketizer packetizer;
    int packetizerPayloadType = -1;
    long sentDurationNanos;
    long framesSent;
    long packetsSent;
    long bytesSent;
    boolean bound;

    SendEncoding(@Nullable String rid, long ssrc, long rtxSsrc, long timestampBase) {
        this.rid = rid;
        this.ssrc = ssrc;
        this.rtxSsrc = rtxSsrc;
        this.timestampBase = timestampBase;
    }

    /** The RTP timestamp of the next frame: the base plus the durations sent so far, in the codec's clock. */
    long nextTimestamp(int clockRate) {
        long seconds = sentDurationNanos / 1_000_000_000L;
        long units = seconds * clockRate + (sentDurationNanos - seconds * 1_000_000_000L) * clockRate / 1_000_000_000L;
        return (timestampBase + units) & 0xFFFF_FFFFL;
    }
}
