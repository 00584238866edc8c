package dev.jwebrtc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.LocalMediaStreamTrack;
import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCRtpCodec;
import dev.jwebrtc.RTCRtpTransceiver;
import dev.jwebrtc.RTCRtpTransceiverDirection;
import dev.jwebrtc.RTCSessionDescription;
import dev.jwebrtc.RTCStats;
import dev.jwebrtc.RTCStatsReport;
import dev.jwebrtc.RTCTrackEvent;
import dev.jwebrtc.RemoteMediaStreamTrack;
import dev.jwebrtc.examples.EchoServer;
import dev.jwebrtc.rtp.codec.EncodedFrame;
import dev.jwebrtc.rtp.media.IvfFrame;
import dev.jwebrtc.rtp.media.IvfHeader;
import dev.jwebrtc.rtp.media.IvfReader;
import dev.jwebrtc.rtp.media.IvfWriter;
import dev.jwebrtc.rtp.media.OggOpusReader;
import dev.jwebrtc.rtp.media.OggOpusWriter;
import dev.jwebrtc.rtp.media.OpusHead;
import dev.jwebrtc.rtp.media.OpusTags;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Audio and video between jwebrtc and headless Chromium with its fake camera and microphone: Chromium's VP8, Opus and
 * H.264 arrive as decodable frames that make valid IVF and Ogg files; what Java sends (packetized by us, or forwarded
 * RTP) Chromium decodes; a second video track is added to a live call.
 */
class JavaAndChromiumMediaTest extends ChromiumFixture {

    private static void await(BooleanSupplier condition, Duration max, String what) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Chromium offers its fake media; Java answers (after {@code beforeAnswer}) and the call connects. */
    private static String chromiumOffers(RTCPeerConnection pc, JavaPeer java, String mediaOptions,
            java.util.function.Consumer<RTCPeerConnection> beforeAnswer) throws Exception {
        String browser = (String) chromium.eval("pcCreate({})");
        chromium.eval("pcMedia(args[0], " + mediaOptions + ")", browser);
        String offer = (String) chromium.eval("pcOffer(args[0], {waitGathering: true})", browser);
        pc.setRemoteDescription(RTCSessionDescription.offer(offer)).get(10, TimeUnit.SECONDS);
        beforeAnswer.accept(pc);
        pc.setLocalDescription().get(10, TimeUnit.SECONDS);
        java.gathered.get(10, TimeUnit.SECONDS);
        assertEquals("stable", chromium.eval("pcSetRemote(args[0], 'answer', args[1])", browser,
                pc.localDescription().sdp()));
        java.connected.get(20, TimeUnit.SECONDS);
        return browser;
    }

