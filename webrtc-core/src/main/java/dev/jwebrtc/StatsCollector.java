package dev.jwebrtc;

import dev.jwebrtc.dtls.DtlsCertificate;
import dev.jwebrtc.engine.RtcEngine;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds a W3C stats report (webrtc-stats) from an engine snapshot and the API objects: {@code peer-connection},
 * {@code certificate}, {@code transport}, candidates and pairs, the RTP streams with their codecs and sources, and
 * {@code data-channel}. Runs on the connection's event loop.
 */
final class StatsCollector {

    private StatsCollector() {
    }

    static RTCStatsReport collect(DtlsCertificate certificate, @Nullable RtcEngine e, int dataChannelsOpened,
            int dataChannelsClosed, List<RTCDataChannel> everyChannel, List<RTCRtpTransceiver> transceivers) {
        double now = System.currentTimeMillis();
        List<RTCStats> all = new ArrayList<>();
        all.add(new RTCStats.PeerConnection("P", now, dataChannelsOpened, dataChannelsClosed));
        String certificateId = "CF" + certificate.fingerprint().format().substring("sha-256 ".length());
        all.add(new RTCStats.Certificate(certificateId, now, certificate.fingerprint().format().substring(8),
                "sha-256", java.util.Base64.getEncoder().encodeToString(certificate.der())));
        if (e != null) {
            dev.jwebrtc.engine.EngineStats es = e.stats();
            String transportId = "T01";
            String selected = null;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (dev.jwebrtc.ice.IceCandidate c : es.localCandidates()) {
                addCandidate(all, seen, c, true, transportId, now);
            }
            for (dev.jwebrtc.ice.IceCandidatePairInfo pair : es.pairs()) {
                String local = addCandidate(all, seen, pair.local(), true, transportId, now);
                String remote = addCandidate(all, seen, pair.remote(), false, transportId, now);
                String id = "CP" + local.substring(1) + "_" + remote.substring(1);
                if (pair.selected()) {
                    selected = id;
                }
                long estimate = pair.selected() ? e.mediaStats().bandwidthEstimate() : 0;
                all.add(new RTCStats.CandidatePair(id, now, transportId, local, remote,
                        pair.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), pair.nominated(),
                        pair.priority(), pair.selected(), pair.responsesReceived(),
                        pair.currentRttNanos() < 0 ? null : pair.currentRttNanos() / 1e9, pair.totalRttNanos() / 1e9,
                        estimate > 0 ? (double) estimate : null));
            }
            all.add(new RTCStats.Transport(transportId, now, es.packetsSent(), es.packetsReceived(), es.bytesSent(),
                    es.bytesReceived(), es.iceRole(), es.iceState(), es.dtlsState(), es.dtlsRole(), selected,
                    certificateId, es.dtlsCipher() == null ? null : "FEFD", es.dtlsCipher()));
        }
        if (e != null) {
            addMediaStats(all, e.mediaStats(), now, transceivers);
        }
        for (RTCDataChannel c : everyChannel) {
            all.add(new RTCStats.DataChannel("D" + c.handle(), now, c.label(), c.protocol(), c.id(),
                    c.readyState().name().toLowerCase(java.util.Locale.ROOT), c.messagesSent(), c.bytesSent(),
                    c.messagesReceived(), c.bytesReceived()));
        }
        return RTCStatsReport.of(all);
    }

    private static void addMediaStats(List<RTCStats> all, dev.jwebrtc.engine.MediaStats media, double now,
            List<RTCRtpTransceiver> transceivers) {
        String transportId = "T01";
        java.util.Set<String> codecIds = new java.util.HashSet<>();
        for (dev.jwebrtc.engine.MediaStats.CodecUse c : media.codecs()) {
            String id = "CIT01_" + c.payloadType() + (c.fmtp().isEmpty() ? "" : "_" + Integer.toHexString(
                    c.fmtp().hashCode()));
            if (codecIds.add(id)) {
                all.add(new RTCStats.Codec(id, now, c.payloadType(), transportId, c.mimeType(), c.clockRate(),
                        c.channels() == 0 ? null : c.channels(), c.fmtp().isEmpty() ? null : c.fmtp()));
            }
        }
        for (dev.jwebrtc.engine.MediaStats.Outbound o : media.outbound()) {
            RTCRtpTransceiver t = find(transceivers, o.transceiver());
            LocalMediaStreamTrack track = t == null ? null : t.sender().track();
            String sourceId = null;
            if (track != null) {
                sourceId = "SO" + o.transceiver();
                all.add(new RTCStats.MediaSource(sourceId, now, track.id(), o.kind()));
            }
            String id = "OT01V" + o.ssrc();
            String remoteId = o.reportReceived() ? "RI01V" + o.ssrc() : null;
            all.add(new RTCStats.OutboundRtp(id, now, o.ssrc(), o.kind(), o.mid(), o.rid(), transportId,
                    codecId(media, o.transceiver(), o.payloadType()), sourceId, remoteId, o.packetsSent(),
                    o.bytesSent(), o.framesSent(), o.retransmittedPackets(), o.nackCount(), o.pliCount(),
                    o.firCount(), o.rtxSsrc() < 0 ? null : o.rtxSsrc()));
            if (remoteId != null) {
                all.add(new RTCStats.RemoteInboundRtp(remoteId, now, o.ssrc(), o.kind(), transportId, id,
                        o.remotePacketsLost(), o.remoteFractionLost(), o.remoteJitterSeconds(),
                        o.roundTripTimeSeconds() < 0 ? null : o.roundTripTimeSeconds()));
            }
        }
        for (dev.jwebrtc.engine.MediaStats.Inbound i : media.inbound()) {
            RTCRtpTransceiver t = find(transceivers, i.transceiver());
            all.add(new RTCStats.InboundRtp("IT01V" + i.ssrc(), now, i.ssrc(), i.kind(), i.mid(), i.rid(),
                    transportId, codecId(media, i.transceiver(), i.payloadType()),
                    t == null ? "" : t.receiver().track().id(), i.packetsReceived(), i.bytesReceived(),
                    i.headerBytesReceived(), i.packetsLost(), i.jitterSeconds(), i.framesReceived(),
                    i.keyFramesReceived(), i.framesDropped(), i.nackCount(), i.pliCount(), i.firCount()));
        }
    }

    private static @Nullable String codecId(dev.jwebrtc.engine.MediaStats media, int transceiver, int payloadType) {
        for (dev.jwebrtc.engine.MediaStats.CodecUse c : media.codecs()) {
            if (c.transceiver() == transceiver && c.payloadType() == payloadType) {
                return "CIT01_" + c.payloadType() + (c.fmtp().isEmpty() ? "" : "_" + Integer.toHexString(
                        c.fmtp().hashCode()));
            }
        }
        return null;
    }

    private static String addCandidate(List<RTCStats> all, java.util.Set<String> seen, dev.jwebrtc.ice.IceCandidate c,
            boolean local, String transportId, double now) {
        String id = (local ? "I" : "R") + Integer.toHexString(c.toSdpAttribute().hashCode());
        if (seen.add(id)) {
            InetSocketAddress a = c.address();
            String host = a.isUnresolved() ? a.getHostString() : a.getAddress().getHostAddress();
            all.add(new RTCStats.Candidate(id, now, local, transportId, host, a.getPort(), c.transport(),
                    c.type().sdpName(), c.priority()));
        }
        return id;
    }

    private static @Nullable RTCRtpTransceiver find(List<RTCRtpTransceiver> transceivers, int handle) {
        for (RTCRtpTransceiver t : transceivers) {
            if (t.handle() == handle) {
                return t;
            }
        }
        return null;
    }
}
