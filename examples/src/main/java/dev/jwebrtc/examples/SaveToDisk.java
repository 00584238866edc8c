package dev.jwebrtc.examples;

import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCRtpCodec;
import dev.jwebrtc.RTCRtpTransceiver;
import dev.jwebrtc.examples.media.TrackRecorder;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what browsers send, as Pion's {@code save-to-disk}: a WHIP-style server ({@link WhipServer}) whose
 * {@code POST /offer} takes a camera and microphone offer, answers {@code recvonly} with VP8 and Opus (the codecs are
 * fixed with {@code setCodecPreferences} before answering, so the recorder knows its container), and records each
 * track with a {@link TrackRecorder} to {@code <dir>/<session>-video.ivf} and {@code <dir>/<session>-audio.ogg}
 * (a second track of a kind gets {@code -video-2.ivf}, ...). Files are finalized when the session ends: the
 * connection closes or fails, or {@code DELETE /session/N}. {@code GET /} serves a page that sends the camera and
 * microphone for some seconds.
 */
public final class SaveToDisk implements AutoCloseable {

    private final WhipServer server;
    private final List<TrackRecorder> recordings;

    private SaveToDisk(WhipServer server, List<TrackRecorder> recordings) {
        this.server = server;
        this.recordings = recordings;
    }

    public static void main(String[] args) throws Exception {
        Args options = Args.parse(args, "--out", "--port", "--bind");
        if (!options.has("--out")) {
            throw new IllegalArgumentException("save-to-disk needs --out DIRECTORY");
        }
        Path dir = Path.of(options.get("--out", "."));
        SaveToDisk running = start(options.address("--bind", "127.0.0.1"), options.port("--port", 8080), dir);
        System.out.printf(Locale.ROOT, "save-to-disk on http://%s:%d/ recording to %s%n",
                options.get("--bind", "127.0.0.1"), running.port(), dir.toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "save-to-disk-shutdown"));
    }

    /** Starts the server; {@code dir} is created if needed. */
    public static SaveToDisk start(InetAddress address, int port, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<TrackRecorder> recordings = new CopyOnWriteArrayList<>();
        WhipServer server = WhipServer.start("save-to-disk", address, port, "save.html",
                id -> new Recording(id, dir, recordings));
        return new SaveToDisk(server, recordings);
    }

    public int port() {
        return server.port();
    }

    public WhipServer server() {
        return server;
    }

    /** Every recorder started so far, finished or not, in order. */
    public List<TrackRecorder> recordings() {
        return List.copyOf(recordings);
    }

    @Override
    public void close() {
        server.close();
    }

    /** One session: a recorder per offered audio or video section. */
    private static final class Recording implements WhipServer.Session {
        private final long id;
        private final Path dir;
        private final List<TrackRecorder> all;
        private final List<TrackRecorder> mine = new CopyOnWriteArrayList<>();

        Recording(long id, Path dir, List<TrackRecorder> all) {
            this.id = id;
            this.dir = dir;
            this.all = all;
        }

        @Override
        public void beforeAnswer(RTCPeerConnection connection) {
            int video = 0;
            int audio = 0;
            for (RTCRtpTransceiver t : connection.getTransceivers()) {
                if (t.stopped()) {
                    continue;
                }
                boolean isVideo = t.kind().equals("video");
                RTCRtpCodec codec = isVideo ? RTCRtpCodec.VP8 : RTCRtpCodec.OPUS;
                // The answer carries only this codec (with its RTX): the recorder knows what it gets.
                t.setCodecPreferences(List.of(codec));
                int n = isVideo ? ++video : ++audio;
                String name = id + "-" + t.kind() + (n == 1 ? "" : "-" + n)
                        + TrackRecorder.containerFor(codec).extension();
                TrackRecorder recorder = new TrackRecorder(codec, dir.resolve(name)).attach(t.receiver().track());
                mine.add(recorder);
                all.add(recorder);
            }
        }

        @Override
        public void onClose() {
            for (TrackRecorder r : mine) {
                r.close();
                System.out.printf(Locale.ROOT, "save-to-disk: session %d: %s: %d frames, %d keyframes%n", id,
                        r.file().getFileName(), r.frames(), r.keyFrames());
            }
        }
    }
}
