package dev.jwebrtc;

import dev.jwebrtc.engine.RtcEngine;
import dev.jwebrtc.sdp.jsep.Codec;
import dev.jwebrtc.sdp.jsep.LocalState;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A peer connection's {@link RTCRtpTransceiver}s, mirrored from the engine, and the W3C algorithms that change them
 * (addTrack, addTransceiver, removeTrack). The changing methods run on the connection's event loop; reading the list
 * is thread-safe.
 */
final class TransceiverList {

    private final RTCPeerConnection connection;
    private final CopyOnWriteArrayList<RTCRtpTransceiver> list = new CopyOnWriteArrayList<>();

    TransceiverList(RTCPeerConnection connection) {
        this.connection = connection;
    }

    List<RTCRtpTransceiver> all() {
        return List.copyOf(list);
    }

    List<RTCRtpSender> senders() {
        return list.stream().filter(t -> !t.stopped()).map(RTCRtpTransceiver::sender).toList();
    }

    @Nullable RTCRtpTransceiver find(int handle) {
        for (RTCRtpTransceiver t : list) {
            if (t.handle() == handle) {
                return t;
            }
        }
        return null;
    }

    /** Mirrors the engine's transceivers (new ones from a remote offer, mids, current directions). */
    void sync(RtcEngine e) {
        for (RtcEngine.TransceiverState state : e.transceivers()) {
            RTCRtpTransceiver t = find(state.handle());
            if (t == null) {
                t = new RTCRtpTransceiver(connection, state.handle(), state.kind(),
                        RTCRtpTransceiverDirection.of(state.direction()), state.mid() == null ? "" : state.mid());
                list.add(t);
            }
            t.update(state);
        }
    }

    private RTCRtpTransceiver created(RtcEngine e, int handle) {
        sync(e);
        RTCRtpTransceiver t = find(handle);
        if (t == null) {
            throw new IllegalStateException("the engine has no transceiver " + handle);
        }
        return t;
    }

    // W3C addTrack: reuse a transceiver of the kind that never sent and is associated (an offer made it), else add.
    RTCRtpSender addTrack(RtcEngine e, long now, LocalMediaStreamTrack track, String stream, List<Codec> preferred) {
        for (RTCRtpSender s : senders()) {
            if (s.track() == track) {
                throw new RTCException(RTCErrorType.INVALID_ACCESS, "track " + track.id() + " is already sent");
            }
        }
        RTCRtpTransceiver t = null;
        for (RTCRtpTransceiver candidate : list) {
            if (candidate.kind().equals(track.kind()) && !candidate.stopped() && candidate.sender().track() == null
                    && !candidate.hasSent && candidate.mid() != null) {
                t = candidate;
                break;
            }
        }
        if (t != null) {
            RTCRtpTransceiverDirection d = t.direction();
            if (d == RTCRtpTransceiverDirection.RECVONLY) {
                t.setDirection(RTCRtpTransceiverDirection.SENDRECV);
            } else if (d == RTCRtpTransceiverDirection.INACTIVE) {
                t.setDirection(RTCRtpTransceiverDirection.SENDONLY);
            }
        } else {
            t = created(e, e.addTransceiver(now, track.kind(), "sendrecv", track.id(), stream));
        }
        t.hasSent = true;
        e.setTrack(now, t.handle(), track.id(), stream);
        e.setCodecPreferences(t.handle(), preferred);
        t.sender().setTrack(track);
        return t.sender();
    }

    RTCRtpTransceiver addTransceiver(RtcEngine e, long now, String kind, RTCRtpTransceiverInit init) {
        String stream = init.streams().isEmpty() ? "-" : init.streams().get(0);
        return created(e, e.addTransceiver(now, kind, init.direction().w3cName(), UUID.randomUUID().toString(),
                stream, init.sendRids()));
    }

    RTCRtpTransceiver addTransceiver(RtcEngine e, long now, LocalMediaStreamTrack track, RTCRtpTransceiverInit init,
            List<Codec> preferred) {
        String stream = init.streams().isEmpty() ? track.streamId() : init.streams().get(0);
        int handle = e.addTransceiver(now, track.kind(), init.direction().w3cName(), track.id(), stream,
                init.sendRids());
        e.setTrack(now, handle, track.id(), stream);
        e.setCodecPreferences(handle, preferred);
        RTCRtpTransceiver t = created(e, handle);
        t.hasSent = true;
        t.sender().setTrack(track);
        return t;
    }

    // W3C removeTrack: the sender loses its track; sendrecv becomes recvonly and sendonly inactive.
    void removeTrack(RtcEngine e, long now, RTCRtpSender sender) {
        RTCRtpTransceiver t = find(sender.transceiverHandle());
        if (t == null || t.sender() != sender) {
            throw new RTCException(RTCErrorType.INVALID_ACCESS, "the sender is not of this peer connection");
        }
        if (sender.track() == null) {
            return;
        }
        sender.setTrack(null);
        e.setTrack(now, t.handle(), null, null);
        RTCRtpTransceiverDirection d = t.direction();
        if (d == RTCRtpTransceiverDirection.SENDRECV) {
            t.setDirection(RTCRtpTransceiverDirection.RECVONLY);
        } else if (d == RTCRtpTransceiverDirection.SENDONLY) {
            t.setDirection(RTCRtpTransceiverDirection.INACTIVE);
        }
    }

    /** The SDP codecs (with their RTX) for W3C codec objects; {@code InvalidModificationError} for unknown ones. */
    static List<Codec> sdpCodecs(String kind, List<RTCRtpCodec> codecs) {
        List<Codec> all = kind.equals("audio") ? LocalState.DEFAULT_AUDIO_CODECS : LocalState.DEFAULT_VIDEO_CODECS;
        List<Codec> media = new ArrayList<>();
        for (RTCRtpCodec codec : codecs) {
            if (!codec.kind().equals(kind)) {
                throw new RTCException(RTCErrorType.INVALID_MODIFICATION, codec.mimeType() + " is not a " + kind
                        + " codec");
            }
            Codec match = all.stream().filter(c -> !c.isAuxiliary() && codec.matches(c)).findFirst()
                    .orElseThrow(() -> new RTCException(RTCErrorType.INVALID_MODIFICATION, codec.mimeType() + " ("
                            + codec.sdpFmtpLine() + ") is not supported; supported: " + RTCRtpCodec.SUPPORTED));
            media.add(match);
        }
        return RTCRtpTransceiver.withRtx(all, media);
    }
}
