package dev.jwebrtc.examples.media;

import dev.jwebrtc.RTCRtpCodec;
import dev.jwebrtc.RemoteMediaStreamTrack;
import dev.jwebrtc.rtp.codec.EncodedFrame;
import dev.jwebrtc.rtp.codec.OpusCodec;
import dev.jwebrtc.rtp.media.AnnexBWriter;
import dev.jwebrtc.rtp.media.IvfHeader;
import dev.jwebrtc.rtp.media.IvfWriter;
import dev.jwebrtc.rtp.media.OggOpusWriter;
import dev.jwebrtc.rtp.media.OpusHead;
import dev.jwebrtc.rtp.media.OpusTags;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Records a {@link RemoteMediaStreamTrack} to a file: VP8, VP9 and AV1 frames to IVF (time base 1/90000, each
 * frame's timestamp its RTP timestamp relative to the first frame, unwrapped), Opus packets to Ogg Opus (granule
 * positions from each packet's sample count, RFC 7845 §4, with gaps in the RTP timestamps filled by packets the
 * decoder conceals), H.264 access units to an Annex B byte stream. The
 * container follows from the codec given to the constructor: the codec the track was negotiated with (set it with
 * {@link dev.jwebrtc.RTCRtpTransceiver#setCodecPreferences} before answering to be sure of it).
 *
 * <p>The file is created at the first frame (so IVF gets the VP8 keyframe's dimensions and Ogg the channel count
 * of the first packet), or by {@link #close()} as a valid empty file if no frame came. {@link #close()} finalizes
 * it (IVF frame count, Ogg end-of-stream page); the track ending (connection closed, transceiver stopped) closes
 * the recorder too. With simulcast, frames of the first rid seen are recorded and the others skipped.
 *
 * <p>Thread-safe: frames arrive on the peer connection's event loop; counters and {@link #close()} may be used
 * from any thread.
 */
public final class TrackRecorder implements RemoteMediaStreamTrack.Listener, AutoCloseable {

    /** The file formats a recorder writes. */
    public enum Container {
        /** IVF (VP8, VP9, AV1). */
        IVF(".ivf"),
        /** Ogg Opus (RFC 7845). */
        OGG_OPUS(".ogg"),
        /** H.264 Annex B byte stream. */
        ANNEX_B(".h264");

        private final String extension;

        Container(String extension) {
            this.extension = extension;
        }

        /** The usual file name extension, with its dot. */
        public String extension() {
            return extension;
        }
    }

    private static final long RTP_CLOCK = 90_000;
    private static final long MAX_OPUS_GAP = 10 * 48_000;

    private final RTCRtpCodec codec;
    private final Path file;
    private final Container container;
    private final String fourcc;
    private final CompletableFuture<TrackRecorder> closeFuture = new CompletableFuture<>();

    private @Nullable IvfWriter ivf;
    private @Nullable OggOpusWriter ogg;
    private @Nullable AnnexBWriter annexB;
    private @Nullable OutputStream stream;
    private boolean opened;
    private boolean closed;
    private @Nullable String rid;
    private boolean ridChosen;
    private long lastRaw;
    private long unwrapped;
    private long lastWrittenTimestamp;
    private volatile long frames;
    private volatile long keyFrames;
    private volatile long bytes;
    private volatile long framesSkipped;
    private volatile long gapPackets;
    private int lastOpusSamples;

    /**
     * @param codec the negotiated codec of the track: VP8, VP9, AV1, Opus or H.264
     * @param file the file to create (replaced if it exists)
     * @throws IllegalArgumentException for a codec without a container here (G.711)
     */
    public TrackRecorder(RTCRtpCodec codec, Path file) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.file = Objects.requireNonNull(file, "file");
        this.container = containerFor(codec);
        this.fourcc = switch (codec.name().toUpperCase(Locale.ROOT)) {
            case "VP8" -> IvfHeader.VP8;
            case "VP9" -> IvfHeader.VP9;
            case "AV1" -> IvfHeader.AV1;
            default -> "";
        };
    }

    /**
     * The container for a codec.
     *
     * @throws IllegalArgumentException for a codec without a container here (G.711)
     */
    public static Container containerFor(RTCRtpCodec codec) {
        return switch (codec.name().toUpperCase(Locale.ROOT)) {
            case "VP8", "VP9", "AV1" -> Container.IVF;
            case "OPUS" -> Container.OGG_OPUS;
            case "H264" -> Container.ANNEX_B;
            default -> throw new IllegalArgumentException("no recording container for " + codec.mimeType()
                    + " (VP8, VP9, AV1, H.264 and Opus can be recorded)");
        };
    }

    /** Makes this recorder the track's listener (replacing any other) and returns it. */
    public TrackRecorder attach(RemoteMediaStreamTrack track) {
        track.setListener(this);
        return this;
    }

    public RTCRtpCodec codec() {
        return codec;
    }

    public Path file() {
        return file;
    }

    public Container container() {
        return container;
    }

    /** Frames written. */
    public long frames() {
        return frames;
    }

    /** Keyframes among them (as the depacketizer marked them). */
    public long keyFrames() {
        return keyFrames;
    }

    /** Frame bytes written (without container overhead). */
    public long bytes() {
        return bytes;
    }

    /** Frames not written: of another simulcast rid, Opus packets without a valid TOC, or after close. */
    public long framesSkipped() {
        return framesSkipped;
    }

    /** Ogg Opus: packets written to fill gaps in the RTP timestamps (lost packets, DTX); not counted as frames. */
    public long gapPackets() {
        return gapPackets;
    }

    public synchronized boolean closed() {
        return closed;
    }

    /** Completes (with this recorder) once the file is finalized. */
    public CompletableFuture<TrackRecorder> closeFuture() {
        return closeFuture;
    }

    @Override
    public void onFrame(RemoteMediaStreamTrack track, EncodedFrame frame, @Nullable String frameRid) {
        write(frame, frameRid);
    }

    @Override
    public void onEnded(RemoteMediaStreamTrack track) {
        close();
    }

    /** Writes one frame (what {@link #onFrame} does; useful to record frames from elsewhere). */
    public synchronized void write(EncodedFrame frame, @Nullable String frameRid) {
        if (closed) {
            framesSkipped++;
            return;
        }
        if (!ridChosen) {
            rid = frameRid;
            ridChosen = true;
        } else if (!Objects.equals(rid, frameRid)) {
            framesSkipped++;
            return;
        }
        ByteBuffer data = frame.data();
        if (!data.hasRemaining()) {
            framesSkipped++;
            return;
        }
        switch (container) {
            case IVF -> writeIvf(frame, data);
            case OGG_OPUS -> {
                int samples = OpusCodec.sampleCount(data);
                if (samples < 0) {
                    framesSkipped++;
                    return;
                }
                if (!opened) {
                    open(data);
                } else {
                    fillOpusGap(frame.rtpTimestamp() & 0xFFFF_FFFFL, data.get(data.position()));
                }
                lastRaw = frame.rtpTimestamp() & 0xFFFF_FFFFL;
                lastOpusSamples = samples;
                Objects.requireNonNull(ogg).write(data, samples);
            }
            case ANNEX_B -> {
                if (!opened) {
                    open(data);
                }
                Objects.requireNonNull(annexB).writeAccessUnit(data);
            }
        }
        frames++;
        bytes += frame.data().remaining();
        if (frame.keyframe()) {
            keyFrames++;
        }
    }

    private void writeIvf(EncodedFrame frame, ByteBuffer data) {
        long raw = frame.rtpTimestamp() & 0xFFFF_FFFFL;
        if (!opened) {
            open(data);
            lastRaw = raw;
        }
        // RTP timestamps wrap at 2^32 (RFC 3550 §5.1): step by the signed 32-bit difference.
        unwrapped += (int) (raw - lastRaw);
        lastRaw = raw;
        // A sender that restarts its clock must not make the file's timestamps go back: hold the frame at the
        // last timestamp and count on from there.
        if (unwrapped < lastWrittenTimestamp) {
            unwrapped = lastWrittenTimestamp;
        }
        lastWrittenTimestamp = unwrapped;
        Objects.requireNonNull(ivf).write(unwrapped, data);
    }

    /**
     * Keeps the audio timeline where packets are missing (lost, or not sent during DTX): the RTP clock of Opus counts
     * 48 kHz samples (RFC 7587 §4.1), so a timestamp step beyond the previous packet's samples is a gap. It is filled
     * with TOC-only packets of this packet's configuration, zero-length frames that tell the decoder to conceal
     * (RFC 6716 §3.2.1), so the granule positions stay on the sender's clock. A step over ten seconds is taken as
     * a clock restart and not filled.
     */
    private void fillOpusGap(long raw, byte toc) {
        long gap = (int) (raw - lastRaw) - lastOpusSamples;
        ByteBuffer empty = ByteBuffer.wrap(new byte[] {(byte) (toc & 0xFC)}); // same config and s bit, code 0
        int frameSamples = OpusCodec.sampleCount(empty);
        if (gap < frameSamples || gap > MAX_OPUS_GAP) {
            return;
        }
        for (long n = gap / frameSamples; n > 0; n--) {
            Objects.requireNonNull(ogg).write(empty.duplicate(), frameSamples);
            gapPackets++;
        }
    }

    /** Creates the file; {@code first} is the first frame (null: none came, write an empty file). */
    private void open(@Nullable ByteBuffer first) {
        opened = true;
        switch (container) {
            case IVF -> {
                int[] size = first == null ? new int[] {0, 0} : vp8Size(first);
                ivf = IvfWriter.create(file, IvfHeader.forRtp(fourcc, size[0], size[1]));
            }
            case OGG_OPUS -> {
                stream = newStream();
                // RFC 6716 §3.1: the TOC's s bit says whether the packet is coded stereo.
                int channels = first != null && (first.get(first.position()) & 0x04) != 0 ? 2 : 1;
                ogg = new OggOpusWriter(stream, OpusHead.of(channels), new OpusTags("jwebrtc TrackRecorder",
                        List.of()), ThreadLocalRandom.current().nextInt());
            }
            case ANNEX_B -> {
                stream = newStream();
                annexB = new AnnexBWriter(stream);
            }
        }
    }

    private OutputStream newStream() {
        try {
            return new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** Width and height of a VP8 keyframe (RFC 6386 §9.1), else 0 x 0 (VP9, AV1, or not a VP8 keyframe). */
    private int[] vp8Size(ByteBuffer frame) {
        int p = frame.position();
        if (!fourcc.equals(IvfHeader.VP8) || frame.remaining() < 10 || (frame.get(p) & 1) != 0
                || (frame.get(p + 3) & 0xFF) != 0x9d || (frame.get(p + 4) & 0xFF) != 0x01
                || (frame.get(p + 5) & 0xFF) != 0x2a) {
            return new int[] {0, 0};
        }
        int width = ((frame.get(p + 6) & 0xFF) | (frame.get(p + 7) & 0xFF) << 8) & 0x3FFF;
        int height = ((frame.get(p + 8) & 0xFF) | (frame.get(p + 9) & 0xFF) << 8) & 0x3FFF;
        return new int[] {width, height};
    }

    /** The last frame's timestamp relative to the first, in RTP clock units (IVF only; 0 before two frames). */
    public synchronized long durationTicks() {
        return container == Container.IVF ? lastWrittenTimestamp : 0;
    }

    /** The duration of the video recorded so far (IVF), from first to last frame timestamp. */
    public java.time.Duration duration() {
        return java.time.Duration.ofNanos(durationTicks() * 1_000_000_000L / RTP_CLOCK);
    }

    /** Finalizes the file (creating a valid empty one if no frame came). Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (!opened) {
                    open(null);
                }
                if (ivf != null) {
                    ivf.close();
                }
                if (ogg != null) {
                    ogg.close();
                }
                if (annexB != null) {
                    annexB.close();
                }
                if (stream != null) {
                    stream.close();
                }
            } catch (IOException e) {
                UncheckedIOException error = new UncheckedIOException("cannot finish " + file, e);
                closeFuture.completeExceptionally(error);
                throw error;
            } catch (RuntimeException e) {
                closeFuture.completeExceptionally(e);
                throw e;
            }
        }
        closeFuture.complete(this);
    }

    @Override
    public String toString() {
        return "TrackRecorder[" + codec.mimeType() + " -> " + file + ", " + frames + " frames, " + keyFrames
                + " keyframes]";
    }
}
