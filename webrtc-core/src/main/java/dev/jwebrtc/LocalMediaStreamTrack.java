package dev.jwebrtc;

import dev.jwebrtc.rtp.RtpPacket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A track the application feeds with encoded media, as Pion's static sample and RTP tracks: either whole encoded
 * frames ({@link #writeFrame}), which each sender packetizes for its negotiated codec, or ready RTP packets
 * ({@link #writeRtp}), which are forwarded with the sender's SSRC and payload type. One track may feed several
 * senders (in several peer connections): each gets the same media.
 *
 * <p>Thread-safe: write from any thread; the work happens on each peer connection's event loop. Frames written while
 * a sender cannot send (not negotiated or connected yet, direction without send) are dropped and counted in its
 * stats, as a live source's would be.
 */
public final class LocalMediaStreamTrack implements MediaStreamTrack {

    /** Events of a local track. */
    public interface Listener {
        /** The remote asked for a keyframe (PLI or FIR): the encoder should send one soon. */
        default void onKeyFrameRequest(LocalMediaStreamTrack track) {}
    }

    private static final Listener NONE = new Listener() {};

    private final RTCRtpCodec codec;
    private final String id;
    private final String streamId;
    private final CopyOnWriteArrayList<RTCRtpSender> senders = new CopyOnWriteArrayList<>();
    private volatile Listener listener = NONE;
    private volatile boolean ended;

    /**
     * @param codec the format of what will be written (it steers negotiation towards this codec)
     * @param id the track id ({@code a=msid}); unique per peer connection
     * @param streamId the stream id it belongs to ({@code a=msid}), or {@code "-"} for none
     */
    public LocalMediaStreamTrack(RTCRtpCodec codec, String id, String streamId) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.id = Objects.requireNonNull(id, "id");
        this.streamId = Objects.requireNonNull(streamId, "streamId");
        if (id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
            throw RTCException.typeError("track id must be non-empty without whitespace: '" + id + "'");
        }
    }

    /** A track with a random id in a stream of the same random id. */
    public static LocalMediaStreamTrack create(RTCRtpCodec codec) {
        String random = UUID.randomUUID().toString();
        return new LocalMediaStreamTrack(codec, random, random);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return codec.kind();
    }

    public RTCRtpCodec codec() {
        return codec;
    }

    public String streamId() {
        return streamId;
    }

    @Override
    public boolean ended() {
        return ended;
    }

    public void setListener(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Sends one encoded frame (a VP8/VP9/AV1 frame, an H.264 access unit in Annex B form, an Opus packet, G.711
     * samples). Its RTP timestamp follows from the durations of the frames before it.
     *
     * @param frame the bytes from position to limit (copied; the buffer is the caller's again on return)
     * @param duration how long the frame plays
     */
    public void writeFrame(ByteBuffer frame, Duration duration) {
        write(null, frame, duration);
    }

    /**
     * Sends one encoded frame of a simulcast layer (a sender created with
     * {@link RTCRtpTransceiverInit#withSimulcast}): each layer is its own stream with its own RTP timestamps, so
     * write every layer's frames with their own durations. Frames for a rid the sender does not have, or that the
     * remote did not accept, are dropped and counted.
     */
    public void writeFrame(String rid, ByteBuffer frame, Duration duration) {
        write(Objects.requireNonNull(rid, "rid"), frame, duration);
    }

    private void write(@Nullable String rid, ByteBuffer frame, Duration duration) {
        Objects.requireNonNull(frame, "frame");
        if (duration.isNegative()) {
            throw RTCException.typeError("frame duration must not be negative: " + duration);
        }
        if (ended) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "track " + id + " has ended");
        }
        byte[] copy = new byte[frame.remaining()];
        frame.duplicate().get(copy);
        long nanos = duration.toNanos();
        for (RTCRtpSender sender : senders) {
            sender.sendFrame(rid, copy, nanos);
        }
    }

    /**
     * Forwards an RTP packet: each sender replaces the SSRC, payload type and header extensions with its own and
     * keeps sequence number, timestamp, marker and payload. The packet is not modified and may be reused on return.
     */
    public void writeRtp(RtpPacket packet) {
        forward(null, packet);
    }

    /** Forwards an RTP packet on a simulcast layer (see {@link #writeRtp(RtpPacket)}). */
    public void writeRtp(String rid, RtpPacket packet) {
        forward(Objects.requireNonNull(rid, "rid"), packet);
    }

    private void forward(@Nullable String rid, RtpPacket packet) {
        Objects.requireNonNull(packet, "packet");
        if (ended) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "track " + id + " has ended");
        }
        RtpPacket copy = packet.copy();
        for (RTCRtpSender sender : senders) {
            sender.sendRtp(rid, copy);
        }
    }

    /** Ends the track: senders stop sending it. */
    public void stop() {
        ended = true;
        senders.clear();
    }

    List<RTCRtpSender> senders() {
        return senders;
    }

    void attach(RTCRtpSender sender) {
        senders.addIfAbsent(sender);
    }

    void detach(RTCRtpSender sender) {
        senders.remove(sender);
    }

    void keyFrameRequested() {
        try {
            listener.onKeyFrameRequest(this);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(LocalMediaStreamTrack.class).warn("track listener threw; ignored", e);
        }
    }

    @Override
    public String toString() {
        return "LocalMediaStreamTrack[" + codec.mimeType() + " " + id + "]";
    }
}
