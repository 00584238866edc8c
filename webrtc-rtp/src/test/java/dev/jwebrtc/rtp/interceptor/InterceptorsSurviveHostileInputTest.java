package dev.jwebrtc.rtp.interceptor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.RtpHeader;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.codec.Av1Codec;
import dev.jwebrtc.rtp.codec.Depacketizer;
import dev.jwebrtc.rtp.codec.H264Codec;
import dev.jwebrtc.rtp.codec.Vp8Codec;
import dev.jwebrtc.rtp.codec.Vp9Codec;
import dev.jwebrtc.rtp.rtcp.GenericNack;
import dev.jwebrtc.rtp.rtcp.RtcpCompound;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import dev.jwebrtc.rtp.rtcp.TransportWideCcFeedback;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whatever the remote sends (random sequence numbers and timestamps, garbage payloads, NACKs for unknown packets,
 * feedback about packets never sent), no interceptor or the jitter buffer throws, and memory stays bounded.
 */
class InterceptorsSurviveHostileInputTest {
    private static final long MS = 1_000_000L;
    private static final StreamInfo STREAM = new StreamInfo(0x10, 96, 90_000, 0x20, 97, true, 5);

    private static InterceptorChain chain(long seed) {
        InterceptorChain c = new InterceptorChain(List.of(new RtcpReports(1, "x", 100 * MS, 0),
                new NackGenerator(1, 20 * MS, 3, 200), new NackResponder(256, 0, new SplittableRandom(seed)),
                new KeyframeRequester(1, 100 * MS, false), new TwccReceiver(1, 50 * MS, 300), new TwccSender(0),
                new RtxReceiver()));
        c.bindLocalStream(STREAM);
        c.bindRemoteStream(STREAM);
        return c;
    }

    @Test
    void randomRtpAndRtcpNeverThrow(TestSeed seed) {
        Random rnd = new Random(seed.value());
        InterceptorChain c = chain(seed.value());
        List<Depacketizer> codecs = List.of(new Vp8Codec(), new Vp9Codec(), new H264Codec(), new Av1Codec());
        List<JitterBuffer> buffers = codecs.stream()
                .map(d -> new JitterBuffer(d, 90_000, 10 * MS, 50 * MS, 100)).toList();
        long now = 0;
        for (int i = 0; i < 20_000; i++) {
            now += rnd.nextInt(3) * MS;
            byte[] payload = new byte[rnd.nextInt(60)];
            rnd.nextBytes(payload);
            long ssrc = rnd.nextBoolean() ? 0x10 : rnd.nextBoolean() ? 0x20 : rnd.nextInt(4);
            int pt = ssrc == 0x20 ? 97 : 96;
            RtpPacket p = RtpPacket.of(RtpHeader.of(rnd.nextBoolean(), pt, rnd.nextInt(65536),
                    rnd.nextInt() & 0xFFFF_FFFFL, ssrc), payload);
            RtpPacket in = c.receiveRtp(now, p);
            if (in != null) {
                for (JitterBuffer jb : buffers) {
                    jb.push(now, in);
                    jb.handleTimeout(now);
                    while (jb.poll() != null) {
                        // drain
                    }
                }
            }
            c.sendRtp(now, RtpPacket.of(RtpHeader.of(false, 96, i & 0xFFFF, i, 0x10), payload));
            if (i % 7 == 0) {
                byte[] rtcp = new byte[4 + 4 * rnd.nextInt(10)];
                rnd.nextBytes(rtcp);
                rtcp[0] = (byte) (0x80 | rtcp[0] & 0x1F);
                rtcp[1] = (byte) (200 + rnd.nextInt(8));
                rtcp[2] = 0;
                rtcp[3] = (byte) (rtcp.length / 4 - 1);
                RtcpCompound.parse(ByteBuffer.wrap(rtcp)).ifPresent(list -> c.receiveRtcp(0, list));
            }
            if (i % 50 == 0) {
                c.receiveRtcp(now, List.of(GenericNack.of(9, 0x10, List.of(rnd.nextInt(65536), rnd.nextInt(65536)))));
                RtcpPacket fb = TransportWideCcFeedback.build(9, 0x10, 0, List.of(
                        TransportWideCcFeedback.PacketResult.received(rnd.nextInt(65536), rnd.nextInt(1 << 20))));
                c.receiveRtcp(now, List.of(fb));
            }
            if (c.pollTimeout() <= now) {
                c.handleTimeout(now);
            }
            while (c.pollRtcp() != null || c.pollRtp() != null || c.pollEvent() != null) {
                // drain
            }
        }
        for (JitterBuffer jb : buffers) {
            assertTrue(jb.packetsSkipped() + jb.packetsLate() + jb.packetsDuplicate() > 0);
        }
    }
}
