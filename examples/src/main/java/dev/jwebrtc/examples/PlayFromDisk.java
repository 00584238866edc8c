package dev.jwebrtc.examples;

import dev.jwebrtc.LocalMediaStreamTrack;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionState;
import dev.jwebrtc.RTCRtpCodec;
import dev.jwebrtc.RTCRtpTransceiver;
import dev.jwebrtc.examples.media.FilePlayer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Sends a video file (IVF: VP8, VP9 or AV1) and an audio file (Ogg Opus) to every browser that connects, as Pion's
 * {@code play-from-disk}: a WHIP-style server ({@link WhipServer}) whose {@code POST /offer} takes an offer that
 * receives audio and video ({@code recvonly} or {@code sendrecv}) and answers with the files' tracks on the offered
 * transceivers. Each session gets its own {@link FilePlayer}s, started when the connection is up (so the first frame
 * it sees is the file's first keyframe) and looping until the session ends. {@code GET /} serves a page that plays
 * what it receives.
 */
public final class PlayFromDisk implements AutoCloseable {

    /** The sample video bundled with the examples (classpath resource). */
    public static final String SAMPLE_VIDEO = "/media/vp8-320x240-30fps.ivf";
    /** The sample audio bundled with the examples (classpath resource). */
    public static final String SAMPLE_AUDIO = "/media/opus-48k-stereo-sine.ogg";

    private final WhipServer server;
    private final List<FilePlayer> players;

    private PlayFromDisk(WhipServer server, List<FilePlayer> players) {
        this.server = server;
        this.players = players;
    }

    public static void main(String[] args) throws Exception {
        Args options = Args.parse(args, "--video", "--audio", "--port", "--bind");
        URL video;
        URL audio;
        if (!options.has("--video") && !options.has("--audio")) {
            video = PlayFromDisk.class.getResource(SAMPLE_VIDEO);
            audio = PlayFromDisk.class.getResource(SAMPLE_AUDIO);
            if (video == null || audio == null) {
                System.err.println("play-from-disk: the bundled samples (" + SAMPLE_VIDEO + ", " + SAMPLE_AUDIO
                        + ") are not in this jar; give files with --video file.ivf and/or --audio file.ogg");
                System.exit(2);
                return;
            }
        } else {
            video = options.has("--video") ? fileUrl(options.get("--video", "")) : null;
            audio = options.has("--audio") ? fileUrl(options.get("--audio", "")) : null;
        }
        PlayFromDisk running = start(options.address("--bind", "127.0.0.1"), options.port("--port", 8080), video,
                audio);
        System.out.printf(Locale.ROOT, "play-from-disk on http://%s:%d/ sending %s%s%n",
                options.get("--bind", "127.0.0.1"), running.port(), video == null ? "" : "video " + video,
                audio == null ? "" : (video == null ? "" : " and ") + "audio " + audio);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "play-from-disk-shutdown"));
    }

    private static URL fileUrl(String name) throws IOException {
        Path file = Path.of(name);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file.toAbsolutePath());
        }
        return file.toUri().toURL();
    }

    /**
     * Starts the server. Each file is checked first (its headers, and that it is VP8/VP9/AV1 IVF or Ogg Opus).
     *
     * @param video an IVF file, or null for no video
     * @param audio an Ogg Opus file, or null for no audio
     * @throws dev.jwebrtc.rtp.media.MediaFormatException if a file is not what it should be
     */
    public static PlayFromDisk start(InetAddress address, int port, @Nullable URL video, @Nullable URL audio)
            throws IOException {
        if (video == null && audio == null) {
            throw new IllegalArgumentException("nothing to play: give a video file, an audio file or both");
        }
        RTCRtpCodec videoCodec = video == null ? null : FilePlayer.probe(video::openStream);
        RTCRtpCodec audioCodec = audio == null ? null : FilePlayer.probe(audio::openStream);
        if (videoCodec != null && !videoCodec.kind().equals("video")) {
            throw new IllegalArgumentException("the video file holds " + videoCodec.mimeType());
        }
        if (audioCodec != null && !audioCodec.kind().equals("audio")) {
            throw new IllegalArgumentException("the audio file holds " + audioCodec.mimeType());
        }
        List<FilePlayer> players = new CopyOnWriteArrayList<>();
        WhipServer server = WhipServer.start("play-from-disk", address, port, "play.html",
                id -> new Player(id, players, video, videoCodec, audio, audioCodec));
        return new PlayFromDisk(server, players);
    }

    public int port() {
        return server.port();
    }

    public WhipServer server() {
        return server;
    }

    /** The players of the sessions running now. */
    public List<FilePlayer> players() {
        return List.copyOf(players);
    }

    @Override
    public void close() {
        server.close();
    }

    /** One session: a track per file, played once connected. */
    private static final class Player implements WhipServer.Session {
        private final long id;
        private final List<FilePlayer> all;
        private final List<Source> sources = new ArrayList<>();
        private final List<FilePlayer> mine = new CopyOnWriteArrayList<>();
        private volatile boolean ended;

        private record Source(URL url, LocalMediaStreamTrack track) {}

        Player(long id, List<FilePlayer> all, @Nullable URL video, @Nullable RTCRtpCodec videoCodec,
                @Nullable URL audio, @Nullable RTCRtpCodec audioCodec) {
            this.id = id;
            this.all = all;
            String stream = "play-from-disk-" + id;
            if (video != null && videoCodec != null) {
                sources.add(new Source(video, new LocalMediaStreamTrack(videoCodec, UUID.randomUUID().toString(),
                        stream)));
            }
            if (audio != null && audioCodec != null) {
                sources.add(new Source(audio, new LocalMediaStreamTrack(audioCodec, UUID.randomUUID().toString(),
                        stream)));
            }
        }

        @Override
        public void beforeAnswer(RTCPeerConnection connection) {
            List<Source> sent = new ArrayList<>();
            for (Source s : sources) {
                // Only where the offer has a section of the kind: an answer cannot add one.
                boolean offered = connection.getTransceivers().stream().map(RTCRtpTransceiver::kind)
                        .anyMatch(s.track().kind()::equals);
                if (offered) {
                    connection.addTrack(s.track(), s.track().streamId());
                    sent.add(s);
                }
            }
            sources.retainAll(sent);
        }

        @Override
        public void onConnectionStateChange(RTCPeerConnectionState state) {
            if (state != RTCPeerConnectionState.CONNECTED || !mine.isEmpty()) {
                return;
            }
            synchronized (this) {
                if (ended) {
                    return;
                }
                for (Source s : sources) {
                    FilePlayer player = FilePlayer.start(s.url(), s.track(), true);
                    mine.add(player);
                    all.add(player);
                }
            }
        }

        @Override
        public void onClose() {
            synchronized (this) {
                ended = true;
            }
            for (FilePlayer p : mine) {
                p.close();
                System.out.printf(Locale.ROOT, "play-from-disk: session %d sent %d frames (%s), %d keyframe "
                        + "requests%n", id, p.framesWritten(), p.format(), p.keyFrameRequests());
            }
            all.removeAll(mine);
            for (Source s : sources) {
                s.track().stop();
            }
        }
    }
}
