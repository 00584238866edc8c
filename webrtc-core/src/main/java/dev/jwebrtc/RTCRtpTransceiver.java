package dev.jwebrtc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * W3C {@code RTCRtpTransceiver}: one m= section's sender and receiver. The attributes reflect the last completed
 * negotiation and are updated on the connection's event loop before an operation's future completes.
 */
public final class RTCRtpTransceiver {

    private final RTCPeerConnection connection;
    private final int handle;
    private final String kind;
    private final RTCRtpSender sender;
    private final RTCRtpReceiver receiver;
    private volatile @Nullable String mid;
    private volatile RTCRtpTransceiverDirection direction;
    private volatile @Nullable RTCRtpTransceiverDirection currentDirection;
    private volatile boolean stopped;
    private volatile RTCRtpParameters parameters = RTCRtpParameters.NONE;
    /** Loop only: the sender has had a track (W3C [[Sender]].[[AssociatedMediaStreamIds]] / addTrack reuse rule). */
    boolean hasSent;

    RTCRtpTransceiver(RTCPeerConnection connection, int handle, String kind, RTCRtpTransceiverDirection direction,
            String remoteTrackId) {
        this.connection = connection;
        this.handle = handle;
        this.kind = kind;
        this.direction = direction;
        this.sender = new RTCRtpSender(connection, handle, kind, this::parameters);
        this.receiver = new RTCRtpReceiver(new RemoteMediaStreamTrack(connection, handle, kind, remoteTrackId),
                this::parameters);
    }

    /** The negotiated mid, or null before the transceiver was in a description. */
    public @Nullable String mid() {
        return mid;
    }

    public String kind() {
        return kind;
    }

    public RTCRtpSender sender() {
        return sender;
    }

    public RTCRtpReceiver receiver() {
        return receiver;
    }

    /** The direction the application wants ({@code STOPPED} once stopped). */
    public RTCRtpTransceiverDirection direction() {
        return stopped ? RTCRtpTransceiverDirection.STOPPED : direction;
    }

    /** W3C {@code direction} setter: takes effect with the next negotiation ({@code negotiationneeded} follows). */
    public void setDirection(RTCRtpTransceiverDirection next) {
        Objects.requireNonNull(next, "direction");
        if (next == RTCRtpTransceiverDirection.STOPPED) {
            throw RTCException.typeError("use stop() to stop a transceiver");
        }
        if (stopped) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "the transceiver is stopped");
        }
        direction = next;
        connection.onLoop(e -> e.setDirection(connection.now(), handle, next.w3cName()));
    }

    /** The direction the last negotiation settled, or null before one (W3C {@code currentDirection}). */
    public @Nullable RTCRtpTransceiverDirection currentDirection() {
        return stopped ? RTCRtpTransceiverDirection.STOPPED : currentDirection;
    }

    public boolean stopped() {
        return stopped;
    }

    /** W3C {@code stop()}: stops sending and receiving now; the next negotiation rejects the section. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        connection.onLoop(e -> e.stopTransceiver(connection.now(), handle));
        receiver.track().end();
    }

    /**
     * W3C {@code setCodecPreferences}: the codecs to offer and accept on this transceiver, in preference order
     * (RTX follows its codec automatically). Empty restores the defaults.
     *
     * @throws RTCException {@code InvalidModificationError} if a codec is of another kind or not supported
     */
    public void setCodecPreferences(List<RTCRtpCodec> codecs) {
        List<dev.jwebrtc.sdp.jsep.Codec> chosen = connection.sdpCodecs(kind, codecs);
        connection.onLoop(e -> e.setCodecPreferences(handle, chosen));
    }

    int handle() {
        return handle;
    }

    RTCRtpParameters parameters() {
        return parameters;
    }

    void update(dev.jwebrtc.engine.RtcEngine.TransceiverState state) {
        mid = state.mid();
        List<RTCRtpParameters.CodecParameters> codecs = new ArrayList<>();
        for (dev.jwebrtc.sdp.jsep.Codec c : state.codecs()) {
            codecs.add(new RTCRtpParameters.CodecParameters(c.payloadType(), RTCRtpCodec.of(c, kind)));
        }
        parameters = new RTCRtpParameters(codecs, state.extensions());
        currentDirection = state.currentDirection() == null ? null
                : RTCRtpTransceiverDirection.of(state.currentDirection());
        if (state.stopped() && !stopped) {
            stopped = true;
            receiver.track().end();
        }
    }

    static List<dev.jwebrtc.sdp.jsep.Codec> withRtx(List<dev.jwebrtc.sdp.jsep.Codec> all,
            List<dev.jwebrtc.sdp.jsep.Codec> media) {
        List<dev.jwebrtc.sdp.jsep.Codec> out = new ArrayList<>();
        for (dev.jwebrtc.sdp.jsep.Codec c : media) {
            out.add(c);
            for (dev.jwebrtc.sdp.jsep.Codec r : all) {
                if (r.isRtx() && r.apt() == c.payloadType()) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "RTCRtpTransceiver[" + kind + " mid=" + mid + " " + direction() + "/" + currentDirection() + "]";
    }
}
