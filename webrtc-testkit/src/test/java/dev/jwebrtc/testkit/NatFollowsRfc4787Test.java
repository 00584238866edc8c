package dev.jwebrtc.testkit;

import static dev.jwebrtc.testkit.NetworkProbe.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NatFollowsRfc4787Test {

    private static final NetemConfig LINK = NetemConfig.builder().latency(Duration.ofMillis(5)).build();

    private final NetworkProbe probe = new NetworkProbe(7);
    private final VirtualNetwork net = probe.net;
    private final Host server1 = net.addHost("server1", "198.51.100.10", LINK);
    private final Host server2 = net.addHost("server2", "198.51.100.20", LINK);

    private InetSocketAddress s1(int port) {
        return server1.socket(port);
    }

    private InetSocketAddress s2(int port) {
        return server2.socket(port);
    }

    /** The external source address the server sees for a packet from the inside host. */
    private InetSocketAddress mappedSource(Host inside, int port, InetSocketAddress to) {
        return only(probe.send(inside, port, to, "out")).datagram().source();
    }

    @Test
    void endpointIndependentMappingReusesOnePortForEveryDestination() {
        Nat nat = net.addNat("nat", "203.0.113.1", NatBehavior.of(NatMapping.ENDPOINT_INDEPENDENT,
                NatFiltering.ENDPOINT_INDEPENDENT), LINK);
        Host client = nat.addHost("client", "192.168.1.2", LINK);
        InetSocketAddress a = mappedSource(client, 5000, s1(3478));
        InetSocketAddress b = mappedSource(client, 5000, s1(3479));
        InetSocketAddress c = mappedSource(client, 5000, s2(3478));
        assertEquals(nat.publicAddress(), a.getAddress());
        assertEquals(a, b);
        assertEquals(a, c);
        assertEquals(1, nat.createdMappings());
    }

    @Test
    void addressDependentMappingUsesANewPortPerDestinationAddress() {
        Nat nat = net.addNat("nat", "203.0.113.1", NatBehavior.of(NatMapping.ADDRESS_DEPENDENT,
                NatFiltering.ENDPOINT_INDEPENDENT), LINK);
        Host client = nat.addHost("client", "192.168.1.2", LINK);
        InetSocketAddress a = mappedSource(client, 5000, s1(3478));
        InetSocketAddress b = mappedSource(client, 5000, s1(3479));
        InetSocketAddress c = mappedSource(client, 5000, s2(3478));
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(2, nat.createdMappings());
    }

    @Test
    void addressAndPortDependentMappingUsesANewPortPerDestination() {
        Nat nat = net.addNat("nat", "203.0.113.1", NatBehavior.SYMMETRIC, LINK);
        Host client = nat.addHost("client", "192.168.1.2", LINK);
        InetSocketAddress a = mappedSource(client, 5000, s1(3478));
        InetSocketAddress b = mappedSource(client, 5000, s1(3479));
        InetSocketAddress c = mappedSource(client, 5000, s2(3478));
        assertNotEquals(a, b);
        assertNotEquals(a, c);
        assertNotEquals(b, c);
        assertEquals(a, mappedSource(client, 5000, s1(3478)), "an existing mapping is reused");
        assertEquals(3, nat.createdMappings());
    }

    @Test
    void endpointIndependentFilteringLetsAnyoneReachTheMapping() {
        Nat nat = net.addNat("nat", "203.0.113.1", NatBehavior.FULL_CONE, LINK);
        Host client = nat.addHost("client", "192.168.1.2", LINK);
        InetSocketAddress mapped = mappedSource(client, 5000, s1(3478));
        VirtualNetwork.Delivery in = only(probe.send(server2, 9999, mapped, "hello"));
        assertSame(client, in.host());
        assertEquals(new InetSocketAddress(client.address(), 5000), in.datagram().destination());
        assertEquals(s2(9999), in.datagram().source());
    }

    @Test
    void addressDependentFilteringAdmitsOnlyAddressesContacted() {
        Nat nat = net.addNat("nat", "203.0.113.1", NatBehavior.RESTRICTED_CONE, LINK);
        Host client = nat.addHost("client", "192.168.1.2", LINK);
        InetSocketAddress mapped = mappedSource(client, 5000, s1(3478));
        assertEquals(1, probe.send(server1, 4444, mapped, "other port, same address").size());
        assertTrue(probe.send(server2, 3478, mapped, "never contacted").isEmpty());
        assertEquals(1, nat.filteredInbound());
    }

    @Test
    void addressAndPortDependentFilteringAdmitsOnlyEndpointsContacted() {
        Nat nat = net.addNat("nat", "203.0.113.1", NatBehavior.PORT_RESTRICTED_CONE, LINK);
        Host client = nat.addHost("client", "192.168.1.2", LINK);
        InetSocketAddress mapped = mappedSource(client, 5000, s1(3478));
        assertEquals(1, probe.send(server1, 3478, mapped, "the contacted endpoint").size());
        assertTrue(probe.send(server1, 4444, mapped, "same address, other port").isEmpty());
        assertTrue(probe.send(server2, 3478, mapped, "other address").isEmpty());
        assertEquals(2, nat.filteredInbound());
    }

    @Test
    void packetsToAnUnmappedPortAreDropped() {
        Nat nat = net.addNat("nat", "203.0.113.1", NatBehavior.FULL_CONE, LINK);
        nat.addHost("client", "192.168.1.2", LINK);
        assertTrue(probe.send(server1, 3478, new InetSocketAddress(nat.publicAddress(), 40000), "x").isEmpty());
        assertEquals(1, nat.unmappedInbound());
        assertEquals(1, net.stats().natDropped());
    }

    @Test
    void idleMappingsExpireAfterTheTimeoutAndOutboundTrafficRefreshesThem() {
        NatBehavior behavior = NatBehavior.FULL_CONE.withMappingTimeout(Duration.ofSeconds(30));
        Nat nat = net.addNat("nat", "203.0.113.1", behavior, LINK);
        Host client = nat.addHost("client", "192.168.1.2", LINK);
        InetSocketAddress mapped = mappedSource(client, 5000, s1(3478));

        probe.clock.advance(Duration.ofSeconds(20));
        assertEquals(mapped, mappedSource(client, 5000, s1(3478)), "refreshed within the timeout");
        probe.clock.advance(Duration.ofSeconds(20));
        assertEquals(1, probe.send(server1, 3478, mapped, "40 s after creation, 20 s after refresh").size());

        probe.clock.advance(Duration.ofSeconds(31));
        assertTrue(probe.send(server1, 3478, mapped, "idle past the timeout").isEmpty());
        assertEquals(0, nat.mappingCount(probe.clock.nanos()));
    }

    @Test
    void inboundTrafficRefreshesAMappingOnlyWhenConfigured() {
        for (boolean inboundRefresh : new boolean[] {false, true}) {
            NetworkProbe p = new NetworkProbe(3);
            Host server = p.net.addHost("server", "198.51.100.10", LINK);
            Nat nat = p.net.addNat("nat", "203.0.113.1",
                    NatBehavior.FULL_CONE.withMappingTimeout(Duration.ofSeconds(30)).withInboundRefresh(inboundRefresh),
                    LINK);
            Host client = nat.addHost("client", "192.168.1.2", LINK);
            InetSocketAddress mapped = only(p.send(client, 5000, server.socket(1), "out")).datagram().source();
            for (int i = 0; i < 3; i++) {
                p.clock.advance(Duration.ofSeconds(20));
                p.send(server, 1, mapped, "keepalive from outside");
            }
            assertEquals(inboundRefresh ? 1 : 0, nat.mappingCount(p.clock.nanos()), "inboundRefresh=" + inboundRefresh);
        }
    }

    @Test
    void hairpinningLetsTwoInsideHostsMeetOnTheExternalAddress() {
        Nat nat = net.addNat("nat", "203.0.113.1", NatBehavior.PORT_RESTRICTED_CONE, LINK);
        Host a = nat.addHost("a", "192.168.1.2", LINK);
        Host b = nat.addHost("b", "192.168.1.3", LINK);
        InetSocketAddress mappedA = mappedSource(a, 5000, s1(3478));
        InetSocketAddress mappedB = mappedSource(b, 6000, s1(3478));
        // Hole punching through the hairpin: A's first packet is filtered by B's mapping (B never sent to A),
        // but it opens A's filter toward B, so B then reaches A through the NAT's external address.
        assertTrue(probe.send(a, 5000, mappedB, "a to b").isEmpty());
        assertEquals(1, nat.filteredInbound());
        VirtualNetwork.Delivery in = only(probe.send(b, 6000, mappedA, "b to a"));
        assertSame(a, in.host());
        assertEquals(mappedB, in.datagram().source(), "RFC 4787 REQ-9 b: the external source address is shown");
    }

    @Test
    void withoutHairpinningInsideHostsCannotUseTheExternalAddress() {
        Nat nat = net.addNat("nat", "203.0.113.1", NatBehavior.FULL_CONE.withHairpinning(false), LINK);
        Host a = nat.addHost("a", "192.168.1.2", LINK);
        Host b = nat.addHost("b", "192.168.1.3", LINK);
        InetSocketAddress mappedA = mappedSource(a, 5000, s1(3478));
        assertTrue(probe.send(b, 6000, mappedA, "b to a").isEmpty());
        assertEquals(1, nat.hairpinDropped());
        assertEquals(1, probe.send(b, 6000, a.socket(5000), "direct on the LAN").size());
    }

    @Test
    void portPreservationKeepsTheInternalPortWhenFree() {
        Nat nat = net.addNat("nat", "203.0.113.1", NatBehavior.FULL_CONE.withPortPreservation(true), LINK);
        Host a = nat.addHost("a", "192.168.1.2", LINK);
        Host b = nat.addHost("b", "192.168.1.3", LINK);
        assertEquals(5000, mappedSource(a, 5000, s1(3478)).getPort());
        assertNotEquals(5000, mappedSource(b, 5000, s1(3478)).getPort(), "taken by a: another port");
    }

    @Test
    void nestedNatsTranslateTwice() {
        Nat carrier = net.addNat("cgnat", "203.0.113.1", NatBehavior.FULL_CONE, LINK);
        Nat home = carrier.addNat("home", "100.64.0.2", NatBehavior.FULL_CONE, LINK);
        Host client = home.addHost("client", "192.168.1.2", LINK);
        InetSocketAddress mapped = mappedSource(client, 5000, s1(3478));
        assertEquals(carrier.publicAddress(), mapped.getAddress());
        VirtualNetwork.Delivery back = only(probe.send(server1, 3478, mapped, "reply"));
        assertSame(client, back.host());
        assertEquals(client.socket(5000), back.datagram().destination());
    }

    @Test
    void samePrivateAddressBehindTwoNatsIsTwoHosts() {
        Nat natA = net.addNat("natA", "203.0.113.1", NatBehavior.FULL_CONE, LINK);
        Nat natB = net.addNat("natB", "203.0.113.2", NatBehavior.FULL_CONE, LINK);
        Host a = natA.addHost("a", "192.168.1.2", LINK);
        Host b = natB.addHost("b", "192.168.1.2", LINK);
        InetSocketAddress mappedA = mappedSource(a, 5000, s1(1));
        InetSocketAddress mappedB = mappedSource(b, 5000, s1(1));
        assertSame(b, only(probe.send(a, 5000, mappedB, "a to b")).host());
        assertSame(a, only(probe.send(b, 5000, mappedA, "b to a")).host());
    }

    @ParameterizedTest
    @EnumSource(NatMapping.class)
    void stunServerReportsTheExternalMapping(NatMapping mapping) {
        Nat nat = net.addNat("nat", "203.0.113.1", NatBehavior.of(mapping, NatFiltering.ADDRESS_AND_PORT_DEPENDENT), LINK);
        Host client = nat.addHost("client", "192.168.1.2", LINK);
        InetSocketAddress stun = new InetSocketAddress(VirtualNetwork.literal("198.51.100.1"), 3478);
        net.addStunServer(stun);

        byte[] request = StunMessages.bindingRequest(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        net.send(probe.clock.nanos(), client, Datagram.of(client.socket(5000), stun, request));
        List<VirtualNetwork.Delivery> replies = probe.flush();
        VirtualNetwork.Delivery reply = only(replies);
        assertSame(client, reply.host());
        InetSocketAddress reported = StunMessages.xorMappedAddress(reply.datagram().bytes());
        assertEquals(nat.publicAddress(), reported.getAddress());
        // Only an endpoint-independent mapping shows another server the address STUN reported.
        InetSocketAddress seenElsewhere = mappedSource(client, 5000, s1(3478));
        assertEquals(mapping == NatMapping.ENDPOINT_INDEPENDENT, seenElsewhere.equals(reported));
        assertEquals(1, net.stats().stunAnswered());
    }
}
