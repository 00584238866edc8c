package dev.jwebrtc.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.junit.TestSeed;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class StepperDrivesEndpointsDeterministicallyTest {

    private static final long MS = 1_000_000L;

    private record Setup(VirtualNetwork net, Stepper stepper, Stepper.Peer<PingEndpoint.Pong> pinger,
            PingEndpoint pingEndpoint) {}

    private static Setup pingPong(long seed, NetemConfig link) {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, seed);
        Host a = net.addHost("a", "198.51.100.1", link);
        Host b = net.addHost("b", "198.51.100.2", link);
        Stepper stepper = new Stepper(net);
        PingEndpoint ping = new PingEndpoint(a.socket(1000), b.socket(2000), clock.nanos(), 20 * MS);
        Stepper.Peer<PingEndpoint.Pong> pinger = stepper.attach(ping, a);
        stepper.attach(new PingEndpoint(b.socket(2000), null, 0, 0), b);
        return new Setup(net, stepper, pinger, ping);
    }

    @Test
    void roundTripTakesExactlyTheConfiguredLatency() {
        Setup s = pingPong(1, NetemConfig.builder().latency(Duration.ofMillis(10)).build());
        long start = s.stepper.clock().nanos();
        s.stepper.runUntil(() -> !s.pinger.events().isEmpty(), Duration.ofSeconds(1));
        // Four link traversals (a up, b down, b up, a down) of 10 ms each.
        assertEquals(start + 40 * MS, s.pinger.events().get(0).atNanos());
        assertEquals(start + 40 * MS, s.stepper.clock().nanos(), "the clock jumped straight to the arrival");
    }

    @Test
    void timeoutsFireAtTheirDeadlinesAndNotBetween() {
        Setup s = pingPong(1, NetemConfig.builder().latency(Duration.ofMillis(10)).build());
        long start = s.stepper.clock().nanos();
        s.stepper.runFor(Duration.ofMillis(1000));
        assertEquals(start + 1000 * MS, s.stepper.clock().nanos());
        // Pings at 0, 20, ..., 1000 ms: 51 deadlines, each handled once.
        assertEquals(51, s.pingEndpoint.timeouts);
        // Pongs for pings sent up to 960 ms have come back (40 ms round trip).
        assertEquals(49, s.pinger.events().size());
        for (int i = 0; i < 49; i++) {
            assertEquals(new PingEndpoint.Pong(i, start + (20L * i + 40) * MS), s.pinger.events().get(i));
        }
    }

    @Test
    void sixtySecondsOfLossyTrafficReplaysIdenticallyFromItsSeed(TestSeed seed) {
        NetemConfig lossy = NetemConfig.builder().latency(Duration.ofMillis(25)).jitter(Duration.ofMillis(10))
                .loss(0.1).reorder(0.05, Duration.ofMillis(15)).duplicate(0.02).build();
        List<PingEndpoint.Pong> first = runMinute(seed.value(), lossy);
        List<PingEndpoint.Pong> again = runMinute(seed.value(), lossy);
        List<PingEndpoint.Pong> other = runMinute(seed.value() + 1, lossy);
        assertEquals(first, again);
        assertNotEquals(first, other);
        // 3000 pings; a round trip crosses four links (a up, b down, b up, a down), each losing 10 % and
        // duplicating 2 %: 0.9^4 * 1.02^4 = 71 % come back, about 2130.
        assertTrue(first.size() > 2000 && first.size() < 2260, first.size() + " pongs");
    }

    private static List<PingEndpoint.Pong> runMinute(long seed, NetemConfig link) {
        Setup s = pingPong(seed, link);
        s.stepper.runFor(Duration.ofSeconds(60));
        return List.copyOf(s.pinger.events());
    }

    @Test
    void unreachableConditionFailsWithTheSeedOnceSimulatedTimeRunsOut() {
        Setup s = pingPong(1234, NetemConfig.builder().loss(1.0).build());
        SimulationTimeoutException e = assertThrows(SimulationTimeoutException.class,
                () -> s.stepper.runUntil(() -> !s.pinger.events().isEmpty(), Duration.ofSeconds(5)));
        assertEquals(1234, e.seed());
        assertTrue(e.getMessage().contains("-Djwebrtc.seed=1234"), e.getMessage());
        assertTrue(s.net.stats().linkDropped() >= 250, "every ping was dropped: " + s.net.stats());
    }

    @Test
    void idleEndpointsFailFastWithNothingLeftToHappen() {
        VirtualNetwork net = new VirtualNetwork(new VirtualClock(), 5);
        Host a = net.addHost("a", "198.51.100.1", NetemConfig.NONE);
        Stepper stepper = new Stepper(net);
        stepper.attach(new PingEndpoint(a.socket(1), null, 0, 0), a);
        SimulationTimeoutException e = assertThrows(SimulationTimeoutException.class,
                () -> stepper.runUntil(() -> false, Duration.ofHours(1)));
        assertTrue(e.getMessage().contains("nothing is left to happen"), e.getMessage());
        assertEquals(Duration.ZERO, net.clock().elapsed(), "no time was burnt waiting");
    }

    @Test
    void anEndpointStuckAtItsDeadlineIsReportedAsABusyLoop() {
        VirtualNetwork net = new VirtualNetwork(new VirtualClock(), 5);
        Host a = net.addHost("a", "198.51.100.1", NetemConfig.NONE);
        Stepper stepper = new Stepper(net);
        stepper.attach(new SansIoEndpoint<Void>() {
            @Override
            public void handleReceive(long now, InetSocketAddress from, InetSocketAddress to, ByteBuffer d) {}

            @Override
            public void handleTimeout(long nowNanos) {}

            @Override
            public @Nullable Datagram pollTransmit() {
                return null;
            }

            @Override
            public @Nullable Void pollEvent() {
                return null;
            }

            @Override
            public long pollTimeout() {
                return 0; // always due: a bug
            }
        }, a);
        SimulationTimeoutException e = assertThrows(SimulationTimeoutException.class,
                () -> stepper.runUntil(() -> false, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("busy loop"), e.getMessage());
    }

    @Test
    void endpointsBehindNatsReachAPublicServer() {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, 9);
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(5)).build();
        Host server = net.addHost("server", "198.51.100.2", link);
        Nat nat = net.addNat("nat", "203.0.113.1", NatBehavior.SYMMETRIC, link);
        Host client = nat.addHost("client", "192.168.0.2", link);
        Stepper stepper = new Stepper(net);
        Stepper.Peer<PingEndpoint.Pong> pinger =
                stepper.attach(new PingEndpoint(client.socket(1000), server.socket(2000), clock.nanos(), 20 * MS), client);
        stepper.attach(new PingEndpoint(server.socket(2000), null, 0, 0), server);
        stepper.runUntil(() -> pinger.events().size() >= 10, Duration.ofSeconds(2));
        // Each way: host link, NAT link, server link (3 x 5 ms); round trip 30 ms.
        assertEquals(clock.nanos() - 30 * MS, VirtualClock.DEFAULT_ORIGIN_NANOS + 9 * 20 * MS);
        assertEquals(1, nat.createdMappings());
    }

    @Test
    void anEndpointSendingFromAnAddressItDoesNotOwnIsACallerBug() {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, 9);
        Host a = net.addHost("a", "198.51.100.1", NetemConfig.NONE);
        Host b = net.addHost("b", "198.51.100.2", NetemConfig.NONE);
        Stepper stepper = new Stepper(net);
        // Pings "from" b's address while attached to a.
        stepper.attach(new PingEndpoint(b.socket(1), a.socket(2), clock.nanos(), MS), a);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> stepper.runFor(Duration.ofMillis(5)));
        assertTrue(e.getMessage().contains("198.51.100.2"), e.getMessage());
    }
}
