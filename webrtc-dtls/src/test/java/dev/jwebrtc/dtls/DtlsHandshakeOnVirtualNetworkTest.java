package dev.jwebrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.Datagram;
import dev.jwebrtc.testkit.Host;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.SansIoEndpoint;
import dev.jwebrtc.testkit.Stepper;
import dev.jwebrtc.testkit.VirtualClock;
import dev.jwebrtc.testkit.VirtualNetwork;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The endpoint driven by the testkit's stepper on a virtual network, the way the engine drives it: the stepper waits
 * (really) while the endpoint is {@link DtlsEndpoint#busy()}, so virtual time does not run ahead of the handshake.
 */
class DtlsHandshakeOnVirtualNetworkTest {

    /** Adapts the endpoint to the testkit contract in a few lines; DTLS itself needs no addresses. */
    private record Adapter(DtlsEndpoint dtls, InetSocketAddress local, InetSocketAddress remote)
            implements SansIoEndpoint<DtlsEvent> {
        @Override
        public void handleReceive(long now, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
            dtls.handleReceive(now, from, to, datagram);
        }

        @Override
        public void handleTimeout(long now) {
            dtls.handleTimeout(now);
        }

        @Override
        public @Nullable Datagram pollTransmit() {
            DtlsTransmit t = dtls.pollTransmit();
            return t == null ? null : new Datagram(local, remote, t.payload());
        }

        @Override
        public @Nullable DtlsEvent pollEvent() {
            return dtls.pollEvent();
        }

        @Override
        public long pollTimeout() {
            return dtls.pollTimeout();
        }

        @Override
        public boolean busy() {
            return dtls.busy();
        }
    }

    private static void record(DtlsEvent event, VirtualClock clock, long[] connectedAt, int index) {
        if (event instanceof DtlsEvent.Connected) {
            connectedAt[index] = clock.nanos();
        }
    }

    @Test
    void handshakeTakesTwoRoundTripsOfVirtualTime(TestSeed seed) {
        VirtualClock clock = new VirtualClock();
        VirtualNetwork net = new VirtualNetwork(clock, seed.value());
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(25)).build();
        Host a = net.addHost("a", "198.51.100.1", link);
        Host b = net.addHost("b", "198.51.100.2", link);
        DtlsCertificate ca = TestCertificates.EC_A;
        DtlsCertificate cb = TestCertificates.EC_B;
        try (DtlsEndpoint client = new DtlsEndpoint(
                DtlsConfig.builder(DtlsRole.CLIENT, ca).remoteFingerprint(cb.fingerprint()).build());
             DtlsEndpoint server = new DtlsEndpoint(
                DtlsConfig.builder(DtlsRole.SERVER, cb).remoteFingerprint(ca.fingerprint()).build())) {
            Stepper stepper = new Stepper(net);
            long[] connectedAt = {-1, -1};
            stepper.attach(new Adapter(client, a.socket(5000), b.socket(5000)),
                    e -> record(e, clock, connectedAt, 0), a);
            stepper.attach(new Adapter(server, b.socket(5000), a.socket(5000)),
                    e -> record(e, clock, connectedAt, 1), b);
            long start = clock.nanos();
            server.start(start);
            client.start(start);
            // runFor rather than runUntil: the final Connected event can arrive while the stepper settles a busy
            // endpoint, after runUntil has evaluated its condition for that step.
            stepper.runFor(Duration.ofSeconds(2));
            assertTrue(connectedAt[0] > 0 && connectedAt[1] > 0, "both connected");
            // Each host link adds 25 ms each way, so 50 ms one-way: the client is connected after two round trips
            // (ClientHello / server flight / client flight / server Finished) = 200 ms of virtual time, the server
            // one one-way trip earlier.
            assertEquals(200, (connectedAt[0] - start) / 1_000_000);
            assertEquals(150, (connectedAt[1] - start) / 1_000_000);
            assertEquals(DtlsState.CONNECTED, client.state());
            assertEquals(DtlsState.CONNECTED, server.state());
        }
    }
}
