package dev.jwebrtc.rtp.interceptor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.rtp.RtpHeader;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.rtcp.GenericNack;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A missing packet is asked for at once, and again only when a retransmission could have come back. */
class NackGeneratorWaitsARoundTripBeforeAskingAgainTest {

    private static final long MS = 1_000_000L;
    private static final long SSRC = 0x1234;

    private static final class Out implements InterceptorOutput {
        final List<GenericNack> nacks = new ArrayList<>();

        @Override
        public void sendRtp(RtpPacket packet) {
        }

        @Override
        public void sendRtcp(RtcpPacket packet) {
            nacks.add((GenericNack) packet);
        }

        @Override
        public void emit(InterceptorEvent event) {
        }
    }

    private static RtpPacket packet(int seq) {
        return RtpPacket.of(RtpHeader.of(false, 96, seq, seq * 3000L, SSRC), new byte[10]);
    }

    /** Runs 200 ms of 20 ms ticks after a one-packet gap; returns when NACKs went out (ms after the gap). */
    private static List<Long> nackTimes(NackGenerator g) {
        Out out = new Out();
        g.bindRemoteStream(new StreamInfo(SSRC, 96, 90_000, -1, -1, true, 0));
        long now = 1_000 * MS;
        g.receiveRtp(now, packet(1), out);
        g.receiveRtp(now, packet(3), out); // 2 is missing
        List<Long> times = new ArrayList<>();
        for (long t = now; t <= now + 200 * MS; t += MS) {
            if (g.pollTimeout() <= t) {
                int before = out.nacks.size();
                g.handleTimeout(t, out);
                if (out.nacks.size() > before) {
                    assertEquals(List.of(2), out.nacks.get(out.nacks.size() - 1).lostSequenceNumbers());
                    times.add((t - now) / MS);
                }
            }
        }
        return times;
    }

    @Test
    void withoutARoundTripTimeItAsksEveryInterval() {
        NackGenerator g = new NackGenerator(1, 20 * MS, 5, 100);
        assertEquals(List.of(0L, 20L, 40L, 60L, 80L), nackTimes(g));
        assertEquals(5, g.nacksSent(SSRC));
    }

    @Test
    void withARoundTripTimeItWaitsOneRoundTripPlusAnInterval() {
        NackGenerator g = new NackGenerator(1, 20 * MS, 5, 100);
        g.roundTripTime(50 * MS);
        assertEquals(List.of(0L, 80L, 160L), nackTimes(g), "asked at once, then every 70 ms or more (20 ms ticks)");
        assertEquals(0, g.nacksSent(0x9999), "no stream, no NACKs");
    }
}
