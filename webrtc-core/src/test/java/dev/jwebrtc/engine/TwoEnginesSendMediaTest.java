package dev.jwebrtc.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Two engines on the virtual network negotiate audio and video, key SRTP from DTLS and carry encoded frames: what one
 * side sends arrives as the same frames on the other, through loss (NACK and RTX), with keyframe requests.
 */
class TwoEnginesSendMediaTest {

    private static final NetemConfig LINK = NetemConfig.builder().latency(Duration.ofMillis(20)).build();
    private static final long FRAME_NANOS = 33_333_333L;

    static byte[] vp8Frame(SplittableRandom random, boolean key, int size) {
        return dev.jwebrtc.testkit.SyntheticFrames.vp8(random, key, size);
    }

    @Test
    void videoAndAudioFramesArriveIntactAndTheAnswererGetsTrackEvents(TestSeed seed) {
        EnginePair p = new EnginePair(seed.value(), LINK);
        try {
            int video = p.a.addTransceiver(p.clock.nanos(), "video", "sendonly", "v1", "s1");
            int audio = p.a.addTransceiver(p.clock.nanos(), "audio", "sendonly", "a1", "s1");
            assertEquals(1, EnginePair.of(p.eventsA, EngineEvent.NegotiationNeeded.class).size()
                    + countQueued(p), "negotiationneeded fired once for two transceivers");
            p.negotiateAndConnect();

            List<EngineEvent.TrackAdded> tracks = EnginePair.of(p.eventsB, EngineEvent.TrackAdded.class);
            assertEquals(2, tracks.size(), "B heard of two remote tracks: " + tracks);
            assertEquals(List.of("s1"), tracks.get(0).streamIds());
            assertEquals("v1", tracks.get(0).trackId());
            RtcEngine.TransceiverState sent = p.a.transceivers().get(0);
            assertEquals("sendonly", sent.currentDirection());
            assertEquals("VP8", sent.sendCodec());
            assertEquals("recvonly", p.b.transceivers().get(0).currentDirection());

            SplittableRandom random = new SplittableRandom(seed.value());
            List<byte[]> videoSent = new ArrayList<>();
            List<byte[]> audioSent = new ArrayList<>();
            for (int i = 0; i < 90; i++) {
                byte[] frame = vp8Frame(random, i % 30 == 0, 500 + random.nextInt(4000));
                assertTrue(p.a.sendFrame(p.clock.nanos(), video, ByteBuffer.wrap(frame), FRAME_NANOS));
                videoSent.add(frame);
                byte[] opus = new byte[60 + random.nextInt(80)];
                random.nextBytes(opus);
                opus[0] = (byte) 0x78; // TOC: SILK/CELT hybrid 20 ms, one frame (RFC 6716 §3.1)
                assertTrue(p.a.sendFrame(p.clock.nanos(), audio, ByteBuffer.wrap(opus), 20_000_000L));
                audioSent.add(opus);
                p.runFor(Duration.ofNanos(FRAME_NANOS));
            }
            p.runFor(Duration.ofSeconds(1));

            int videoHandleAtB = tracks.get(0).transceiver();
            List<EngineEvent.FrameReceived> frames = EnginePair.of(p.eventsB, EngineEvent.FrameReceived.class);
            List<byte[]> videoGot = frames.stream().filter(f -> f.transceiver() == videoHandleAtB)
                    .map(f -> f.frame().bytes()).toList();
            List<byte[]> audioGot = frames.stream().filter(f -> f.transceiver() != videoHandleAtB)
                    .map(f -> f.frame().bytes()).toList();
            assertEquals(videoSent.size(), videoGot.size(), "every video frame arrived");
            for (int i = 0; i < videoSent.size(); i++) {
                assertArrayEquals(videoSent.get(i), videoGot.get(i), "video frame " + i);
            }
            assertEquals(audioSent.size(), audioGot.size(), "every audio frame arrived");
            assertArrayEquals(audioSent.get(7), audioGot.get(7));
            assertTrue(frames.stream().filter(f -> f.transceiver() == videoHandleAtB).findFirst().orElseThrow()
                    .frame().keyframe(), "the first frame is a keyframe");

            MediaStats stats = p.b.mediaStats();
            assertEquals(2, stats.inbound().size(), "two inbound streams: " + stats.inbound());
            MediaStats.Inbound in = stats.inbound().stream().filter(s -> s.kind().equals("video")).findFirst()
                    .orElseThrow();
            assertEquals(90, in.framesReceived());
            assertEquals(3, in.keyFramesReceived());
            assertEquals(0, stats.counters().srtpFailures());
            MediaStats.Outbound out = p.a.mediaStats().outbound().stream().filter(s -> s.kind().equals("video"))
                    .findFirst().orElseThrow();
            assertEquals(90, out.framesSent());
            assertTrue(out.reportReceived(), "B's receiver reports reached A and gave an RTT: " + out);
            assertTrue(out.roundTripTimeSeconds() > 0.035 && out.roundTripTimeSeconds() < 0.1,
                    "RTT about 40 ms: " + out.roundTripTimeSeconds());
        } finally {
            p.close();
        }
    }

