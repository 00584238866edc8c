package dev.jwebrtc.rtp.interceptor;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.rtcp.ExtendedReport;
import dev.jwebrtc.rtp.rtcp.ReceiverReport;
import dev.jwebrtc.rtp.rtcp.ReportBlock;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import dev.jwebrtc.rtp.rtcp.SenderReport;
import dev.jwebrtc.rtp.rtcp.SourceDescription;
import dev.jwebrtc.rtp.rtcp.XrBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sender and receiver reports (RFC 3550 §6.4): counts what we send and receive, sends an SR per local stream (or an
 * RR when we send nothing) every interval with report blocks for the remote streams, plus an SDES CNAME, and
 * computes round-trip time from the report blocks the remote returns (RFC 3550 §6.4.1: RTT = A - LSR - DLSR).
 * Packets it counts are the ones passing the chain; RTX packets should be unwrapped before (place it after
 * {@link RtxReceiver}). The interval is fixed (no RFC 3550 §6.3.5 randomisation).
 *
 * <p>With extended reports enabled, a receive-only side also learns its RTT (RFC 3611 §4.4, §4.5): it sends a
 * receiver reference time block with its RRs; a sending side answers each one with a DLRR block, and the receiver
 * computes {@code RTT = A - LRR - DLRR}.
 */
public final class RtcpReports implements Interceptor {

    /**
     * What we know about a stream we receive ({@code inbound-rtp}).
     *
     * @param packetsReceived packets counted
     * @param packetsLost expected minus received (RFC 3550 §A.3)
     * @param jitterSeconds interarrival jitter
     * @param bytesReceived payload bytes
     */
    public record InboundStats(long packetsReceived, long packetsLost, double jitterSeconds, long bytesReceived) {
    }

    /**
     * What the remote reported about a stream we send ({@code remote-inbound-rtp}) and what we sent.
     *
     * @param packetsSent packets sent
     * @param bytesSent payload bytes sent
     * @param fractionLost the last reported fraction lost, 0..1
     * @param packetsLost the last reported cumulative loss
     * @param jitterSeconds the last reported jitter
     * @param roundTripTimeNanos the last RTT, or -1 before one could be measured
     */
    public record SendStats(long packetsSent, long bytesSent, double fractionLost, long packetsLost,
            double jitterSeconds, long roundTripTimeNanos) {
    }

    private static final class Local {
        final StreamInfo info;
        long packets;
        long bytes;
        long lastRtpTimestamp;
        long lastSendNanos = Long.MIN_VALUE;
        @Nullable ReportBlock lastReport;
        long rttNanos = -1;

        Local(StreamInfo info) {
            this.info = info;
        }
    }

    private final long reporterSsrc;
    private final @Nullable String cname;
    private final long intervalNanos;
    private final long wallClockOffsetNanos;
    private final Map<Long, Local> local = new LinkedHashMap<>();
    private final Map<Long, ReceiveStatistics> remote = new LinkedHashMap<>();
    private final Map<Long, long[]> lastSenderReport = new LinkedHashMap<>(); // ssrc -> {compact NTP, arrival}
    private final Map<Long, long[]> lastReferenceTime = new LinkedHashMap<>(); // ssrc -> {compact NTP, arrival}
    private final boolean extendedReports;
    private long receiverRttNanos = -1;
    private long nextReport = Long.MAX_VALUE;

    /**
     * @param reporterSsrc the SSRC that sends RRs when we have no stream of our own
     * @param cname the CNAME for SDES, or null to send none (reduced-size RTCP)
     * @param intervalNanos time between reports
     * @param wallClockOffsetNanos Unix-epoch nanoseconds minus the sans-IO clock, for NTP timestamps
     */
    public RtcpReports(long reporterSsrc, @Nullable String cname, long intervalNanos, long wallClockOffsetNanos) {
        this(reporterSsrc, cname, intervalNanos, wallClockOffsetNanos, false);
    }

