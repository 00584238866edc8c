package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Transport-wide congestion control feedback, RTPFB FMT=15 (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1):
 * for a range of transport-wide sequence numbers, which packets arrived and the arrival time deltas.
 *
 * <p>The record keeps the chunks and deltas as they are on the wire, so a parsed packet writes back byte-exactly.
 * {@link #packets()} turns them into per-packet results; {@link #build} goes the other way.
 *
 * @param senderSsrc the feedback sender
 * @param mediaSsrc the media source field (senders put one of the media SSRCs there; receivers ignore it)
 * @param baseSequenceNumber the first transport sequence number described
 * @param packetStatusCount how many sequence numbers are described
 * @param referenceTime 24-bit reference time in multiples of 64 ms
 * @param feedbackPacketCount 8-bit counter of feedback packets sent, to detect lost feedback
 * @param chunks the status chunks, covering at least {@code packetStatusCount} symbols
 * @param deltas one receive delta per received packet, in 250 µs units (small: 0..255, large: -32768..32767)
 */
public record TransportWideCcFeedback(long senderSsrc, long mediaSsrc, int baseSequenceNumber, int packetStatusCount,
        int referenceTime, int feedbackPacketCount, List<PacketStatusChunk> chunks, List<Integer> deltas)
        implements RtcpPacket {

    /** RFC 4585 §6.2 registry: FMT 15 of RTPFB is transport-wide CC. */
    public static final int FMT = 15;
    /** §3.1.5: receive delta unit in microseconds. */
    public static final int DELTA_UNIT_MICROS = 250;
    /** §3.1: reference time unit in microseconds. */
    public static final int REFERENCE_UNIT_MICROS = 64_000;

    /**
     * The fate of one transport sequence number.
     *
     * @param sequenceNumber transport-wide sequence number
     * @param received whether it arrived
     * @param arrivalMicros arrival time in microseconds on the feedback sender's clock (reference time based); 0 if
     *     not received
     */
    public record PacketResult(int sequenceNumber, boolean received, long arrivalMicros) {
        /** A packet that arrived. */
        public static PacketResult received(int sequenceNumber, long arrivalMicros) {
            return new PacketResult(sequenceNumber, true, arrivalMicros);
        }

        /** A packet that did not arrive. */
        public static PacketResult lost(int sequenceNumber) {
            return new PacketResult(sequenceNumber, false, 0);
        }
    }

    public TransportWideCcFeedback {
        Rtcp.checkU32("sender ssrc", senderSsrc);
        Rtcp.checkU32("media ssrc", mediaSsrc);
        Rtcp.checkRange("base sequence number", baseSequenceNumber, 0, 0xFFFF);
        Rtcp.checkRange("packet status count", packetStatusCount, 0, 0xFFFF);
        Rtcp.checkRange("reference time", referenceTime, 0, 0xFFFFFF);
        Rtcp.checkRange("feedback packet count", feedbackPacketCount, 0, 255);
        chunks = List.copyOf(chunks);
        deltas = List.copyOf(deltas);
        List<StatusSymbol> symbols = symbols(chunks, packetStatusCount);
        if (symbols == null) {
            throw new IllegalArgumentException("chunks describe fewer than " + packetStatusCount + " packets");
        }
        int d = 0;
        for (StatusSymbol s : symbols) {
            if (s == StatusSymbol.RESERVED) {
                throw new IllegalArgumentException("reserved status symbol in TWCC feedback");
            }
            if (!s.hasDelta()) {
                continue;
            }
            if (d >= deltas.size()) {
                throw new IllegalArgumentException("fewer deltas than received packets");
            }
            int v = deltas.get(d++);
            if (s == StatusSymbol.SMALL_DELTA) {
                Rtcp.checkRange("small delta", v, 0, 255);
            } else {
                Rtcp.checkRange("large delta", v, -32768, 32767);
            }
        }
        if (d != deltas.size()) {
            throw new IllegalArgumentException(deltas.size() + " deltas for " + d + " received packets");
        }
    }

    /** The first {@code count} symbols of the chunks, or null if they hold fewer. */
    private static @Nullable List<StatusSymbol> symbols(List<PacketStatusChunk> chunks, int count) {
        List<StatusSymbol> out = new ArrayList<>(count);
        for (PacketStatusChunk c : chunks) {
            for (StatusSymbol s : c.symbols()) {
                if (out.size() == count) {
                    return out;
                }
                out.add(s);
            }
        }
        return out.size() == count ? out : null;
    }

    /** Per-packet results, in sequence order, arrival times accumulated from the reference time. */
    public List<PacketResult> packets() {
        List<StatusSymbol> symbols = symbols(chunks, packetStatusCount);
        List<PacketResult> out = new ArrayList<>(packetStatusCount);
        long t = (long) referenceTime * REFERENCE_UNIT_MICROS;
        int d = 0;
        for (int i = 0; i < packetStatusCount; i++) {
            int seq = (baseSequenceNumber + i) & 0xFFFF;
            if (symbols.get(i).hasDelta()) {
                t += (long) deltas.get(d++) * DELTA_UNIT_MICROS;
                out.add(PacketResult.received(seq, t));
            } else {
                out.add(PacketResult.lost(seq));
            }
        }
        return out;
    }

    /**
     * Builds feedback for consecutive sequence numbers starting at {@code results.get(0)}. Arrival times are
     * quantised to 250 µs; the reference time is the first arrival rounded down to 64 ms.
     *
     * @throws IllegalArgumentException if results are empty, not consecutive, none arrived, or a delta between two
     *     arrivals exceeds the ±8.192 s a large delta can hold (split the feedback there)
     */
    public static TransportWideCcFeedback build(long senderSsrc, long mediaSsrc, int feedbackPacketCount,
            List<PacketResult> results) {
        if (results.isEmpty() || results.size() > 0xFFFF) {
            throw new IllegalArgumentException("TWCC feedback needs 1..65535 packet results, got " + results.size());
        }
        int base = results.get(0).sequenceNumber();
        long first = results.stream().filter(PacketResult::received).mapToLong(PacketResult::arrivalMicros)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no packet in TWCC feedback arrived"));
        long ref = Math.floorDiv(first, REFERENCE_UNIT_MICROS);
        long t = ref * REFERENCE_UNIT_MICROS;
        List<StatusSymbol> symbols = new ArrayList<>(results.size());
        List<Integer> deltas = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            PacketResult r = results.get(i);
            if (r.sequenceNumber() != ((base + i) & 0xFFFF)) {
                throw new IllegalArgumentException("packet results not consecutive at index " + i);
            }
            if (!r.received()) {
                symbols.add(StatusSymbol.NOT_RECEIVED);
                continue;
            }
            long delta = Math.round((r.arrivalMicros() - t) / (double) DELTA_UNIT_MICROS);
            if (delta < -32768 || delta > 32767) {
                throw new IllegalArgumentException("receive delta of sequence " + r.sequenceNumber()
                        + " does not fit 16 bits; split the feedback there");
            }
            t += delta * DELTA_UNIT_MICROS;
            symbols.add(delta >= 0 && delta <= 255 ? StatusSymbol.SMALL_DELTA : StatusSymbol.LARGE_DELTA);
            deltas.add((int) delta);
        }
        return new TransportWideCcFeedback(senderSsrc, mediaSsrc, base, results.size(), (int) (ref & 0xFFFFFF),
                feedbackPacketCount, encodeChunks(symbols), deltas);
    }

    /** Greedy chunking: runs where a run is at least as long as a vector, else the densest vector that fits. */
    static List<PacketStatusChunk> encodeChunks(List<StatusSymbol> symbols) {
        List<PacketStatusChunk> out = new ArrayList<>();
        int i = 0;
        int n = symbols.size();
        while (i < n) {
            StatusSymbol s = symbols.get(i);
            int run = 1;
            while (i + run < n && symbols.get(i + run) == s && run < 0x1FFF) {
                run++;
            }
            boolean oneBitFits = true;
            for (int k = i; k < Math.min(n, i + 14); k++) {
                if (symbols.get(k) == StatusSymbol.LARGE_DELTA) {
                    oneBitFits = false;
                    break;
                }
            }
            int vectorCapacity = oneBitFits ? 14 : 7;
            if (run >= vectorCapacity || i + run == n) {
                out.add(new PacketStatusChunk.RunLength(s, run));
                i += run;
                continue;
            }
            List<StatusSymbol> v = new ArrayList<>(vectorCapacity);
            for (int k = 0; k < vectorCapacity; k++) {
                v.add(i + k < n ? symbols.get(i + k) : StatusSymbol.NOT_RECEIVED);
            }
            out.add(new PacketStatusChunk.StatusVector(!oneBitFits, v));
            i += vectorCapacity;
        }
        return out;
    }

    static @Nullable TransportWideCcFeedback parse(ByteBuffer b, int at, int length) {
        if (length < 16) {
            return null;
        }
        int count = Rtcp.u16(b, at + 10);
        int pos = at + 16;
        int end = at + length;
        List<PacketStatusChunk> chunks = new ArrayList<>();
        List<StatusSymbol> symbols = new ArrayList<>(count);
        while (symbols.size() < count) {
            if (pos + 2 > end) {
                return null;
            }
            PacketStatusChunk c = PacketStatusChunk.decode(Rtcp.u16(b, pos));
            pos += 2;
            chunks.add(c);
            for (StatusSymbol s : c.symbols()) {
                if (symbols.size() == count) {
                    break;
                }
                symbols.add(s);
            }
        }
        List<Integer> deltas = new ArrayList<>();
        for (StatusSymbol s : symbols) {
            if (s == StatusSymbol.RESERVED) {
                return null;
            }
            if (s == StatusSymbol.SMALL_DELTA) {
                if (pos + 1 > end) {
                    return null;
                }
                deltas.add(Rtcp.u8(b, pos));
                pos += 1;
            } else if (s == StatusSymbol.LARGE_DELTA) {
                if (pos + 2 > end) {
                    return null;
                }
                deltas.add((int) b.getShort(pos));
                pos += 2;
            }
        }
        return new TransportWideCcFeedback(Rtcp.u32(b, at), Rtcp.u32(b, at + 4), Rtcp.u16(b, at + 8), count,
                Rtcp.u24(b, at + 12), Rtcp.u8(b, at + 15), chunks, deltas);
    }

    private int unpaddedLength() {
        int n = 4 + 16 + 2 * chunks.size();
        List<StatusSymbol> symbols = symbols(chunks, packetStatusCount);
        for (StatusSymbol s : symbols) {
            n += s == StatusSymbol.SMALL_DELTA ? 1 : s == StatusSymbol.LARGE_DELTA ? 2 : 0;
        }
        return n;
    }

    @Override
    public int packetType() {
        return RTPFB;
    }

    @Override
    public int encodedLength() {
        return Rtcp.pad4(unpaddedLength());
    }

    @Override
    public void writeTo(ByteBuffer out) {
        int unpadded = unpaddedLength();
        int total = Rtcp.pad4(unpadded);
        // As libwebrtc does, padding to the 32-bit boundary uses the RTCP P bit with a count byte (RFC 3550 §6.4.1).
        Rtcp.header(out, total > unpadded, FMT, RTPFB, total);
        out.putInt((int) senderSsrc);
        out.putInt((int) mediaSsrc);
        out.putShort((short) baseSequenceNumber);
        out.putShort((short) packetStatusCount);
        Rtcp.put24(out, referenceTime);
        out.put((byte) feedbackPacketCount);
        for (PacketStatusChunk c : chunks) {
            out.putShort((short) c.encode());
        }
        List<StatusSymbol> symbols = symbols(chunks, packetStatusCount);
        int d = 0;
        for (StatusSymbol s : symbols) {
            if (s == StatusSymbol.SMALL_DELTA) {
                out.put((byte) (int) deltas.get(d++));
            } else if (s == StatusSymbol.LARGE_DELTA) {
                out.putShort((short) (int) deltas.get(d++));
            }
        }
        for (int i = unpadded; i < total - 1; i++) {
            out.put((byte) 0);
        }
        if (total > unpadded) {
            out.put((byte) (total - unpadded));
        }
    }
}
