package dev.jwebrtc.srtp;

import static dev.jwebrtc.srtp.TestPackets.context;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.Netem;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.VirtualClock;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A media stream through the testkit's seeded link emulator (loss, jitter, reordering, duplication) across the
 * sequence-number rollover: every packet that arrives is accepted exactly once, every duplicate is a replay, nothing
 * fails authentication, and the receiver's rollover counter follows the sender's.
 */
class SrtpOverLossyReorderingLinkTest {

    private record Arrival(long at, long order, int seq, byte[] wire) {
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everyArrivingPacketIsAcceptedOnceAcrossTheRollover(SrtpProfile profile, TestSeed seed) {
        NetemConfig link = NetemConfig.builder()
                .latency(Duration.ofMillis(40))
                .jitter(Duration.ofMillis(15))
                .loss(0.05)
                .duplicate(0.03)
                .reorder(0.1, Duration.ofMillis(30))
                .build();
        Netem netem = new Netem(link, new SplittableRandom(seed.value()));
        VirtualClock clock = new VirtualClock();
        SrtpContext tx = context(profile);
        SrtpContext rx = context(profile, SrtpOptions.DEFAULT.withRtpReplayWindow(256));
        PriorityQueue<Arrival> inFlight = new PriorityQueue<>(
                (a, b) -> a.at() != b.at() ? Long.compare(a.at(), b.at()) : Long.compare(a.order(), b.order()));
        int ssrc = 0x600dcafe;
        int start = 64000;
        int packets = 4000;
        long order = 0;
        for (int i = 0; i < packets; i++) {
            int seq = (start + i) & 0xffff;
            byte[] wire = TestPackets.protectRtp(tx, TestPackets.rtp(ssrc, seq, 100));
            for (long at : netem.schedule(clock.nanos(), wire.length)) {
                inFlight.add(new Arrival(at, order++, seq, wire));
            }
            clock.advance(Duration.ofMillis(5));
        }
        Set<Integer> accepted = new HashSet<>();
        int replays = 0;
        ByteBuffer out = ByteBuffer.allocate(2048);
        while (!inFlight.isEmpty()) {
            Arrival a = inFlight.poll();
            out.clear();
            SrtpResult r = rx.unprotectRtp(ByteBuffer.wrap(a.wire().clone()), out);
            if (accepted.contains(a.seq())) {
                assertEquals(SrtpResult.REPLAYED, r, "duplicate of seq " + a.seq());
                replays++;
            } else {
                assertEquals(SrtpResult.OK, r, "first arrival of seq " + a.seq());
                accepted.add(a.seq());
                assertArrayEquals(TestPackets.rtp(ssrc, a.seq(), 100), java.util.Arrays.copyOf(out.array(),
                        out.position()));
            }
        }
        assertTrue(accepted.size() > packets * 0.9 && accepted.size() < packets, "about 5% lost: " + accepted.size());
        assertTrue(replays > 0, "some duplicates arrived");
        assertEquals(0, rx.stats().authFailed());
        assertEquals(replays, rx.stats().replayed());
        assertEquals(1, rx.highestReceivedRtpIndex(ssrc) >>> 16, "receiver followed the sender into ROC 1");
    }
}
