package dev.jwebrtc;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.codec.EncodedFrame;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The track of an {@link RTCRtpReceiver}: what the remote sends on a transceiver, as RTP packets (after SRTP, RTX
 * repair and reordering checks) and as complete encoded frames from the jitter buffer (reordered, repaired by NACK
 * within a bounded wait; video frames from a keyframe on, so each one is decodable).
 *
 * <p>Listener calls arrive on the peer connection's event loop, in order; they must not block. Packets and frames
 * belong to the listener.
 */
public final class RemoteMediaStreamTrack implements MediaStreamTrack {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteMediaStreamTrack.class);

    /** Events of a remote track; every method has a default that does nothing. */
    public interface Listener {
        /**
         * A complete encoded frame.
         *
         * @param rid the simulcast stream (RFC 8853) it belongs to, or null without simulcast
         */
        default void onFrame(RemoteMediaStreamTrack track, EncodedFrame frame, @Nullable String rid) {}

        /** An RTP packet, as it arrived (before the jitter buffer). */
        default void onRtp(RemoteMediaStreamTrack track, RtpPacket packet, @Nullable String rid) {}

        /** The track ended (its transceiver stopped, or the connection closed). */
        default void onEnded(RemoteMediaStreamTrack track) {}
    }

    private static final Listener NONE = new Listener() {};

    private final RTCPeerConnection connection;
    private final int transceiver;
    private final String kind;
    private volatile String id;
    private volatile Listener listener = NONE;
    private volatile boolean ended;

    RemoteMediaStreamTrack(RTCPeerConnection connection, int transceiver, String kind, String id) {
        this.connection = connection;
        this.transceiver = transceiver;
        this.kind = kind;
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public boolean ended() {
        return ended;
    }

    public void setListener(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Asks the remote sender for a keyframe (RTCP PLI, RFC 4585 §6.3.1; rate-limited). */
    public void requestKeyFrame() {
        connection.onLoop(e -> e.requestKeyframe(connection.now(), transceiver));
    }

    void id(String trackId) {
        this.id = trackId;
    }

    void frame(EncodedFrame frame, @Nullable String rid) {
        try {
            listener.onFrame(this, frame, rid);
        } catch (RuntimeException e) {
            LOG.warn("track listener threw; ignored", e);
        }
    }

    void rtp(RtpPacket packet, @Nullable String rid) {
        try {
            listener.onRtp(this, packet, rid);
        } catch (RuntimeException e) {
            LOG.warn("track listener threw; ignored", e);
        }
    }

    void end() {
        if (!ended) {
            ended = true;
            try {
                listener.onEnded(this);
            } catch (RuntimeException e) {
                LOG.warn("track listener threw; ignored", e);
            }
        }
    }

    @Override
    public String toString() {
        return "RemoteMediaStreamTrack[" + kind + " " + id + "]";
    }
}
