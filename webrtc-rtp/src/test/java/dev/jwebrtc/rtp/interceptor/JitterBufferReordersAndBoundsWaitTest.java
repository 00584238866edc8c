package dev.jwebrtc.rtp.interceptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.codec.EncodedFrame;
import dev.jwebrtc.rtp.codec.RtpPacketizer;
import dev.jwebrtc.rtp.codec.Vp8Codec;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The jitter buffer reorders, waits a bounded time for holes, adapts the wait to jitter, and keeps frame order. */
class JitterBufferReordersAndBoundsWaitTest {
    private static final long MS = 1_000_000L;

    private record Run(List<EncodedFrame> frames, Map<Long, byte[]> sent, JitterBuffer buffer, int frameCount) {
    }

    private static Run run(NetemConfig link, long seed, long minWait, long maxWait) {
        MediaLink net = new MediaLink(link, seed);
        JitterBuffer jb = new JitterBuffer(new Vp8Codec(), 90_000, minWait, maxWait, 5000);
        RtpPacketizer packetizer = new RtpPacketizer(new Vp8Codec(), 96, 1, 800, 60_000);
        Random rnd = new Random(seed);
        Map<Long, byte[]> sent = new HashMap<>();
        List<EncodedFrame> out = new ArrayList<>();
        long now = 0;
        int frames = 300;
        for (int i = 0; i < frames; i++, now += 33 * MS) {
            byte[] f = new byte[100 + rnd.nextInt(3000)];
            rnd.nextBytes(f);
            sent.put(i * 3000L, f);
            for (RtpPacket p : packetizer.packetize(ByteBuffer.wrap(f), i * 3000L)) {
                net.send(now, p.toByteArray());
            }
            step(net, jb, now, now + 33 * MS, out);
        }
        step(net, jb, now, now + 5000 * MS, out);
        return new Run(out, sent, jb, frames);
    }

    private static void step(MediaLink net, JitterBuffer jb, long from, long until, List<EncodedFrame> out) {
        long t = from;
        while (true) {
            for (byte[] d : net.deliver(t)) {
                jb.push(t, RtpPacket.parse(ByteBuffer.wrap(d)).orElseThrow());
            }
            jb.handleTimeout(t);
            for (EncodedFrame f = jb.poll(); f != null; f = jb.poll()) {
                out.add(f);
            }
            long next = Math.min(net.nextArrival(), jb.pollTimeout());
            if (next >= until) {
                return;
            }
            t = Math.max(t, next);
        }
    }

    private static void assertInOrderAndIntact(Run r, String where) {
        long previous = -1;
        for (EncodedFrame f : r.frames()) {
            assertTrue(f.rtpTimestamp() > previous, where + ": out of order");
            assertArrayEquals(r.sent().get(f.rtpTimestamp()), f.bytes(), where);
            previous = f.rtpTimestamp();
        }
    }

