package dev.jwebrtc.rtp.interceptor;

import dev.jwebrtc.rtp.RtpHeader;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.rtcp.GenericNack;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Send side of generic NACK: keeps the last {@code historySize} packets of every local stream that negotiated NACK
 * and answers a NACK by resending them, as RTX (RFC 4588 §4: own SSRC, payload type and sequence numbers, the
 * original sequence number in front of the payload) when RTX was negotiated, else as the original packet. A packet
 * is resent at most once per {@code minResendIntervalNanos}.
 */
public final class NackResponder implements Interceptor {

    private static final class History {
        final StreamInfo info;
        final RtpPacket[] packets;
        final long[] lastResent;
        int rtxSequence;

        History(StreamInfo info, int size, int rtxStart) {
            this.info = info;
            this.packets = new RtpPacket[size];
            this.lastResent = new long[size];
            this.rtxSequence = rtxStart;
            java.util.Arrays.fill(lastResent, Long.MIN_VALUE);
        }
    }

    private final int historySize;
    private final long minResendIntervalNanos;
    private final RandomGenerator random;
    private final Map<Long, History> streams = new HashMap<>();
    private long retransmitted;
    private long notInHistory;

    /**
     * @param historySize packets kept per stream (a power of two up to 32768)
     * @param minResendIntervalNanos least time between two resends of one packet
     * @param random for the initial RTX sequence number (RFC 3550 §5.1: random)
     */
    public NackResponder(int historySize, long minResendIntervalNanos, RandomGenerator random) {
        if (historySize < 1 || historySize > 32768 || Integer.bitCount(historySize) != 1) {
            throw new IllegalArgumentException("history size " + historySize + " is not a power of two in 1..32768");
        }
        this.historySize = historySize;
        this.minResendIntervalNanos = minResendIntervalNanos;
        this.random = random;
    }

    @Override
    public void bindLocalStream(StreamInfo stream) {
        if (stream.nack()) {
            streams.putIfAbsent(stream.ssrc(), new History(stream, historySize, random.nextInt(65536)));
        }
    }

    @Override
    public RtpPacket sendRtp(long nowNanos, RtpPacket packet, InterceptorOutput out) {
        History h = streams.get(packet.ssrc());
        if (h != null) {
            int slot = packet.sequenceNumber() & (historySize - 1);
            h.packets[slot] = packet.copy();
            h.lastResent[slot] = Long.MIN_VALUE;
        }
        return packet;
    }

    @Override
    public void receiveRtcp(long nowNanos, RtcpPacket packet, InterceptorOutput out) {
        if (!(packet instanceof GenericNack nack)) {
            return;
        }
        History h = streams.get(nack.mediaSsrc());
        if (h == null) {
            return;
        }
        for (int seq : nack.lostSequenceNumbers()) {
            int slot = seq & (historySize - 1);
            RtpPacket p = h.packets[slot];
            if (p == null || p.sequenceNumber() != seq) {
                notInHistory++;
                continue;
            }
            if (h.lastResent[slot] != Long.MIN_VALUE && nowNanos - h.lastResent[slot] < minResendIntervalNanos) {
                continue;
            }
            h.lastResent[slot] = nowNanos;
            out.sendRtp(h.info.hasRtx() ? toRtx(h, p) : p);
            retransmitted++;
        }
    }

    // RFC 4588 §4: RTX payload = original sequence number (OSN) + original payload; timestamp and marker kept
    private static RtpPacket toRtx(History h, RtpPacket p) {
        ByteBuffer payload = ByteBuffer.allocate(2 + p.payload().remaining());
        payload.putShort((short) p.sequenceNumber()).put(p.payload().duplicate()).flip();
        RtpHeader header = p.header().withStream(h.info.rtxPayloadType(), h.rtxSequence, p.timestamp(),
                h.info.rtxSsrc());
        h.rtxSequence = (h.rtxSequence + 1) & 0xFFFF;
        return RtpPacket.of(header, payload);
    }

    /** Packets resent. */
    public long retransmitted() {
        return retransmitted;
    }

    /** Requested packets no longer (or never) in the history. */
    public long notInHistory() {
        return notInHistory;
    }
}
