package dev.jwebrtc.examples;

import dev.jwebrtc.LocalMediaStreamTrack;
import dev.jwebrtc.RTCDataChannel;
import dev.jwebrtc.RTCException;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCRtpCodec;
import dev.jwebrtc.RTCRtpSender;
import dev.jwebrtc.RTCRtpTransceiver;
import dev.jwebrtc.RemoteMediaStreamTrack;
import dev.jwebrtc.rtp.RtpPacket;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP server with WHIP-style signaling ({@link WhipServer}) that echoes everything back: each data channel
 * message goes back on its channel with its type, and every incoming audio and video track is reflected: the answer
 * sends a track back on the same transceiver (so it becomes {@code sendrecv}), and each RTP packet received is
 * forwarded on it (the sender gives it its own SSRC, payload type and header extensions; sequence numbers and
 * timestamps are kept). Keyframe requests for the reflected track are passed to the original sender.
 *
 * <p>The reflected track is VP8 for video and Opus for audio: adding it steers the transceiver's negotiation to that
 * codec, so both directions use it (browsers offer both). An offer without VP8 (or Opus) cannot be reflected.
 */
public final class EchoServer {

    private EchoServer() {}

    public static void main(String[] args) throws Exception {
        Args options = Args.parse(args, "--port", "--bind");
        Running running = start(options.address("--bind", "127.0.0.1"), options.port("--port", 8080));
        System.out.printf(Locale.ROOT, "echo server on http://%s:%d/ (POST /offer for WHIP-style signaling)%n",
                options.get("--bind", "127.0.0.1"), running.port());
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "echo-server-shutdown"));
    }

    /** A running echo server; {@link #close()} stops HTTP and every peer connection. */
    public record Running(WhipServer server, List<Reflection> reflections) implements AutoCloseable {
        public int port() {
            return server.port();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** One reflected track: what came in and went back out, for a session. */
    public static final class Reflection {
        private final long session;
        private final RemoteMediaStreamTrack remote;
        private final LocalMediaStreamTrack local;
        private final AtomicLong packets = new AtomicLong();
        private final AtomicLong keyFrameRequests = new AtomicLong();

        Reflection(long session, RemoteMediaStreamTrack remote, LocalMediaStreamTrack local) {
            this.session = session;
            this.remote = remote;
            this.local = local;
        }

        public long session() {
            return session;
        }

        public RemoteMediaStreamTrack remote() {
            return remote;
        }

        public LocalMediaStreamTrack local() {
            return local;
        }

        /**
         * Sends a transceiver's incoming track back on it: a local track of the reflected codec is added (W3C
         * addTrack reuses the offered transceiver that never sent, so the answer becomes sendrecv), every RTP packet
         * is forwarded with new SSRCs, and keyframe requests go back to the original sender. Call it after the remote
         * offer is applied and before the answer.
         */
        public static Reflection attach(long session, RTCPeerConnection connection, RTCRtpTransceiver t,
                String stream) {
            RemoteMediaStreamTrack remote = t.receiver().track();
            LocalMediaStreamTrack local = new LocalMediaStreamTrack(reflectedCodec(t.kind()),
                    UUID.randomUUID().toString(), stream);
            RTCRtpSender sender = connection.addTrack(local, stream);
            if (sender != t.sender()) {
                System.err.println("echo-server: session " + session + ": the reflection of mid " + t.mid()
                        + " went to another transceiver");
            }
            Reflection reflection = new Reflection(session, remote, local);
            remote.setListener(new RemoteMediaStreamTrack.Listener() {
                @Override
                public void onRtp(RemoteMediaStreamTrack track, RtpPacket packet, @Nullable String rid) {
                    try {
                        local.writeRtp(packet);
                        reflection.packets.incrementAndGet();
                    } catch (RTCException ended) {
                        // The session is closing: the reflected track has stopped.
                    }
                }

                @Override
                public void onEnded(RemoteMediaStreamTrack track) {
                    local.stop();
                }
            });
            local.setListener(new LocalMediaStreamTrack.Listener() {
                @Override
                public void onKeyFrameRequest(LocalMediaStreamTrack track) {
                    reflection.keyFrameRequests.incrementAndGet();
                    remote.requestKeyFrame();
                }
            });
            return reflection;
        }

        /** RTP packets forwarded. */
        public long packets() {
            return packets.get();
        }

        /** Keyframe requests passed from the reflected track's receiver to the original sender. */
        public long keyFrameRequests() {
            return keyFrameRequests.get();
        }
    }

    /** Starts an echo server on {@code address}:{@code port} (0: any free port); peers bind to the same address. */
    public static Running start(InetAddress address, int port) throws IOException {
        List<Reflection> reflections = new CopyOnWriteArrayList<>();
        WhipServer server = WhipServer.start("echo-server", address, port, "echo.html",
                id -> new Echo(id, reflections));
        return new Running(server, java.util.Collections.unmodifiableList(reflections));
    }

    /** The codec a reflected track of this kind is sent with. */
    static RTCRtpCodec reflectedCodec(String kind) {
        return kind.equals("video") ? RTCRtpCodec.VP8 : RTCRtpCodec.OPUS;
    }

    /** One session: data channels echoed, tracks reflected. */
    private static final class Echo implements WhipServer.Session {
        private final long id;
        private final List<Reflection> all;
        private final List<Reflection> mine = new CopyOnWriteArrayList<>();

        Echo(long id, List<Reflection> all) {
            this.id = id;
            this.all = all;
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            channel.setListener(ECHO);
        }

        @Override
        public void beforeAnswer(RTCPeerConnection connection) {
            String stream = "reflect-" + id;
            for (RTCRtpTransceiver t : connection.getTransceivers()) {
                if (t.stopped() || t.sender().track() != null) {
                    continue;
                }
                Reflection reflection = Reflection.attach(id, connection, t, stream);
                mine.add(reflection);
                all.add(reflection);
            }
        }

        @Override
        public void onClose() {
            for (Reflection r : mine) {
                r.local().stop();
            }
            all.removeAll(mine);
        }
    }

    /** Sends every message back on its channel, with its type. */
    private static final RTCDataChannel.Listener ECHO = new RTCDataChannel.Listener() {
        @Override
        public void onMessage(RTCDataChannel channel, String text) {
            channel.send(text);
        }

        @Override
        public void onMessage(RTCDataChannel channel, ByteBuffer binary) {
            channel.send(binary);
        }
    };
}