    /** Java offers what it has; Chromium answers (receiving). */
    private static String javaOffers(RTCPeerConnection pc, JavaPeer java) throws Exception {
        pc.setLocalDescription().get(10, TimeUnit.SECONDS);
        java.gathered.get(10, TimeUnit.SECONDS);
        String browser = (String) chromium.eval("pcCreate({})");
        chromium.eval("pcSetRemote(args[0], 'offer', args[1])", browser, pc.localDescription().sdp());
        String answer = (String) chromium.eval("pcAnswer(args[0], true)", browser);
        pc.setRemoteDescription(RTCSessionDescription.answer(answer)).get(10, TimeUnit.SECONDS);
        java.connected.get(20, TimeUnit.SECONDS);
        return browser;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> chromiumStats(String browser, String direction) {
        Map<String, Object> all = (Map<String, Object>) chromium.eval("pcRtpStats(args[0])", browser);
        return (List<Map<String, Object>>) all.get(direction);
    }

    private static long number(Map<String, Object> stats, String field) {
        return ((Number) stats.get(field)).longValue();
    }

    /** Records {@code count} video frames (and the audio beside them) from Chromium's fake camera. */
    private static JavaPeer recordFromChromium(String videoCodec, int count) throws Exception {
        JavaPeer java = new JavaPeer();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        try {
            String browser = chromiumOffers(pc, java, "{audio: true, video: true, videoCodec: '" + videoCodec + "'}",
                    p -> { });
            await(() -> java.video.size() >= count && java.audio.size() >= count, Duration.ofSeconds(30),
                    count + " video and audio frames; got " + java.video.size() + "/" + java.audio.size());
            chromium.eval("pcClose(args[0])", browser);
            return java;
        } finally {
            pc.close();
        }
    }

    @Test
    void chromiumSendsVp8AndOpusThatJavaRecordsToValidIvfAndOggFiles() throws Exception {
        JavaPeer java = new JavaPeer();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        try {
            String browser = chromiumOffers(pc, java, "{audio: true, video: true, videoCodec: 'VP8'}", p -> { });
            assertEquals(2, java.tracks.size(), "a track event for audio and video");
            for (RTCRtpTransceiver t : pc.getTransceivers()) {
                assertEquals(RTCRtpTransceiverDirection.RECVONLY, t.currentDirection(), t.toString());
            }
            await(() -> java.video.size() >= 60 && java.audio.size() >= 100, Duration.ofSeconds(30),
                    "2 s of media; got " + java.video.size() + " video, " + java.audio.size() + " audio frames");

            List<EncodedFrame> video = List.copyOf(java.video);
            assertTrue(video.get(0).keyframe(), "recording starts at a keyframe");
            ByteArrayOutputStream ivf = new ByteArrayOutputStream();
            long first = video.get(0).rtpTimestamp();
            try (IvfWriter writer = new IvfWriter(ivf, IvfHeader.forRtp(IvfHeader.VP8, 320, 240))) {
                for (EncodedFrame f : video) {
                    writer.write((f.rtpTimestamp() - first) & 0xFFFF_FFFFL, f.data());
                }
            }
            IvfReader reader = new IvfReader(new ByteArrayInputStream(ivf.toByteArray()));
            assertEquals("VP80", reader.header().fourcc());
            long previous = -1;
            int frames = 0;
            for (Optional<IvfFrame> f = reader.next(); f.isPresent(); f = reader.next()) {
                assertTrue(f.get().timestamp() > previous, "IVF timestamps increase");
                previous = f.get().timestamp();
                frames++;
            }
            assertEquals(video.size(), frames);
            // 30 fps at 90 kHz is 3000 ticks per frame; a loaded headless Chromium's fake camera may run slower.
            double ticksPerFrame = (double) previous / (frames - 1);
            assertTrue(ticksPerFrame > 2000 && ticksPerFrame < 15000, "frame spacing " + ticksPerFrame);

            List<EncodedFrame> audio = List.copyOf(java.audio);
            ByteArrayOutputStream ogg = new ByteArrayOutputStream();
            try (OggOpusWriter writer = new OggOpusWriter(ogg, OpusHead.of(2), new OpusTags("jwebrtc", List.of()), 1)) {
                for (EncodedFrame f : audio) {
                    writer.write(f.data());
                }
            }
            OggOpusReader oggReader = new OggOpusReader(new ByteArrayInputStream(ogg.toByteArray()));
            int packets = 0;
            long granule = -1;
            for (Optional<OggOpusReader.Packet> p = oggReader.next(); p.isPresent(); p = oggReader.next()) {
                // RFC 7845 §4: only a page's last packet carries a granule position (-1 on the others).
                if (p.get().granulePosition() >= 0) {
                    assertTrue(p.get().granulePosition() >= granule, "granule positions do not decrease");
                    granule = p.get().granulePosition();
                }
                packets++;
            }
            assertEquals(audio.size(), packets);

            RTCStatsReport stats = pc.getStats().get(10, TimeUnit.SECONDS);
            List<RTCStats.InboundRtp> inbound = stats.ofType(RTCStats.InboundRtp.class);
            assertEquals(2, inbound.size(), inbound.toString());
            for (RTCStats.InboundRtp in : inbound) {
                assertTrue(in.packetsReceived() > 50, in.toString());
                RTCStats.Codec codec = (RTCStats.Codec) stats.get(in.codecId()).orElseThrow();
                assertEquals(in.kind().equals("video") ? "video/VP8" : "audio/opus", codec.mimeType());
            }
            Map<String, Object> sent = chromiumStats(browser, "outbound").stream()
                    .filter(s -> s.get("kind").equals("video")).findFirst().orElseThrow();
            assertEquals("video/VP8", sent.get("codec"));
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }

    @Test
    void javaReflectsChromiumsVideoAndAudioAndChromiumDecodesThem() throws Exception {
        JavaPeer java = new JavaPeer();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        try {
            // The echo-server example's reflection: RTP forwarded on the offered transceiver, PLI passed back.
            String browser = chromiumOffers(pc, java, "{audio: true, video: true, videoCodec: 'VP8'}", p -> {
                for (RTCRtpTransceiver t : p.getTransceivers()) {
                    EchoServer.Reflection.attach(1, p, t, "reflect");
                }
            });
            for (RTCRtpTransceiver t : pc.getTransceivers()) {
                assertEquals(RTCRtpTransceiverDirection.SENDRECV, t.currentDirection(), t.toString());
            }
            await(() -> chromiumStats(browser, "inbound").stream().anyMatch(s -> s.get("kind").equals("video")
                    && number(s, "framesDecoded") >= 30), Duration.ofSeconds(30),
                    "Chromium decodes its reflected video: " + chromiumStats(browser, "inbound"));
            Map<String, Object> video = chromiumStats(browser, "inbound").stream()
                    .filter(s -> s.get("kind").equals("video")).findFirst().orElseThrow();
            assertEquals("video/VP8", video.get("codec"));
            assertEquals(320L, number(video, "frameWidth"));
            await(() -> chromiumStats(browser, "inbound").stream().anyMatch(s -> s.get("kind").equals("audio")
                    && number(s, "totalSamplesReceived") > 48_000), Duration.ofSeconds(10),
                    "Chromium plays its reflected audio: " + chromiumStats(browser, "inbound"));
            await(() -> pc.getStats().join().ofType(RTCStats.OutboundRtp.class).stream()
                    .allMatch(out -> out.remoteId() != null), Duration.ofSeconds(10), "Chromium's receiver reports");
            // Chromium's transport-wide CC feedback gives a send-side estimate, on the selected pair's stats.
            await(() -> pc.getStats().join().ofType(RTCStats.CandidatePair.class).stream()
                    .anyMatch(p -> p.selected() && p.availableOutgoingBitrate() != null
                            && p.availableOutgoingBitrate() > 10_000), Duration.ofSeconds(10),
                    "a bandwidth estimate from TWCC: " + pc.getStats().join().ofType(RTCStats.CandidatePair.class));
            RTCStatsReport stats = pc.getStats().get(10, TimeUnit.SECONDS);
            for (RTCStats.OutboundRtp out : stats.ofType(RTCStats.OutboundRtp.class)) {
                assertTrue(out.packetsSent() > 50, out.toString());
                RTCStats.RemoteInboundRtp remote = (RTCStats.RemoteInboundRtp) stats.get(out.remoteId()).orElseThrow();
                assertTrue(remote.roundTripTime() != null && remote.roundTripTime() < 0.5, remote.toString());
            }
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }

    @Test
    void javaPacketizesRecordedVp8AndOpusAndChromiumDecodesThem() throws Exception {
        JavaPeer recorded = recordFromChromium("VP8", 90);
        playToChromium(recorded, RTCRtpCodec.VP8);
    }

    @Test
    void h264InBothDirections() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> codecs = (Map<String, List<String>>) chromium.eval("videoCodecs()");
        boolean h264 = codecs.get("send").stream().anyMatch(c -> c.startsWith("video/H264")
                && c.contains("packetization-mode=1"));
        Assumptions.assumeTrue(h264, "this Chromium build has no H.264 encoder: " + codecs);
        JavaPeer recorded = recordFromChromium("H264", 60);
        assertTrue(recorded.video.get(0).keyframe(), "H.264 recording starts at an IDR access unit");
        playToChromium(recorded, RTCRtpCodec.H264);
    }

    @Test
    void vp9InBothDirections() throws Exception {
        JavaPeer recorded = recordFromChromium("VP9", 60);
        assertTrue(recorded.video.get(0).keyframe(), "VP9 recording starts at a key frame");
        playToChromium(recorded, RTCRtpCodec.VP9);
    }

    @Test
    void av1InBothDirections() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> codecs = (Map<String, List<String>>) chromium.eval("videoCodecs()");
        Assumptions.assumeTrue(codecs.get("send").stream().anyMatch(c -> c.startsWith("video/AV1")),
                "this Chromium build has no AV1 encoder: " + codecs);
        JavaPeer recorded = recordFromChromium("AV1", 60);
        assertTrue(recorded.video.get(0).keyframe(), "AV1 recording starts at a key frame (sequence header)");
        playToChromium(recorded, RTCRtpCodec.AV1);
    }

    @Test
    void pcmuFromChromiumIsReceivedAndSentBackPacketizedByUs() throws Exception {
        JavaPeer java = new JavaPeer();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        try {
            LocalMediaStreamTrack back = new LocalMediaStreamTrack(RTCRtpCodec.PCMU, "pcmu-back", "back");
            String browser = chromiumOffers(pc, java, "{audio: true, audioCodec: 'PCMU'}", p -> p.addTrack(back));
            await(() -> java.audio.size() >= 50, Duration.ofSeconds(20), "PCMU frames: " + java.audio.size());
            for (EncodedFrame f : List.copyOf(java.audio).subList(0, 50)) {
                // G.711: one byte per sample, 20 ms at 8 kHz (RFC 3551 §4.5.14).
                assertEquals(160, f.data().remaining());
                back.writeFrame(f.data(), Duration.ofMillis(20));
            }
            await(() -> chromiumStats(browser, "inbound").stream().anyMatch(s -> s.get("kind").equals("audio")
                    && number(s, "totalSamplesReceived") >= 8000), Duration.ofSeconds(10),
                    "Chromium plays our PCMU: " + chromiumStats(browser, "inbound"));
            assertEquals("audio/PCMU", chromiumStats(browser, "inbound").get(0).get("codec"));
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }

    @Test
    void simulcastOfferedToChromiumFallsBackToTheLayersItAccepts() throws Exception {
        JavaPeer recorded = recordFromChromium("VP8", 60);
        JavaPeer java = new JavaPeer();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        try {
            LocalMediaStreamTrack video = new LocalMediaStreamTrack(RTCRtpCodec.VP8, "layers", "s");
            pc.addTransceiver(video, dev.jwebrtc.RTCRtpTransceiverInit.of(RTCRtpTransceiverDirection.SENDONLY)
                    .withSimulcast("q", "f"));
            String browser = javaOffers(pc, java);
            for (EncodedFrame f : List.copyOf(recorded.video)) {
                video.writeFrame("q", f.data(), Duration.ofMillis(33));
                video.writeFrame("f", f.data(), Duration.ofMillis(33));
                Thread.sleep(33);
            }
            await(() -> chromiumStats(browser, "inbound").stream().anyMatch(s -> s.get("kind").equals("video")
                    && number(s, "framesDecoded") > 20), Duration.ofSeconds(10),
                    "Chromium decodes the layer(s) it accepted: " + chromiumStats(browser, "inbound"));
            RTCStatsReport stats = pc.getStats().get(10, TimeUnit.SECONDS);
            System.out.println("[simulcast to Chromium] answer: " + pc.remoteDescription().sdp().lines()
                    .filter(l -> l.startsWith("a=simulcast") || l.startsWith("a=rid")).toList() + "; sent layers: "
                    + stats.ofType(RTCStats.OutboundRtp.class).stream().map(RTCStats.OutboundRtp::rid).toList());
            // Chromium answers without a=simulcast (it receives one stream): only the first layer goes out.
            if (!pc.remoteDescription().sdp().contains("a=simulcast:recv")) {
                assertEquals(List.of("q"), stats.ofType(RTCStats.OutboundRtp.class).stream()
                        .map(RTCStats.OutboundRtp::rid).toList());
            }
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }

    /** Java offers the recorded frames as its own tracks, packetized by jwebrtc, at their pace. */
    private static void playToChromium(JavaPeer recorded, RTCRtpCodec videoCodec) throws Exception {
        JavaPeer java = new JavaPeer();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        try {
            LocalMediaStreamTrack video = new LocalMediaStreamTrack(videoCodec, "played-video", "played");
            LocalMediaStreamTrack audio = new LocalMediaStreamTrack(RTCRtpCodec.OPUS, "played-audio", "played");
            pc.addTrack(video);
            pc.addTrack(audio);
            String browser = javaOffers(pc, java);
            List<EncodedFrame> frames = List.copyOf(recorded.video);
            List<EncodedFrame> sound = List.copyOf(recorded.audio);
            long start = System.nanoTime();
            int a = 0;
            for (int i = 0; i < frames.size(); i++) {
                long duration = i + 1 < frames.size()
                        ? ((frames.get(i + 1).rtpTimestamp() - frames.get(i).rtpTimestamp()) & 0xFFFF_FFFFL) : 3000;
                video.writeFrame(frames.get(i).data(), Duration.ofNanos(duration * 1_000_000_000L / 90_000));
                long due = start + (i + 1) * 33_333_333L;
                while (a < sound.size() && a * 20_000_000L < (i + 1) * 33_333_333L) {
                    audio.writeFrame(sound.get(a++).data(), Duration.ofMillis(20));
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            await(() -> chromiumStats(browser, "inbound").stream().anyMatch(s -> s.get("kind").equals("video")
                    && number(s, "framesDecoded") >= frames.size() / 2), Duration.ofSeconds(10),
                    "Chromium decodes what we packetized: " + chromiumStats(browser, "inbound"));
            Map<String, Object> in = chromiumStats(browser, "inbound").stream()
                    .filter(s -> s.get("kind").equals("video")).findFirst().orElseThrow();
            assertEquals(videoCodec.mimeType(), in.get("codec"));
            assertTrue(number(in, "keyFramesDecoded") >= 1, in.toString());
            assertEquals(320L, number(in, "frameWidth"));
            Map<String, Object> sound0 = chromiumStats(browser, "inbound").stream()
                    .filter(s -> s.get("kind").equals("audio")).findFirst().orElseThrow();
            assertTrue(number(sound0, "totalSamplesReceived") > 0, sound0.toString());
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }

    @Test
    void aSecondVideoTrackAddedMidCallIsDecodedToo() throws Exception {
        JavaPeer recorded = recordFromChromium("VP8", 60);
        JavaPeer java = new JavaPeer();
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        try {
            LocalMediaStreamTrack first = new LocalMediaStreamTrack(RTCRtpCodec.VP8, "first", "s");
            pc.addTrack(first);
            String browser = javaOffers(pc, java);
            LocalMediaStreamTrack second = new LocalMediaStreamTrack(RTCRtpCodec.VP8, "second", "s");
            pc.addTrack(second);
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            chromium.eval("pcSetRemote(args[0], 'offer', args[1])", browser, pc.localDescription().sdp());
            String answer = (String) chromium.eval("pcAnswer(args[0], false)", browser);
            pc.setRemoteDescription(RTCSessionDescription.answer(answer)).get(10, TimeUnit.SECONDS);
            assertEquals(2, pc.getTransceivers().size());
            assertEquals("1", pc.getTransceivers().get(1).mid());

            List<EncodedFrame> frames = List.copyOf(recorded.video);
            for (int round = 0; round < 2; round++) {
                for (EncodedFrame f : frames) {
                    first.writeFrame(f.data(), Duration.ofMillis(33));
                    second.writeFrame(f.data(), Duration.ofMillis(33));
                    Thread.sleep(33);
                }
            }
            await(() -> chromiumStats(browser, "inbound").stream().filter(s -> s.get("kind").equals("video")
                    && number(s, "framesDecoded") > 10).count() == 2, Duration.ofSeconds(10),
                    "both video tracks decoded: " + chromiumStats(browser, "inbound"));

            // And removed again: the section stays, its direction loses "send" on both sides.
            pc.removeTrack(pc.getTransceivers().get(1).sender());
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            chromium.eval("pcSetRemote(args[0], 'offer', args[1])", browser, pc.localDescription().sdp());
            answer = (String) chromium.eval("pcAnswer(args[0], false)", browser);
            pc.setRemoteDescription(RTCSessionDescription.answer(answer)).get(10, TimeUnit.SECONDS);
            assertEquals(RTCRtpTransceiverDirection.INACTIVE, pc.getTransceivers().get(1).currentDirection());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> theirs = (List<Map<String, Object>>) chromium.eval("pcTransceivers(args[0])",
                    browser);
            assertEquals("inactive", theirs.get(1).get("currentDirection"), theirs.toString());
            assertEquals("recvonly", theirs.get(0).get("currentDirection"), "the first track still flows");
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }

    @Test
    void simulcastFromChromiumArrivesAsOneStreamPerRid() throws Exception {
        ConcurrentHashMap<String, List<EncodedFrame>> byRid = new ConcurrentHashMap<>();
        JavaPeer java = new JavaPeer() {
            @Override
            public void onTrack(RTCTrackEvent event) {
                tracks.add(event);
                event.track().setListener(new RemoteMediaStreamTrack.Listener() {
                    @Override
                    public void onFrame(RemoteMediaStreamTrack track, EncodedFrame frame, @Nullable String rid) {
                        byRid.computeIfAbsent(String.valueOf(rid), r -> new CopyOnWriteArrayList<>()).add(frame);
                    }
                });
            }
        };
        RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, java);
        try {
            String browser = chromiumOffers(pc, java, "{video: true, videoCodec: 'VP8', simulcast: ['h', 'f']}",
                    p -> { });
            String answer = pc.localDescription().sdp();
            assertTrue(answer.contains("a=rid:h recv") && answer.contains("a=rid:f recv")
                    && answer.contains("a=simulcast:recv"), "RFC 8853 simulcast answered:\n" + answer);
            await(() -> byRid.size() == 2 && byRid.values().stream().allMatch(l -> l.size() >= 20),
                    Duration.ofSeconds(30), "frames for both rids: " + byRid.keySet() + " "
                            + byRid.values().stream().map(List::size).toList() + "; ours: "
                            + pc.getStats().join().ofType(RTCStats.InboundRtp.class) + "; Chromium's: "
                            + chromiumStats(browser, "outbound"));
            for (Map.Entry<String, List<EncodedFrame>> e : byRid.entrySet()) {
                assertTrue(e.getValue().get(0).keyframe(), "rid " + e.getKey() + " starts at a keyframe");
            }
            assertEquals(Set.of("h", "f"), byRid.keySet());
            RTCStatsReport stats = pc.getStats().get(10, TimeUnit.SECONDS);
            assertEquals(Set.of("h", "f"), stats.ofType(RTCStats.InboundRtp.class).stream()
                    .map(RTCStats.InboundRtp::rid).collect(Collectors.toSet()));
            chromium.eval("pcClose(args[0])", browser);
        } finally {
            pc.close();
        }
    }
}
