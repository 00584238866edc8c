package dev.jwebrtc.examples.media;

import dev.jwebrtc.LocalMediaStreamTrack;
import dev.jwebrtc.RTCException;
import dev.jwebrtc.RTCRtpCodec;
import dev.jwebrtc.rtp.codec.AnnexB;
import dev.jwebrtc.rtp.codec.OpusCodec;
import dev.jwebrtc.rtp.media.AnnexBReader;
import dev.jwebrtc.rtp.media.IvfFrame;
import dev.jwebrtc.rtp.media.IvfHeader;
import dev.jwebrtc.rtp.media.IvfReader;
import dev.jwebrtc.rtp.media.MediaFormatException;
import dev.jwebrtc.rtp.media.OggOpusReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays an IVF file (VP8, VP9 or AV1), an Ogg Opus file or an H.264 Annex B stream into a
 * {@link LocalMediaStreamTrack} at the file's own pace, on its own daemon thread ({@code file-player-N}): each frame
 * is written when its time has come, with its duration taken from the file (the next IVF timestamp; for Opus the
 * packet's sample count from its TOC, RFC 6716 §3.1, stretched where the Ogg granule positions show a gap, RFC 7845
 * §4; Annex B has no timing and plays at a given frame rate, access units split by H.264 §7.4.1.2.3). Frame times are kept on one schedule from
 * the start, so pauses of the thread do not make the stream drift. The track's RTP timestamps follow from these
 * durations, so a 29.97 fps file keeps its 3003-tick steps exactly.
 *
 * <p>It can loop; the stream then continues seamlessly (timestamps keep growing). Keyframe requests from the remote
 * are counted and otherwise ignored: files carry periodic keyframes. {@link #close()} stops the thread and waits for
 * it.
 */
public final class FilePlayer implements AutoCloseable {

    /** The file formats a player reads. */
    public enum Format {
        /** IVF: VP8, VP9 or AV1 frames. */
        IVF,
        /** Ogg Opus (RFC 7845). */
        OGG_OPUS,
        /** H.264 Annex B byte stream (no timing: played at a given frame rate). */
        ANNEX_B
    }

    /** Where a file's bytes come from, opened once per pass. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    /** The duration given to the last frame of an IVF file with one frame only. */
    private static final long DEFAULT_VIDEO_FRAME_NANOS = 33_333_334;
    /** The frame rate of Annex B files unless told otherwise. */
    public static final double DEFAULT_ANNEX_B_FPS = 30;

    private final Source source;
    private final Format format;
    private final LocalMediaStreamTrack track;
    private final boolean loop;
    /** Annex B: one frame's duration in 90 kHz ticks. */
    private final long annexBTicks;
    private final Thread thread;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile boolean stopping;
    private volatile long framesWritten;
    private volatile long bytesWritten;
    private volatile long passes;
    private volatile long keyFrameRequests;
    private volatile long framesSkipped;
    /** Nanoseconds of media written so far (the schedule). */
    private long playedNanos;
    private long startNanos;
    /** Opus samples written over all passes. */
    private long oggSamples;
    /** Annex B access units written over all passes. */
    private long annexBFrames;

    private FilePlayer(Source source, Format format, LocalMediaStreamTrack track, boolean loop, long annexBTicks) {
        this.source = source;
        this.format = format;
        this.track = track;
        this.loop = loop;
        this.annexBTicks = annexBTicks;
        this.thread = new Thread(this::run, "file-player-" + THREADS.incrementAndGet());
        this.thread.setDaemon(true);
    }

    /**
     * Starts playing a file into a track.
     *
     * @param loop start over at the end, until {@link #close()}
     * @throws MediaFormatException if the file is neither IVF nor Ogg Opus, or is malformed at its start
     * @throws IllegalArgumentException if the file's codec is not the track's
     * @throws UncheckedIOException if the file cannot be read
     */
    public static FilePlayer start(Path file, LocalMediaStreamTrack track, boolean loop) {
        try {
            return start(file.toUri().toURL(), track, loop);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a file path: " + file, e);
        }
    }

    /** Starts playing a file given by URL (a classpath resource, say) into a track; as {@link #start(Path, ...)}. */
    public static FilePlayer start(URL url, LocalMediaStreamTrack track, boolean loop) {
        Objects.requireNonNull(url, "url");
        return start(url::openStream, track, loop);
    }

    /** Starts playing from a source opened once per pass; as {@link #start(Path, LocalMediaStreamTrack, boolean)}. */
    public static FilePlayer start(Source source, LocalMediaStreamTrack track, boolean loop) {
        return start(source, track, loop, DEFAULT_ANNEX_B_FPS);
    }

    /**
     * Starts playing from a source opened once per pass; an H.264 Annex B stream, which carries no timing, plays at
     * {@code annexBFramesPerSecond} (rounded to whole 90 kHz ticks per frame: 29.97 gives 3003).
     */
    public static FilePlayer start(Source source, LocalMediaStreamTrack track, boolean loop,
            double annexBFramesPerSecond) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(track, "track");
        if (!(annexBFramesPerSecond >= 1 && annexBFramesPerSecond <= 1000)) {
            throw new IllegalArgumentException("frame rate must be 1..1000 fps, got " + annexBFramesPerSecond);
        }
        RTCRtpCodec codec = probe(source);
        if (!codec.name().equalsIgnoreCase(track.codec().name())) {
            throw new IllegalArgumentException("the file holds " + codec.mimeType() + " but the track sends "
                    + track.codec().mimeType());
        }
        Format format = codec.kind().equals("audio") ? Format.OGG_OPUS
                : codec.name().equalsIgnoreCase("H264") ? Format.ANNEX_B : Format.IVF;
        FilePlayer player = new FilePlayer(source, format, track, loop, Math.round(90_000 / annexBFramesPerSecond));
        track.setListener(new LocalMediaStreamTrack.Listener() {
            @Override
            public void onKeyFrameRequest(LocalMediaStreamTrack t) {
                player.keyFrameRequests++;
            }
        });
        player.thread.start();
        return player;
    }

    /**
     * The codec of a file: {@link RTCRtpCodec#VP8}, {@link RTCRtpCodec#VP9} or {@link RTCRtpCodec#AV1} for IVF (by
     * its FourCC), {@link RTCRtpCodec#OPUS} for Ogg Opus, {@link RTCRtpCodec#H264} for a stream that starts with an
     * Annex B start code. Reads only the headers.
     *
     * @throws MediaFormatException if it is neither, or its headers are malformed
     * @throws UncheckedIOException if it cannot be read
     */
    public static RTCRtpCodec probe(Source source) {
        try (InputStream in = new BufferedInputStream(source.open())) {
            in.mark(4);
            byte[] magic = in.readNBytes(4);
            in.reset();
            String tag = new String(magic, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (tag.equals("DKIF")) {
                String fourcc = new IvfReader(in).header().fourcc();
                return switch (fourcc) {
                    case IvfHeader.VP8 -> RTCRtpCodec.VP8;
                    case IvfHeader.VP9 -> RTCRtpCodec.VP9;
                    case IvfHeader.AV1 -> RTCRtpCodec.AV1;
                    default -> throw new MediaFormatException("IVF file of codec " + fourcc
                            + " (VP80, VP90 and AV01 can be played)");
                };
            }
            if (tag.equals("OggS")) {
                new OggOpusReader(in);
                return RTCRtpCodec.OPUS;
            }
            // H.264 Annex B: the stream starts with a start code (B.2: leading zero bytes, then 00 00 01).
            if (magic.length >= 3 && magic[0] == 0 && magic[1] == 0
                    && (magic[2] == 1 || (magic.length == 4 && magic[2] == 0 && magic[3] == 1))) {
                return RTCRtpCodec.H264;
            }
            throw new MediaFormatException("neither an IVF file (DKIF), an Ogg file (OggS) nor an H.264 Annex B "
                    + "stream (00 00 01): starts with " + java.util.HexFormat.of().formatHex(magic));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the media file", e);
        }
    }

    public Format format() {
        return format;
    }

    public LocalMediaStreamTrack track() {
        return track;
    }

    /** Frames (Opus packets) written to the track. */
    public long framesWritten() {
        return framesWritten;
    }

    /** Frame bytes written to the track. */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Passes through the file completed. */
    public long passes() {
        return passes;
    }

    /** Keyframe requests (PLI, FIR) the remote sent for the track. */
    public long keyFrameRequests() {
        return keyFrameRequests;
    }

    /** Packets left out: Opus packets whose TOC gives no duration. */
    public long framesSkipped() {
        return framesSkipped;
    }

    /** Media time written so far. */
    public synchronized Duration played() {
        return Duration.ofNanos(playedNanos);
    }

    /**
     * Completes when playing ends: at the end of the file (without loop), when closed, or when the track ended;
     * exceptionally if the file turned out malformed or unreadable part way.
     */
    public CompletableFuture<Void> done() {
        return done;
    }

    /** Stops playing and waits for the thread to end. Idempotent. */
    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        if (Thread.currentThread() != thread) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        startNanos = System.nanoTime();
        try {
            do {
                try (InputStream in = new BufferedInputStream(source.open())) {
                    switch (format) {
                        case IVF -> playIvf(new IvfReader(in));
                        case OGG_OPUS -> playOgg(new OggOpusReader(in));
                        case ANNEX_B -> playAnnexB(new AnnexBReader(in));
                    }
                }
                if (!stopping) {
                    passes++;
                }
            } while (loop && !stopping);
            done.complete(null);
        } catch (TrackEnded e) {
            done.complete(null);
        } catch (IOException e) {
            done.completeExceptionally(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private void playIvf(IvfReader reader) {
        IvfHeader header = reader.header();
        IvfFrame previous = null;
        long lastDuration = DEFAULT_VIDEO_FRAME_NANOS;
        for (Optional<IvfFrame> next = reader.next(); next.isPresent() && !stopping; next = reader.next()) {
            IvfFrame frame = next.get();
            if (previous != null) {
                // Durations between rounded-up instants: their sum is always the exact media time, so the sender's
                // RTP clock lands on each file timestamp (a 3003-tick step stays 3003 ticks).
                long duration = Math.max(0, nanos(frame.timestamp(), header) - nanos(previous.timestamp(), header));
                emit(previous.data(), duration);
                lastDuration = duration > 0 ? duration : lastDuration;
            }
            previous = frame;
        }
        if (previous != null && !stopping) {
            emit(previous.data(), lastDuration);
        }
    }

    private void playOgg(OggOpusReader reader) {
        long reference = -1; // a granule position seen, and the samples played since it
        long samplesSinceReference = 0;
        for (Optional<OggOpusReader.Packet> next = reader.next(); next.isPresent() && !stopping;
                next = reader.next()) {
            OggOpusReader.Packet packet = next.get();
            ByteBuffer data = packet.data();
            int samples = OpusCodec.sampleCount(data);
            if (samples < 0) {
                framesSkipped++;
                continue;
            }
            long duration = samples;
            long granule = packet.granulePosition();
            if (granule >= 0) {
                // RFC 7845 §4: the page's granule position counts the samples up to its last packet's end; more
                // than the packets add up to means a gap (DTX, a cut), which is kept as silence.
                if (reference >= 0) {
                    long gap = granule - (reference + samplesSinceReference + samples);
                    if (gap > 0) {
                        duration += gap;
                    }
                }
                reference = granule;
                samplesSinceReference = 0;
            } else if (reference >= 0) {
                samplesSinceReference += samples;
            }
            // Durations between rounded-up instants, as for IVF: the RTP clock stays on the sample count.
            emit(data, samplesToNanos(oggSamples + duration) - samplesToNanos(oggSamples));
            oggSamples += duration;
        }
    }

    private void playAnnexB(AnnexBReader reader) {
        for (Optional<List<ByteBuffer>> unit = reader.nextAccessUnit(); unit.isPresent() && !stopping;
                unit = reader.nextAccessUnit()) {
            long from = nanos(annexBFrames * annexBTicks, 1, 90_000);
            long to = nanos((annexBFrames + 1) * annexBTicks, 1, 90_000);
            emit(ByteBuffer.wrap(AnnexB.join(unit.get())), to - from);
            annexBFrames++;
        }
    }

    /** Writes one frame when its time has come. */
    private void emit(ByteBuffer frame, long durationNanos) {
        long due;
        synchronized (this) {
            due = startNanos + playedNanos;
        }
        for (long wait = due - System.nanoTime(); wait > 0 && !stopping; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(this, wait);
        }
        if (stopping) {
            return;
        }
        int size = frame.remaining();
        try {
            track.writeFrame(frame, Duration.ofNanos(durationNanos));
        } catch (RTCException e) {
            if (track.ended()) {
                throw new TrackEnded();
            }
            throw e;
        }
        synchronized (this) {
            playedNanos += durationNanos;
        }
        framesWritten++;
        bytesWritten += size;
    }

    /** An IVF timestamp as nanoseconds from zero, rounded up. */
    private static long nanos(long timestamp, IvfHeader header) {
        return nanos(timestamp, header.timebaseNumerator(), header.timebaseDenominator());
    }

    /** {@code timestamp} units of {@code num/den} seconds as nanoseconds, rounded up. */
    private static long nanos(long timestamp, long num, long den) {
        long units = Math.multiplyExact(timestamp, num);
        long seconds = units / den;
        long rest = units % den;
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), (rest * 1_000_000_000L + den - 1) / den);
    }

    /** Samples at 48 kHz as nanoseconds, rounded up (exact for whole 2.5 ms frames). */
    private static long samplesToNanos(long samples) {
        long rate = OpusCodec.CLOCK_RATE;
        return samples / rate * 1_000_000_000L + (samples % rate * 1_000_000_000L + rate - 1) / rate;
    }

    /** The track was stopped while playing: not an error. */
    private static final class TrackEnded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TrackEnded() {
            super(null, null, false, false);
        }
    }

    @Override
    public String toString() {
        return "FilePlayer[" + format.name().toLowerCase(Locale.ROOT) + " -> " + track + ", " + framesWritten
                + " frames]";
    }
}