    @Test
    void reorderingAndJitterWithoutLossLoseNothing(TestSeed seed) {
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(50)).jitter(Duration.ofMillis(20))
                .reorder(0.1, Duration.ofMillis(15)).build();
        Run r = run(link, seed.value(), 40 * MS, 300 * MS);
        assertEquals(r.frameCount(), r.frames().size(), "seed " + seed.value());
        assertEquals(0, r.buffer().packetsSkipped());
        assertInOrderAndIntact(r, "seed " + seed.value());
        assertTrue(r.buffer().jitterNanos() > MS, "jitter estimate " + r.buffer().jitterNanos());
        assertTrue(r.buffer().currentWaitNanos() > 40 * MS, "wait adapts: " + r.buffer().currentWaitNanos());
    }

    @Test
    void lossDropsOnlyTheDamagedFramesAfterTheBoundedWait(TestSeed seed) {
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(50)).loss(0.05).build();
        Run r = run(link, seed.value(), 100 * MS, 100 * MS);
        String where = "seed " + seed.value();
        assertTrue(r.buffer().packetsSkipped() > 0, where);
        assertTrue(r.buffer().framesDropped() > 0, where);
        assertTrue(r.frames().size() < r.frameCount() && r.frames().size() > r.frameCount() / 2, where);
        assertInOrderAndIntact(r, where);
    }

    @Test
    void aLatePacketWithinTheWaitCompletesItsFrame() {
        RtpPacketizer packetizer = new RtpPacketizer(new Vp8Codec(), 96, 1, 100, 65534);
        List<RtpPacket> p = packetizer.packetize(ByteBuffer.wrap(new byte[250]), 0); // 3 packets, wraps
        JitterBuffer jb = new JitterBuffer(new Vp8Codec(), 90_000, 100 * MS, 100 * MS, 100);
        jb.push(0, p.get(0));
        jb.push(1 * MS, p.get(2));
        assertNull(jb.poll());
        assertEquals(101 * MS, jb.pollTimeout());
        jb.push(60 * MS, p.get(1)); // a retransmission in time
        assertEquals(250, jb.poll().data().remaining());
        assertEquals(Long.MAX_VALUE, jb.pollTimeout());
        jb.push(70 * MS, p.get(1));
        assertEquals(1, jb.packetsLate());
    }

    @Test
    void aHoleIsGivenUpAtTheDeadline() {
        RtpPacketizer packetizer = new RtpPacketizer(new Vp8Codec(), 96, 1, 100, 10);
        List<RtpPacket> a = packetizer.packetize(ByteBuffer.wrap(new byte[250]), 0);
        List<RtpPacket> b = packetizer.packetize(ByteBuffer.wrap(new byte[50]), 3000);
        JitterBuffer jb = new JitterBuffer(new Vp8Codec(), 90_000, 100 * MS, 100 * MS, 100);
        jb.push(0, a.get(0));
        jb.push(1 * MS, a.get(2));
        jb.push(2 * MS, b.get(0));
        jb.handleTimeout(100 * MS);
        assertNull(jb.poll());
        jb.handleTimeout(101 * MS);
        EncodedFrame f = jb.poll();
        assertEquals(3000, f.rtpTimestamp());
        assertEquals(1, jb.framesDropped());
        assertEquals(1, jb.packetsSkipped());
    }

    @Test
    void withKeyframeGateOnlyDecodableFramesComeOut() {
        Random rnd = new Random(9);
        RtpPacketizer packetizer = new RtpPacketizer(new Vp8Codec(), 96, 1, 100, 0);
        JitterBuffer jb = new JitterBuffer(new Vp8Codec(), 90_000, 10 * MS, 10 * MS, 100).requireKeyframes();
        List<EncodedFrame> out = new ArrayList<>();
        assertTrue(!jb.keyframeNeeded(), "nothing lost yet: the first keyframe may simply still be coming");
        long now = 0;
        // frames: 0 inter (before any key: held back), 1 key, 2 inter, 3 inter with a lost packet, 4 inter, 5 key
        boolean[] key = {false, true, false, false, false, true};
        for (int i = 0; i < key.length; i++) {
            List<RtpPacket> packets = packetizer.packetize(
                    ByteBuffer.wrap(dev.jwebrtc.rtp.codec.TestFramesAccess.vp8(rnd, 250, key[i])), i * 3000L);
            for (int k = 0; k < packets.size(); k++) {
                if (i == 3 && k == 1) {
                    continue;
                }
                jb.push(now, packets.get(k));
            }
            now += 33 * MS;
            jb.handleTimeout(now);
            for (EncodedFrame f = jb.poll(); f != null; f = jb.poll()) {
                out.add(f);
            }
            if (i == 0) {
                assertTrue(jb.keyframeNeeded());
            }
            if (i == 4) {
                assertTrue(jb.keyframeNeeded(), "a frame was lost: frame 4 must wait for the next keyframe");
            }
        }
        assertEquals(List.of(3000L, 6000L, 15000L), out.stream().map(EncodedFrame::rtpTimestamp).toList());
        assertEquals(2, jb.framesDiscarded()); // frames 0 and 4
        assertTrue(!jb.keyframeNeeded());
    }
}
