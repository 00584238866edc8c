package dev.jwebrtc.engine;

import dev.jwebrtc.rtp.HeaderExtensionMap;
import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.attribute.Extmap;
import dev.jwebrtc.sdp.attribute.Msid;
import dev.jwebrtc.sdp.attribute.Simulcast;
import dev.jwebrtc.sdp.attribute.Ssrc;
import dev.jwebrtc.sdp.attribute.SsrcGroup;
import dev.jwebrtc.sdp.jsep.Codec;
import dev.jwebrtc.sdp.jsep.Jsep;
import dev.jwebrtc.sdp.jsep.MediaKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How descriptions change transceivers (W3C §4.4.1.5-6 "set a description", RFC 8829 §5.10-5.11): which
 * transceiver a section belongs to, when the application hears of a remote track, and what the finished exchange
 * negotiated (payload types, RTX, extension ids, directions, remote SSRCs).
 */
final class MediaNegotiation {

    private MediaNegotiation() {
    }

    /**
     * Associates the audio/video sections of a description with transceivers: by mid, else the first transceiver of
     * the kind without a mid. For a remote offer, a section nothing matches creates a {@code recvonly} transceiver
     * (W3C §4.4.1.6 step "create an RTCRtpTransceiver"); for a local offer, sections were made from transceivers, so
     * something always matches.
     */
    static void associate(Media media, SessionDescription description, boolean remoteOffer) {
        Set<String> bound = new HashSet<>();
        for (MediaTransceiver t : media.transceivers()) {
            if (t.mid != null) {
                bound.add(t.mid);
            }
        }
        for (MediaDescription m : description.media()) {
            MediaKind kind = MediaKind.fromSdp(m.media());
            Optional<String> mid = m.mid();
            if (kind == null || mid.isEmpty() || bound.contains(mid.get()) || m.isRejected()) {
                continue;
            }
            MediaTransceiver match = null;
            for (MediaTransceiver t : media.transceivers()) {
                if (t.mid == null && t.kind == kind && !t.stopped) {
                    match = t;
                    break;
                }
            }
            if (match == null && remoteOffer) {
                match = media.addTransceiver(kind, Direction.RECVONLY, media.randomId(), "-");
            }
            if (match != null) {
                match.mid = mid.get();
                bound.add(mid.get());
            }
        }
    }

    /**
     * W3C "process remote tracks": a section the remote sends on (its direction includes send) announces the
     * transceiver's receiver track once.
     */
    static void announceRemoteTracks(Media media, SessionDescription remote, Queue<EngineEvent> events) {
        for (MediaDescription m : remote.media()) {
            if (m.isRejected() || m.mid().isEmpty()) {
                continue;
            }
            MediaTransceiver t = media.byMid(m.mid().get());
            if (t == null || t.trackAnnounced || t.stopped || !remote.directionOf(m).sends()
                    || !t.direction.receives()) {
                continue;
            }
            t.trackAnnounced = true;
            List<String> streams = new ArrayList<>();
            String trackId = m.mid().get();
            for (Msid msid : m.all(Msid.TYPE)) {
                if (!msid.streamId().equals("-")) {
                    streams.add(msid.streamId());
                }
                if (msid.trackId() != null) {
                    trackId = msid.trackId();
                }
            }
            events.add(new EngineEvent.TrackAdded(t.handle, m.mid().get(), streams, trackId));
        }
    }

    /** The exchange is complete (RFC 8829 §5.10/5.11 applied to RTP): sets what each transceiver now does. */
    static void apply(Media media, SessionDescription local, SessionDescription remote, boolean localOfferer,
            Queue<EngineEvent> events) {
        SessionDescription answer = localOfferer ? remote : local;
        for (MediaTransceiver t : media.transceivers()) {
            if (t.mid == null) {
                continue;
            }
            Optional<MediaDescription> l = local.mediaByMid(t.mid);
            Optional<MediaDescription> r = remote.mediaByMid(t.mid);
            Optional<MediaDescription> a = answer.mediaByMid(t.mid);
            if (l.isEmpty() || r.isEmpty() || a.isEmpty()) {
                continue;
            }
            if (l.get().isRejected() || r.get().isRejected()) {
                boolean wasStopped = t.stopped;
                t.stopped = true;
                t.sending = false;
                t.receiving = false;
                t.currentDirection = null;
                if (!wasStopped) {
                    events.add(new EngineEvent.TransceiverStopped(t.handle));
                }
                continue;
            }
            Direction answered = answer.directionOf(a.get());
            t.currentDirection = localOfferer ? answered.reverse() : answered;
            t.codecs = Jsep.codecsOf(a.get());
            Codec send = MediaCodecs.firstSendable(t.codecs);
            t.sendCodec = send;
            t.sendRtxPayloadType = send == null ? -1 : MediaCodecs.rtxFor(t.codecs, send.payloadType());
            t.nack = t.codecs.stream().anyMatch(c -> !c.isAuxiliary() && c.feedback().contains("nack"));
            Map<Integer, String> uris = new HashMap<>();
            for (Extmap e : a.get().all(Extmap.TYPE)) {
                uris.put(e.id(), e.uri());
            }
            t.extensions = new HeaderExtensionMap(uris);
            t.sending = t.currentDirection.sends();
            t.receiving = t.currentDirection.receives();
            simulcastLayers(t, a.get(), localOfferer);
            remoteStreams(media, t, r.get());
            media.negotiated(t);
        }
    }

