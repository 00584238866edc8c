package dev.jwebrtc.rtp.interceptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.codec.EncodedFrame;
import dev.jwebrtc.rtp.codec.RtpPacketizer;
import dev.jwebrtc.rtp.codec.Vp8Codec;
import dev.jwebrtc.rtp.rtcp.RtcpCompound;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.VirtualClock;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A VP8 stream over a link with 10% loss both ways, 40 ms latency and jitter: NACK + RTX + the jitter buffer deliver
 * (nearly) every frame, byte for byte, and the reports see the loss and the round-trip time.
 */
class NackAndRtxRecoverLossTest {
    private static final long MS = 1_000_000L;
    private static final StreamInfo VIDEO = new StreamInfo(0x1111, 96, 90_000, 0x2222, 97, true, 0);

    @Test
    void framesArriveDespiteTenPercentLoss(TestSeed seed) {
        NetemConfig lossy = NetemConfig.builder().latency(Duration.ofMillis(40)).jitter(Duration.ofMillis(5))
                .loss(0.10).build();
        VirtualClock clock = new VirtualClock();
        MediaLink forward = new MediaLink(lossy, seed.value());
        MediaLink backward = new MediaLink(lossy, seed.value() + 1);

        RtcpReports senderReports = new RtcpReports(0x1111, "sender", 500 * MS, 0);
        NackResponder responder = new NackResponder(1024, 10 * MS, new SplittableRandom(seed.value()));
        InterceptorChain sender = new InterceptorChain(List.of(senderReports, responder));
        sender.bindLocalStream(VIDEO);

        RtcpReports receiverReports = new RtcpReports(0x9999, "receiver", 500 * MS, 0);
        NackGenerator nacks = new NackGenerator(0x9999, 30 * MS, 8, 500);
        RtxReceiver rtx = new RtxReceiver();
        InterceptorChain receiver = new InterceptorChain(List.of(receiverReports, nacks, rtx));
        receiver.bindRemoteStream(VIDEO);
        JitterBuffer jitter = new JitterBuffer(new Vp8Codec(), 90_000, 400 * MS, 800 * MS, 2000);

        RtpPacketizer packetizer = new RtpPacketizer(new Vp8Codec(), 96, 0x1111, 1000, 1234);
        Random rnd = new Random(seed.value());
        Map<Long, byte[]> sent = new HashMap<>();
        List<EncodedFrame> received = new ArrayList<>();
        long start = clock.nanos();
        long nextFrame = start;
        int frameIndex = 0;
        long end = start + 20_000 * MS;
        while (true) {
            long now = clock.nanos();
            // media
            if (now >= nextFrame && now < start + 15_000 * MS) {
                byte[] frame = new byte[200 + rnd.nextInt(2500)];
                rnd.nextBytes(frame);
                frame[0] = (byte) (frameIndex % 30 == 0 ? frame[0] & ~1 : frame[0] | 1);
                long ts = frameIndex * 3000L;
                sent.put(ts, frame);
                for (RtpPacket p : packetizer.packetize(ByteBuffer.wrap(frame), ts)) {
                    RtpPacket out = sender.sendRtp(now, p);
                    forward.send(now, out.toByteArray());
                }
                frameIndex++;
                nextFrame += 33 * MS;
            }
            // deliveries
            for (byte[] d : forward.deliver(now)) {
                if (!RtpPacket.looksLikeRtp(ByteBuffer.wrap(d))) { // RFC 5761 §4 demultiplexing
                    receiver.receiveRtcp(now, RtcpCompound.parse(ByteBuffer.wrap(d)).orElseThrow());
                    continue;
                }
                RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(d)).orElseThrow();
                RtpPacket in = receiver.receiveRtp(now, p);
                if (in != null) {
                    jitter.push(now, in);
                }
            }
            for (byte[] d : backward.deliver(now)) {
                sender.receiveRtcp(now, RtcpCompound.parse(ByteBuffer.wrap(d)).orElseThrow());
            }
            sender.handleTimeout(now);
            receiver.handleTimeout(now);
            jitter.handleTimeout(now);
            drain(now, sender, forward, backward, true);
            drain(now, receiver, forward, backward, false);
            for (EncodedFrame f = jitter.poll(); f != null; f = jitter.poll()) {
                received.add(f);
            }
            long next = Math.min(Math.min(forward.nextArrival(), backward.nextArrival()),
                    Math.min(Math.min(sender.pollTimeout(), receiver.pollTimeout()), jitter.pollTimeout()));
            if (now < start + 15_000 * MS) {
                next = Math.min(next, nextFrame);
            }
            if (next == Long.MAX_VALUE || next > end) {
                break;
            }
            clock.advanceTo(Math.max(next, now));
        }

        String where = "seed " + seed.value();
        assertTrue(received.size() >= frameIndex * 0.98, where + ": " + received.size() + " of " + frameIndex);
        long previous = -1;
        for (EncodedFrame f : received) {
            assertArrayEquals(sent.get(f.rtpTimestamp()), f.bytes(), where);
            assertTrue(f.rtpTimestamp() > previous, where + ": frames out of order");
            previous = f.rtpTimestamp();
        }
        assertTrue(nacks.nacksSent() > 0 && responder.retransmitted() > 0 && rtx.recovered() > 0, where);
        // loss before repair is what the receiver reports to the sender (about 10% of the media packets)
        RtcpReports.SendStats stats = senderReports.outbound(0x1111).orElseThrow();
        assertTrue(stats.roundTripTimeNanos() > 70 * MS && stats.roundTripTimeNanos() < 120 * MS,
                where + ": RTT " + stats.roundTripTimeNanos());
        RtcpReports.InboundStats inbound = receiverReports.inbound(0x1111).orElseThrow();
        // retransmissions count as received (RFC 3550 §6.4.1), so what stays lost is small; the last packets may be
        // lost without a later packet revealing the gap
        long expected = inbound.packetsReceived() + inbound.packetsLost();
        assertTrue(Math.abs(stats.packetsSent() - expected) <= 3, where + ": expected " + expected);
        assertTrue(inbound.packetsLost() <= stats.packetsSent() / 50, where + ": lost " + inbound.packetsLost());
        assertTrue(inbound.jitterSeconds() > 0, where);
    }

    private static void drain(long now, InterceptorChain chain, MediaLink forward, MediaLink backward,
            boolean isSender) {
        for (RtpPacket p = chain.pollRtp(); p != null; p = chain.pollRtp()) {
            (isSender ? forward : backward).send(now, p.toByteArray());
        }
        List<RtcpPacket> rtcp = new ArrayList<>();
        for (RtcpPacket p = chain.pollRtcp(); p != null; p = chain.pollRtcp()) {
            rtcp.add(p);
        }
        if (!rtcp.isEmpty()) {
            (isSender ? forward : backward).send(now, RtcpCompound.encode(rtcp));
        }
    }
}
