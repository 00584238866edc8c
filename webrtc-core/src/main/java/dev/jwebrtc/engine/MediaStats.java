package dev.jwebrtc.engine;

import dev.jwebrtc.rtp.interceptor.RtcpReports;
import dev.jwebrtc.sdp.jsep.Codec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of the RTP streams for W3C {@code getStats()} ({@code outbound-rtp}, {@code remote-inbound-rtp},
 * {@code inbound-rtp}, {@code codec}), taken on the event loop.
 */
public record MediaStats(List<Outbound> outbound, List<Inbound> inbound, List<CodecUse> codecs, Counters counters,
        long bandwidthEstimate) {

    /** Dropped media input and output. */
    public record Counters(long srtpFailures, long malformed, long unroutable, long beforeKeys, long sendsDropped) {}

    /** A payload type in use on a transceiver. */
    public record CodecUse(int transceiver, @Nullable String mid, int payloadType, String mimeType, int clockRate,
            int channels, String fmtp) {}

    /**
     * One stream we send, with what the remote's receiver reports say about it ({@code remote-inbound-rtp}).
     *
     * @param roundTripTimeSeconds from the last report block (RFC 3550 §6.4.1), or negative when none arrived
     */
    public record Outbound(int transceiver, String kind, @Nullable String mid, @Nullable String rid, long ssrc,
            long rtxSsrc,
            int payloadType, long packetsSent, long bytesSent, long framesSent, long retransmittedPackets,
            long nackCount, long pliCount, long firCount, boolean reportReceived, long remotePacketsLost,
            double remoteFractionLost, double remoteJitterSeconds, double roundTripTimeSeconds) {}

    /** One stream we receive ({@code inbound-rtp}). */
    public record Inbound(int transceiver, String kind, @Nullable String mid, @Nullable String rid, long ssrc,
            int payloadType, long packetsReceived, long bytesReceived, long headerBytesReceived, long packetsLost,
            double jitterSeconds, long framesReceived, long keyFramesReceived, long nackCount, long pliCount,
            long firCount, long framesDropped, long lastPacketReceivedNanos) {}

    static MediaStats of(Media media) {
        List<Outbound> out = new ArrayList<>();
        List<CodecUse> codecs = new ArrayList<>();
        for (MediaTransceiver t : media.transceivers()) {
            for (Codec c : t.codecs) {
                codecs.add(new CodecUse(t.handle, t.mid, c.payloadType(), t.kind.sdpName() + "/" + c.name(),
                        c.clockRate(), c.channels(), c.fmtp()));
            }
            for (SendEncoding e : t.encodings) {
                if (!e.bound) {
                    continue;
                }
                RtcpReports.SendStats r = media.reports.outbound(e.ssrc).orElse(null);
                out.add(new Outbound(t.handle, t.kind.sdpName(), t.mid, e.rid, e.ssrc, e.rtxSsrc,
                        t.sendCodec == null ? -1 : t.sendCodec.payloadType(), e.packetsSent, e.bytesSent, e.framesSent,
                        media.nackResponder.retransmitted(), t.nackReceived, t.pliReceived, t.firReceived,
                        r != null && r.roundTripTimeNanos() >= 0, r == null ? 0 : r.packetsLost(),
                        r == null ? 0 : r.fractionLost(), r == null ? 0 : r.jitterSeconds(),
                        r == null || r.roundTripTimeNanos() < 0 ? -1 : r.roundTripTimeNanos() / 1e9));
            }
        }
        List<Inbound> in = new ArrayList<>();
        for (ReceiveStream s : media.receiveStreams()) {
            MediaTransceiver t = s.transceiver;
            Optional<RtcpReports.InboundStats> stats = media.reports.inbound(s.ssrc);
            in.add(new Inbound(t.handle, t.kind.sdpName(), t.mid, s.rid, s.ssrc,
                    s.codec == null ? -1 : s.codec.payloadType(), s.packetsReceived, s.bytesReceived,
                    s.headerBytesReceived, stats.map(RtcpReports.InboundStats::packetsLost).orElse(0L),
                    stats.map(RtcpReports.InboundStats::jitterSeconds).orElse(0.0), s.framesReceived,
                    s.keyFramesReceived, media.nackGenerator.nacksSent(s.ssrc), s.pliSent, s.firSent,
                    s.jitterBuffer == null ? 0 : s.jitterBuffer.framesDropped() + s.jitterBuffer.framesDiscarded(),
                    s.lastPacketReceivedNanos));
        }
        Media.Counters c = media.counters();
        return new MediaStats(out, in, codecs, new Counters(c.srtpFailures(), c.malformed(), c.unroutable(),
                c.beforeKeys(), c.sendsDropped()), media.bandwidthEstimate());
    }

    public MediaStats {
        outbound = List.copyOf(outbound);
        inbound = List.copyOf(inbound);
        codecs = List.copyOf(codecs);
    }
}
