package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 8445 §5.1.1.1 host candidates from the caller's sockets, with the configured address filters. */
class IceGathersHostCandidatesTest {

    private static InetSocketAddress at(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    private static List<IceEvent> gather(IceConfig config, List<InetSocketAddress> sockets) {
        IceAgent agent = new IceAgent(config, new SplittableRandom(1));
        agent.gather(1, sockets);
        List<IceEvent> events = new ArrayList<>();
        IceEvent e;
        while ((e = agent.pollEvent()) != null) {
            events.add(e);
        }
        assertEquals(null, agent.pollTransmit(), "no servers configured, nothing to send");
        return events;
    }

    private static List<IceCandidate> candidates(List<IceEvent> events) {
        return events.stream().filter(IceEvent.CandidateGathered.class::isInstance)
                .map(e -> ((IceEvent.CandidateGathered) e).candidate()).toList();
    }

    @Test
    void loopbackAndLinkLocalAreSkippedByDefault() throws Exception {
        List<IceEvent> events = gather(IceConfig.builder().build(), List.of(at("127.0.0.1", 1000),
                at("fe80::1", 1001), at("192.0.2.1", 1002), at("2001:db8::5", 1003)));
        List<IceCandidate> c = candidates(events);
        assertEquals(List.of(at("192.0.2.1", 1002), at("2001:db8::5", 1003)),
                c.stream().map(IceCandidate::address).toList());
        assertTrue(c.get(0).priority() > c.get(1).priority(), "the caller's order sets the local preference");
        assertTrue(events.contains(new IceEvent.GatheringComplete()));
        assertTrue(c.stream().allMatch(x -> x.type() == CandidateType.HOST));
        assertTrue(!c.get(0).foundation().equals(c.get(1).foundation()), "different base IPs, different foundations");
    }

    @Test
    void filtersAreApplied() throws Exception {
        IceConfig config = IceConfig.builder().includeLoopback(true).includeIpv6(false)
                .addressFilter(ip -> !ip.getHostAddress().startsWith("10.")).build();
        List<IceCandidate> c = candidates(gather(config, List.of(at("127.0.0.1", 1000), at("10.0.0.1", 1001),
                at("2001:db8::5", 1003), at("192.0.2.1", 1002))));
        assertEquals(List.of(at("127.0.0.1", 1000), at("192.0.2.1", 1002)),
                c.stream().map(IceCandidate::address).toList());
    }

    @Test
    void hostAddressSelectionAppliesInterfaceAndAddressPolicy() throws Exception {
        IceConfig config = IceConfig.builder().interfaceFilter(name -> !name.startsWith("docker")).build();
        List<HostAddresses.Entry> entries = List.of(
                new HostAddresses.Entry("lo", InetAddress.getByName("127.0.0.1")),
                new HostAddresses.Entry("eth0", InetAddress.getByName("192.0.2.1")),
                new HostAddresses.Entry("eth0", InetAddress.getByName("fe80::1")),
                new HostAddresses.Entry("eth0", InetAddress.getByName("2001:db8::1")),
                new HostAddresses.Entry("docker0", InetAddress.getByName("172.17.0.1")),
                new HostAddresses.Entry("eth1", InetAddress.getByName("0.0.0.0")));
        assertEquals(List.of(InetAddress.getByName("2001:db8::1"), InetAddress.getByName("192.0.2.1")),
                HostAddresses.select(config, entries), "IPv6 first, loopback/link-local/filtered interfaces out");
        // The system listing works (read-only, no traffic) and the policy never returns loopback by default.
        assertTrue(HostAddresses.select(IceConfig.builder().build(), HostAddresses.ofSystem()).stream()
                .noneMatch(InetAddress::isLoopbackAddress));
    }

    @Test
    void wildcardAddressIsACallerBug() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gather(IceConfig.builder().build(), List.of(at("0.0.0.0", 1000))));
        assertTrue(e.getMessage().contains("0.0.0.0"));
    }

    @Test
    void liteAgentIgnoresStunServers() throws Exception {
        IceAgent agent = new IceAgent(IceConfig.builder().lite(true).stunServer(at("198.51.100.1", 3478)).build(),
                new SplittableRandom(1));
        agent.gather(1, List.of(at("192.0.2.1", 1000)));
        assertEquals(null, agent.pollTransmit());
        assertEquals(IceGatheringState.COMPLETE, agent.gatheringState());
        assertEquals(IceRole.CONTROLLED, agent.role());
    }
}
