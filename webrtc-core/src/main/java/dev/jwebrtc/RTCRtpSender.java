package dev.jwebrtc;

import dev.jwebrtc.rtp.RtpPacket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** W3C {@code RTCRtpSender}: the sending half of a transceiver. Thread-safe. */
public final class RTCRtpSender {

    private final RTCPeerConnection connection;
    private final int transceiver;
    private final String kind;
    private volatile @Nullable LocalMediaStreamTrack track;

    private final java.util.function.Supplier<RTCRtpParameters> parameters;

    RTCRtpSender(RTCPeerConnection connection, int transceiver, String kind,
            java.util.function.Supplier<RTCRtpParameters> parameters) {
        this.connection = connection;
        this.transceiver = transceiver;
        this.kind = kind;
        this.parameters = parameters;
    }

    /** W3C {@code getParameters()}: the negotiated codecs, the first media one being what is sent. */
    public RTCRtpParameters getParameters() {
        return parameters.get();
    }

    /** The track being sent, or null. */
    public @Nullable LocalMediaStreamTrack track() {
        return track;
    }

    /**
     * W3C {@code replaceTrack}: sends another track (or nothing) without renegotiation. The new track must be of the
     * same kind.
     */
    public CompletableFuture<Void> replaceTrack(@Nullable LocalMediaStreamTrack next) {
        if (next != null && !next.kind().equals(kind)) {
            return CompletableFuture.failedFuture(RTCException.typeError("replaceTrack: a " + next.kind()
                    + " track cannot replace a " + kind + " sender's"));
        }
        setTrack(next);
        CompletableFuture<Void> done = new CompletableFuture<>();
        connection.onLoop(e -> {
            e.setTrack(connection.now(), transceiver, next == null ? null : next.id(), null);
            done.complete(null);
        });
        connection.closeFuture().thenRun(() -> done.complete(null));
        return done;
    }

    void setTrack(@Nullable LocalMediaStreamTrack next) {
        LocalMediaStreamTrack previous = track;
        if (previous != null) {
            previous.detach(this);
        }
        track = next;
        if (next != null) {
            next.attach(this);
        }
    }

    int transceiverHandle() {
        return transceiver;
    }

    String kind() {
        return kind;
    }

    void sendFrame(@Nullable String rid, byte[] frame, long durationNanos) {
        connection.onLoop(e -> e.sendFrame(connection.now(), transceiver, rid, ByteBuffer.wrap(frame), durationNanos));
    }

    void sendRtp(@Nullable String rid, RtpPacket packet) {
        connection.onLoop(e -> e.sendRtp(connection.now(), transceiver, rid, packet));
    }

    void keyFrameRequested() {
        LocalMediaStreamTrack t = track;
        if (t != null) {
            t.keyFrameRequested();
        }
    }
}