    // RFC 5576 §4.1/§4.2 and RFC 4588 §8.7: the remote's SSRCs, with RTX paired by FID (simulcast rids are learnt
    // from the packets, RFC 8852).
    private static void remoteStreams(Media media, MediaTransceiver t, MediaDescription remote) {
        t.remoteSsrcs.clear();
        Set<Long> rtx = new HashSet<>();
        for (SsrcGroup g : remote.all(SsrcGroup.TYPE)) {
            if (g.semantics().equals(SsrcGroup.FID) && g.ssrcs().size() == 2) {
                rtx.add(g.ssrcs().get(1));
            }
        }
        for (Ssrc s : remote.all(Ssrc.TYPE)) {
            if (!rtx.contains(s.ssrc())) {
                t.remoteSsrcs.add(s.ssrc());
            }
        }
        if (!t.receiving) {
            return;
        }
        for (SsrcGroup g : remote.all(SsrcGroup.TYPE)) {
            if (g.semantics().equals(SsrcGroup.FID) && g.ssrcs().size() == 2) {
                media.remoteRtx(t, g.ssrcs().get(0), g.ssrcs().get(1));
            }
        }
    }

    /**
     * W3C §4.7.3 "check if negotiation is needed", for the transceivers: one without a mid, one stopped whose section
     * is still accepted, or one whose direction differs from what the current local description says (for an
     * answerer, as far as the remote offer allows).
     */
    static boolean needed(Media media, @Nullable SessionDescription currentLocal,
            @Nullable SessionDescription currentRemote, boolean localOfferer) {
        for (MediaTransceiver t : media.transceivers()) {
            if (t.mid == null) {
                if (!t.stopped) {
                    return true;
                }
                continue;
            }
            Optional<MediaDescription> section = currentLocal == null ? Optional.empty()
                    : currentLocal.mediaByMid(t.mid);
            if (section.isEmpty()) {
                if (!t.stopped) {
                    return true;
                }
                continue;
            }
            if (t.stopped) {
                if (!section.get().isRejected()) {
                    return true;
                }
                continue;
            }
            Direction negotiated = currentLocal.directionOf(section.get());
            Direction wanted = t.direction;
            if (currentRemote != null && !localOfferer) {
                Optional<MediaDescription> offered = currentRemote.mediaByMid(t.mid);
                if (offered.isPresent()) {
                    wanted = wanted.intersect(currentRemote.directionOf(offered.get()).reverse());
                }
            }
            if (negotiated != wanted) {
                return true;
            }
        }
        return false;
    }

    // RFC 8853 §5.3: the layers the answer's a=simulcast:recv lists (not paused) are sent; without simulcast in the
    // answer only the first layer is, as one plain stream would be.
    private static void simulcastLayers(MediaTransceiver t, MediaDescription answer, boolean localOfferer) {
        if (t.encodings.get(0).rid == null) {
            return;
        }
        Set<String> accepted = new HashSet<>();
        Optional<Simulcast> simulcast = localOfferer ? answer.first(Simulcast.TYPE) : Optional.empty();
        if (simulcast.isPresent()) {
            for (List<Simulcast.Stream> alternatives : simulcast.get().recv()) {
                for (Simulcast.Stream stream : alternatives) {
                    if (!stream.paused()) {
                        accepted.add(stream.rid());
                    }
                }
            }
        } else {
            accepted.add(t.encodings.get(0).rid);
        }
        for (SendEncoding e : t.encodings) {
            e.active = accepted.contains(e.rid);
        }
    }
}