    @Test
    void lossIsRepairedWithNackAndRtx(TestSeed seed) {
        EnginePair p = new EnginePair(seed.value(), LINK);
        try {
            int video = p.a.addTransceiver(p.clock.nanos(), "video", "sendrecv", "v1", "s1");
            p.negotiateAndConnect();
            p.setLinks(NetemConfig.builder().latency(Duration.ofMillis(20)).loss(0.05).build());
            SplittableRandom random = new SplittableRandom(seed.value());
            List<byte[]> sent = new ArrayList<>();
            int requestsSeen = 0;
            for (int i = 0; i < 150; i++) {
                // Like an encoder, A answers a keyframe request with a keyframe.
                int requests = EnginePair.of(p.eventsA, EngineEvent.KeyframeRequested.class).size();
                byte[] frame = vp8Frame(random, i == 0 || requests > requestsSeen, 2000 + random.nextInt(3000));
                requestsSeen = requests;
                p.a.sendFrame(p.clock.nanos(), video, ByteBuffer.wrap(frame), FRAME_NANOS);
                sent.add(frame);
                p.runFor(Duration.ofNanos(FRAME_NANOS));
            }
            p.setLinks(LINK);
            p.runFor(Duration.ofSeconds(2));

            List<byte[]> got = EnginePair.of(p.eventsB, EngineEvent.FrameReceived.class).stream()
                    .map(f -> f.frame().bytes()).toList();
            MediaStats.Outbound out = p.a.mediaStats().outbound().get(0);
            assertTrue(out.retransmittedPackets() > 0, "packets were resent: " + out);
            assertTrue(out.nackCount() > 0, "NACKs arrived: " + out);
            // NACK repairs what one round trip can: nearly every frame arrives, and each one that does is intact.
            assertTrue(got.size() >= 140, "frames delivered through 5 % loss: " + got.size() + " of 150; "
                    + p.b.mediaStats() + " rtx recovered " + p.b.rtxRecovered());
            int j = 0;
            for (byte[] frame : got) {
                while (j < sent.size() && !java.util.Arrays.equals(sent.get(j), frame)) {
                    j++;
                }
                assertTrue(j < sent.size(), "a delivered frame is one that was sent, in order");
            }
        } finally {
            p.close();
        }
    }

    @Test
    void simulcastLayersArriveByRidAndLossIsRepairedPerLayer(TestSeed seed) {
        EnginePair p = new EnginePair(seed.value(), LINK);
        try {
            int video = p.a.addTransceiver(p.clock.nanos(), "video", "sendonly", "v1", "s1", List.of("q", "h", "f"));
            p.negotiateAndConnect();
            String offer = p.a.localDescription();
            assertTrue(offer.contains("a=simulcast:send q;h;f"), offer);
            p.setLinks(NetemConfig.builder().latency(Duration.ofMillis(20)).loss(0.03).build());
            SplittableRandom random = new SplittableRandom(seed.value());
            java.util.Map<String, List<byte[]>> sent = new java.util.HashMap<>();
            int requestsSeen = 0;
            for (int i = 0; i < 60; i++) {
                int requests = EnginePair.of(p.eventsA, EngineEvent.KeyframeRequested.class).size();
                boolean key = i == 0 || requests > requestsSeen;
                requestsSeen = requests;
                for (String rid : List.of("q", "h", "f")) {
                    byte[] frame = vp8Frame(random, key, rid.equals("q") ? 400 : rid.equals("h") ? 1500 : 4000);
                    assertTrue(p.a.sendFrame(p.clock.nanos(), video, rid, ByteBuffer.wrap(frame), FRAME_NANOS));
                    sent.computeIfAbsent(rid, r -> new ArrayList<>()).add(frame);
                }
                p.runFor(Duration.ofNanos(FRAME_NANOS));
            }
            p.setLinks(LINK);
            p.runFor(Duration.ofSeconds(1));
            assertFalse(p.a.sendFrame(p.clock.nanos(), video, "x", ByteBuffer.wrap(new byte[10]), FRAME_NANOS),
                    "an unknown rid is refused");

            List<EngineEvent.FrameReceived> frames = EnginePair.of(p.eventsB, EngineEvent.FrameReceived.class);
            for (String rid : List.of("q", "h", "f")) {
                List<byte[]> got = frames.stream().filter(f -> rid.equals(f.rid())).map(f -> f.frame().bytes())
                        .toList();
                assertTrue(got.size() >= 55, "layer " + rid + ": " + got.size() + " of 60 frames");
                int j = 0;
                for (byte[] frame : got) {
                    while (j < sent.get(rid).size() && !java.util.Arrays.equals(sent.get(rid).get(j), frame)) {
                        j++;
                    }
                    assertTrue(j < sent.get(rid).size(), "layer " + rid + " delivers its own frames, in order");
                }
            }
            MediaStats stats = p.b.mediaStats();
            assertEquals(3, stats.inbound().size(), "one stream per rid, RTX folded in: " + stats.inbound());
            assertTrue(p.b.rtxRecovered() > 0, "RTX with repaired-rtp-stream-id repaired the layers");
            assertEquals(0, stats.counters().unroutable(), "every RTX packet found its layer: " + stats.counters());
            assertEquals(3, p.a.mediaStats().outbound().size());
        } finally {
            p.close();
        }
    }