    /**
     * As above; {@code extendedReports} adds RFC 3611 RRTR blocks to receiver reports and DLRR answers to sender
     * reports (negotiated with {@code a=rtcp-xr}).
     */
    public RtcpReports(long reporterSsrc, @Nullable String cname, long intervalNanos, long wallClockOffsetNanos,
            boolean extendedReports) {
        this.extendedReports = extendedReports;
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("report interval must be positive");
        }
        this.reporterSsrc = reporterSsrc;
        this.cname = cname;
        this.intervalNanos = intervalNanos;
        this.wallClockOffsetNanos = wallClockOffsetNanos;
    }

    @Override
    public void bindLocalStream(StreamInfo stream) {
        local.putIfAbsent(stream.ssrc(), new Local(stream));
    }

    @Override
    public void bindRemoteStream(StreamInfo stream) {
        remote.putIfAbsent(stream.ssrc(), new ReceiveStatistics(stream.ssrc(), stream.clockRate()));
    }

    @Override
    public RtpPacket sendRtp(long nowNanos, RtpPacket packet, InterceptorOutput out) {
        Local l = local.get(packet.ssrc());
        if (l != null) {
            l.packets++;
            l.bytes += packet.payload().remaining();
            l.lastRtpTimestamp = packet.timestamp();
            l.lastSendNanos = nowNanos;
            arm(nowNanos);
        }
        return packet;
    }

    @Override
    public RtpPacket receiveRtp(long nowNanos, RtpPacket packet, InterceptorOutput out) {
        ReceiveStatistics s = remote.get(packet.ssrc());
        if (s != null) {
            s.update(nowNanos, packet.sequenceNumber(), packet.timestamp(), packet.payload().remaining());
            arm(nowNanos);
        }
        return packet;
    }

    private void arm(long nowNanos) {
        if (nextReport == Long.MAX_VALUE) {
            nextReport = nowNanos + intervalNanos / 2; // the first report comes sooner (RFC 3550 §6.2)
        }
    }

    @Override
    public void receiveRtcp(long nowNanos, RtcpPacket packet, InterceptorOutput out) {
        List<ReportBlock> blocks = List.of();
        if (packet instanceof SenderReport sr) {
            lastSenderReport.put(sr.ssrc(), new long[] {sr.compactNtp(), nowNanos});
            blocks = sr.reports();
        } else if (packet instanceof ReceiverReport rr) {
            blocks = rr.reports();
        }
        long nowCompact = NtpTime.compact(NtpTime.fromUnixNanos(nowNanos + wallClockOffsetNanos));
        if (packet instanceof ExtendedReport xr) {
            for (XrBlock block : xr.blocks()) {
                if (block instanceof XrBlock.ReceiverReferenceTime rrtr) {
                    lastReferenceTime.put(xr.ssrc(), new long[] {rrtr.compactNtp(), nowNanos});
                } else if (block instanceof XrBlock.Dlrr dlrr) {
                    for (XrBlock.DlrrSubBlock sub : dlrr.subBlocks()) {
                        if (sub.ssrc() == reporterSsrc && sub.lastReceiverReport() != 0) {
                            // RFC 3611 §4.5: RTT = A - LRR - DLRR
                            long rtt = (nowCompact - sub.lastReceiverReport() - sub.delaySinceLastReceiverReport())
                                    & 0xFFFF_FFFFL;
                            if (rtt < 0x8000_0000L) {
                                receiverRttNanos = NtpTime.fromUnits65536(rtt);
                            }
                        }
                    }
                }
            }
        }
        for (ReportBlock b : blocks) {
            Local l = local.get(b.ssrc());
            if (l == null) {
                continue;
            }
            l.lastReport = b;
            if (b.lastSenderReport() != 0) {
                // RFC 3550 §6.4.1: RTT = A - LSR - DLSR, in 1/65536 s, modulo 2^32
                long rtt = (nowCompact - b.lastSenderReport() - b.delaySinceLastSenderReport()) & 0xFFFF_FFFFL;
                if (rtt < 0x8000_0000L) {
                    l.rttNanos = NtpTime.fromUnits65536(rtt);
                }
            }
        }
    }

    @Override
    public long pollTimeout() {
        return nextReport;
    }

    @Override
    public void handleTimeout(long nowNanos, InterceptorOutput out) {
        if (nowNanos < nextReport) {
            return;
        }
        nextReport = nowNanos + intervalNanos;
        List<ReportBlock> blocks = new ArrayList<>();
        for (Map.Entry<Long, ReceiveStatistics> e : remote.entrySet()) {
            if (e.getValue().packetsReceived() == 0 || blocks.size() == 31) {
                continue;
            }
            long[] sr = lastSenderReport.get(e.getKey());
            long lsr = sr == null ? 0 : sr[0];
            long dlsr = sr == null ? 0 : NtpTime.toUnits65536(nowNanos - sr[1]) & 0xFFFF_FFFFL;
            blocks.add(e.getValue().reportBlock(lsr, dlsr));
        }
        long ntp = NtpTime.fromUnixNanos(nowNanos + wallClockOffsetNanos);
        long sdesSsrc = reporterSsrc;
        boolean first = true;
        for (Local l : local.values()) {
            if (l.lastSendNanos == Long.MIN_VALUE) {
                continue;
            }
            // RFC 3550 §6.4.1: the RTP timestamp of "now", extrapolated from the last packet sent
            long rtp = (l.lastRtpTimestamp + (nowNanos - l.lastSendNanos) * l.info.clockRate() / 1_000_000_000L)
                    & 0xFFFF_FFFFL;
            out.sendRtcp(new SenderReport(l.info.ssrc(), ntp, rtp, l.packets & 0xFFFF_FFFFL, l.bytes & 0xFFFF_FFFFL,
                    first ? blocks : List.of()));
            if (first) {
                sdesSsrc = l.info.ssrc();
            }
            first = false;
        }
        if (first) {
            out.sendRtcp(new ReceiverReport(reporterSsrc, blocks));
        }
        if (cname != null) {
            out.sendRtcp(SourceDescription.cname(sdesSsrc, cname));
        }
        if (extendedReports && first) {
            out.sendRtcp(new ExtendedReport(reporterSsrc, List.of(new XrBlock.ReceiverReferenceTime(ntp))));
        } else if (extendedReports && !lastReferenceTime.isEmpty()) {
            List<XrBlock.DlrrSubBlock> subs = new ArrayList<>();
            for (Map.Entry<Long, long[]> e : lastReferenceTime.entrySet()) {
                long dlrr = NtpTime.toUnits65536(nowNanos - e.getValue()[1]) & 0xFFFF_FFFFL;
                subs.add(new XrBlock.DlrrSubBlock(e.getKey(), e.getValue()[0], dlrr));
            }
            out.sendRtcp(new ExtendedReport(sdesSsrc, List.of(new XrBlock.Dlrr(subs))));
        }
    }

    /** RTT measured as a receiver through RFC 3611 DLRR answers, or -1. */
    public long receiverRoundTripTimeNanos() {
        return receiverRttNanos;
    }

    /** Reception statistics of a remote stream. */
    public Optional<InboundStats> inbound(long ssrc) {
        ReceiveStatistics s = remote.get(ssrc);
        return s == null ? Optional.empty() : Optional.of(new InboundStats(s.packetsReceived(), s.cumulativeLost(),
                s.jitterSeconds(), s.bytesReceived()));
    }

    /** Send statistics of a local stream with what the remote reported. */
    public Optional<SendStats> outbound(long ssrc) {
        Local l = local.get(ssrc);
        if (l == null) {
            return Optional.empty();
        }
        ReportBlock r = l.lastReport;
        return Optional.of(new SendStats(l.packets, l.bytes, r == null ? 0 : r.fractionLost() / 256.0,
                r == null ? 0 : r.cumulativeLost(), r == null ? 0 : r.jitter() / (double) l.info.clockRate(),
                l.rttNanos));
    }
}
