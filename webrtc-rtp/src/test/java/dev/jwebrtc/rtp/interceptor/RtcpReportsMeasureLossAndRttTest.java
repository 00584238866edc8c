package dev.jwebrtc.rtp.interceptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.RtpHeader;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.rtcp.ReceiverReport;
import dev.jwebrtc.rtp.rtcp.RtcpCompound;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import dev.jwebrtc.rtp.rtcp.SenderReport;
import dev.jwebrtc.rtp.rtcp.SourceDescription;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.VirtualClock;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SR/RR exchange over a lossy, delayed link: loss fraction, cumulative loss, RTT (RFC 3550 §6.4) come out right. */
class RtcpReportsMeasureLossAndRttTest {
    private static final long MS = 1_000_000L;

    private record Outcome(RtcpReports senderSide, RtcpReports receiverSide, List<RtcpPacket> fromSender,
            List<RtcpPacket> fromReceiver) {
    }

    private static Outcome simulate(long seedValue, boolean xr) {
        VirtualClock clock = new VirtualClock();
        MediaLink forward = new MediaLink(NetemConfig.builder().latency(Duration.ofMillis(40)).loss(0.1).build(),
                seedValue);
        MediaLink backward = new MediaLink(NetemConfig.builder().latency(Duration.ofMillis(60)).build(), seedValue);
        StreamInfo audio = StreamInfo.of(0xAAAA, 111, 48_000);
        RtcpReports senderSide = new RtcpReports(0xAAAA, "s", 1000 * MS, 1_700_000_000_000_000_000L, xr);
        RtcpReports receiverSide = new RtcpReports(0xBBBB, "r", 1000 * MS, 1_700_000_000_123_000_000L, xr);
        InterceptorChain sender = new InterceptorChain(List.of(senderSide));
        InterceptorChain receiver = new InterceptorChain(List.of(receiverSide));
        sender.bindLocalStream(audio);
        receiver.bindRemoteStream(audio);
        List<RtcpPacket> fromSender = new ArrayList<>();
        List<RtcpPacket> fromReceiver = new ArrayList<>();
        int seq = 65000; // wraps during the test
        long start = clock.nanos();
        for (long t = start; t < start + 20_000 * MS; t += 20 * MS) {
            clock.advanceTo(t);
            RtpPacket p = RtpPacket.of(RtpHeader.of(false, 111, seq, (t - start) / 1000 * 48 / 1000, 0xAAAA),
                    new byte[100]);
            seq = (seq + 1) & 0xFFFF;
            forward.send(t, sender.sendRtp(t, p).toByteArray());
            for (byte[] d : forward.deliver(t)) {
                if (RtpPacket.looksLikeRtp(ByteBuffer.wrap(d))) {
                    receiver.receiveRtp(t, RtpPacket.parse(ByteBuffer.wrap(d)).orElseThrow());
                } else {
                    receiver.receiveRtcp(t, RtcpCompound.parse(ByteBuffer.wrap(d)).orElseThrow());
                }
            }
            for (byte[] d : backward.deliver(t)) {
                sender.receiveRtcp(t, RtcpCompound.parse(ByteBuffer.wrap(d)).orElseThrow());
            }
            sender.handleTimeout(t);
            receiver.handleTimeout(t);
            List<RtcpPacket> out = new ArrayList<>();
            for (RtcpPacket r = sender.pollRtcp(); r != null; r = sender.pollRtcp()) {
                out.add(r);
                fromSender.add(r);
            }
            if (!out.isEmpty()) {
                forward.send(t, RtcpCompound.encode(out));
            }
            out.clear();
            for (RtcpPacket r = receiver.pollRtcp(); r != null; r = receiver.pollRtcp()) {
                out.add(r);
                fromReceiver.add(r);
            }
            if (!out.isEmpty()) {
                assertTrue(RtcpCompound.isFullCompound(out));
                backward.send(t, RtcpCompound.encode(out));
            }
        }
        return new Outcome(senderSide, receiverSide, fromSender, fromReceiver);
    }

    @Test
    void reportsCarryLossAndTheSenderMeasuresRoundTripTime(TestSeed seed) {
        Outcome o = simulate(seed.value(), false);
        RtcpReports senderSide = o.senderSide();
        RtcpReports receiverSide = o.receiverSide();
        List<RtcpPacket> fromSender = o.fromSender();
        List<RtcpPacket> fromReceiver = o.fromReceiver();
        String where = "seed " + seed.value();
        assertInstanceOf(SenderReport.class, fromSender.get(0));
        assertInstanceOf(SourceDescription.class, fromSender.get(1));
        ReceiverReport last = (ReceiverReport) fromReceiver.stream().filter(p -> p instanceof ReceiverReport)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(0xAAAA, last.reports().get(0).ssrc());
        assertTrue(last.reports().get(0).extendedHighestSequence() > 65536, where + ": sequence cycle counted");
        RtcpReports.InboundStats in = receiverSide.inbound(0xAAAA).orElseThrow();
        double lossRate = in.packetsLost() / (double) (in.packetsLost() + in.packetsReceived());
        assertTrue(lossRate > 0.07 && lossRate < 0.13, where + ": loss " + lossRate);
        RtcpReports.SendStats out = senderSide.outbound(0xAAAA).orElseThrow();
        assertEquals(1000, out.packetsSent());
        assertTrue(out.fractionLost() > 0.02 && out.fractionLost() < 0.25, where + ": fraction " + out.fractionLost());
        // 40 ms there, 60 ms back (multiples of the 20 ms step, so delivery is not delayed); NTP units are
        // 1/65536 s, so allow a fraction of a millisecond
        assertTrue(Math.abs(out.roundTripTimeNanos() - 100 * MS) < MS, where + ": RTT " + out.roundTripTimeNanos());
        assertTrue(in.jitterSeconds() < 0.001, where + ": no jitter configured, " + in.jitterSeconds());
    }

    @Test
    void extendedReportsGiveTheReceiverItsRoundTripTime(TestSeed seed) {
        Outcome o = simulate(seed.value(), true);
        assertEquals(-1, simulate(seed.value(), false).receiverSide().receiverRoundTripTimeNanos());
        long rtt = o.receiverSide().receiverRoundTripTimeNanos();
        assertTrue(Math.abs(rtt - 100 * MS) < MS, "seed " + seed.value() + ": receiver RTT " + rtt);
        assertTrue(o.fromReceiver().stream().anyMatch(p -> p instanceof dev.jwebrtc.rtp.rtcp.ExtendedReport));
    }
}