    @Test
    void aPictureLossIndicationReachesTheSender(TestSeed seed) {
        EnginePair p = new EnginePair(seed.value(), LINK);
        try {
            int video = p.a.addTransceiver(p.clock.nanos(), "video", "sendonly", "v1", "s1");
            p.negotiateAndConnect();
            SplittableRandom random = new SplittableRandom(seed.value());
            p.a.sendFrame(p.clock.nanos(), video, ByteBuffer.wrap(vp8Frame(random, true, 3000)), FRAME_NANOS);
            p.runFor(Duration.ofMillis(100));
            int atB = EnginePair.of(p.eventsB, EngineEvent.TrackAdded.class).get(0).transceiver();
            p.b.requestKeyframe(p.clock.nanos(), atB);
            p.runFor(Duration.ofMillis(100));
            List<EngineEvent.KeyframeRequested> requests = EnginePair.of(p.eventsA,
                    EngineEvent.KeyframeRequested.class);
            assertEquals(1, requests.size(), "one PLI reached A: " + requests);
            assertEquals(video, requests.get(0).transceiver());
            assertFalse(requests.get(0).fullIntraRequest());
        } finally {
            p.close();
        }
    }

    @Test
    void forgedAndMalformedSrtpIsDroppedAndCountedWhileMediaFlows(TestSeed seed) {
        EnginePair p = new EnginePair(seed.value(), LINK);
        try {
            int video = p.a.addTransceiver(p.clock.nanos(), "video", "sendonly", "v1", "s1");
            p.negotiateAndConnect();
            SplittableRandom random = new SplittableRandom(seed.value());
            java.net.InetSocketAddress from = new java.net.InetSocketAddress("198.51.100.1", 5000);
            java.net.InetSocketAddress to = new java.net.InetSocketAddress("198.51.100.2", 6000);
            for (int i = 0; i < 500; i++) {
                byte[] junk = new byte[random.nextInt(1, 1300)];
                random.nextBytes(junk);
                junk[0] = (byte) (0x80 | (junk[0] & 0x3f)); // RTP/RTCP range (RFC 7983)
                p.b.handleReceive(p.clock.nanos(), from, to, ByteBuffer.wrap(junk));
            }
            MediaStats.Counters counters = p.b.mediaCounters();
            assertEquals(500, counters.srtpFailures() + counters.malformed(), counters.toString());
            p.a.sendFrame(p.clock.nanos(), video, ByteBuffer.wrap(vp8Frame(random, true, 2000)), FRAME_NANOS);
            p.runUntil(() -> !EnginePair.of(p.eventsB, EngineEvent.FrameReceived.class).isEmpty(),
                    Duration.ofSeconds(2));
        } finally {
            p.close();
        }
    }

    private static int countQueued(EnginePair p) {
        int n = 0;
        EngineEvent e;
        while ((e = p.a.pollEvent()) != null) {
            p.eventsA.add(e);
            if (e instanceof EngineEvent.NegotiationNeeded) {
                n++;
            }
        }
        return n;
    }
}
