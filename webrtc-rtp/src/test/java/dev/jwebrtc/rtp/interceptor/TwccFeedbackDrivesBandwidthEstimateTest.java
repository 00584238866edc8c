package dev.jwebrtc.rtp.interceptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.RtpHeader;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.TransportSequenceNumber;
import dev.jwebrtc.rtp.rtcp.RtcpCompound;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import dev.jwebrtc.rtp.rtcp.TransportWideCcFeedback;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Transport-wide CC end to end: the sender stamps sequence numbers, the receiver's feedback reports exactly the
 * packets that arrived, and the simple estimate follows the bottleneck.
 */
class TwccFeedbackDrivesBandwidthEstimateTest {
    private static final long MS = 1_000_000L;
    private static final StreamInfo VIDEO = new StreamInfo(0x1234, 96, 90_000, -1, -1, false, 3);

    private record Result(TwccSender sender, Set<Integer> arrived, Set<Integer> reportedReceived,
            Set<Integer> reportedLost, List<Long> estimates) {
    }

    private static Result run(NetemConfig link, long seed, long bitsPerSecond) {
        MediaLink forward = new MediaLink(link, seed);
        MediaLink backward = new MediaLink(NetemConfig.builder().latency(Duration.ofMillis(20)).build(), seed);
        TwccSender twccSender = new TwccSender(65_000);
        InterceptorChain sender = new InterceptorChain(List.of(twccSender));
        InterceptorChain receiver = new InterceptorChain(List.of(new TwccReceiver(0x9, 100 * MS, 1000)));
        sender.bindLocalStream(VIDEO);
        receiver.bindRemoteStream(VIDEO);
        Set<Integer> arrived = new HashSet<>();
        Set<Integer> reportedReceived = new HashSet<>();
        Set<Integer> reportedLost = new HashSet<>();
        List<Long> estimates = new ArrayList<>();
        int packetBytes = 1000;
        long gap = packetBytes * 8L * 1_000_000_000L / bitsPerSecond;
        int seq = 0;
        for (long t = 0; t < 8_000 * MS; t += MS) {
            while (seq * gap <= t) {
                RtpPacket p = RtpPacket.of(RtpHeader.of(false, 96, seq & 0xFFFF, seq * 30L, 0x1234),
                        new byte[packetBytes - 20]);
                forward.send(t, sender.sendRtp(t, p).toByteArray());
                seq++;
            }
            for (byte[] d : forward.deliver(t)) {
                RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(d)).orElseThrow();
                arrived.add(TransportSequenceNumber.parse(p.header().extensions().find(3).orElseThrow())
                        .orElseThrow().sequenceNumber());
                receiver.receiveRtp(t, p);
            }
            receiver.handleTimeout(t);
            List<RtcpPacket> fb = new ArrayList<>();
            for (RtcpPacket r = receiver.pollRtcp(); r != null; r = receiver.pollRtcp()) {
                fb.add(r);
                for (TransportWideCcFeedback.PacketResult r2 : ((TransportWideCcFeedback) r).packets()) {
                    (r2.received() ? reportedReceived : reportedLost).add(r2.sequenceNumber());
                }
            }
            if (!fb.isEmpty()) {
                backward.send(t, RtcpCompound.encode(fb));
            }
            for (byte[] d : backward.deliver(t)) {
                sender.receiveRtcp(t, RtcpCompound.parse(ByteBuffer.wrap(d)).orElseThrow());
            }
            for (InterceptorEvent e = sender.pollEvent(); e != null; e = sender.pollEvent()) {
                estimates.add(((InterceptorEvent.BandwidthEstimate) e).bitsPerSecond());
            }
        }
        return new Result(twccSender, arrived, reportedReceived, reportedLost, estimates);
    }

    @Test
    void feedbackReportsExactlyWhatArrivedAndTheEstimateFollowsTheSendRate(TestSeed seed) {
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(30)).jitter(Duration.ofMillis(3))
                .loss(0.02).build();
        Result r = run(link, seed.value(), 500_000);
        String where = "seed " + seed.value();
        Set<Integer> notReported = new HashSet<>(r.arrived());
        notReported.removeAll(r.reportedReceived());
        assertTrue(notReported.size() < 20, where + ": only the last interval may be unreported, " + notReported.size());
        Set<Integer> falseLoss = new HashSet<>(r.reportedLost());
        falseLoss.retainAll(r.arrived());
        assertEquals(Set.of(), falseLoss, where + ": reported lost but arrived");
        assertTrue(!r.reportedLost().isEmpty(), where);
        long estimate = r.sender().estimateBitsPerSecond();
        // packets are 1000 bytes on the wire plus the stamped extension
        assertTrue(estimate > 430_000 && estimate < 580_000, where + ": estimate " + estimate);
        assertTrue(!r.estimates().isEmpty());
    }

    @Test
    void theEstimateDropsToTheBottleneck(TestSeed seed) {
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(30))
                .rate(1_000_000, 30_000).build();
        Result r = run(link, seed.value(), 2_000_000);
        long estimate = r.sender().estimateBitsPerSecond();
        assertTrue(estimate > 500_000 && estimate < 1_100_000, "seed " + seed.value() + ": estimate " + estimate);
        assertTrue(r.sender().lossFraction() > 0.2, "tail drops at the bottleneck: " + r.sender().lossFraction());
    }
}
