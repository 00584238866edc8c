package dev.jwebrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * NAT 1:1 addresses ({@link RTCSettings#nat1To1Addresses()}, Pion's {@code SetNAT1To1IPs}) through the public API.
 * The documentation address 203.0.113.7 only ever appears in SDP (it is never given to a peer, so nothing is sent
 * to it); the connecting test puts a one-port 1:1 "NAT" (a forwarder) on another loopback address.
 */
class Nat1To1AddressesAreAdvertisedTest {

    private static final InetAddress PUBLIC = address("203.0.113.7");

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> gatheredCandidates(RTCSettings settings) throws Exception {
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(settings, 1)) {
            LoopbackPeers.Recorder events = new LoopbackPeers.Recorder();
            RTCPeerConnection pc = factory.createPeerConnection(RTCConfiguration.DEFAULT, events);
            pc.createDataChannel("x");
            pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            events.gathered.get(10, TimeUnit.SECONDS);
            List<String> lines = LoopbackPeers.candidateLines(pc.localDescription());
            int port = pc.localSockets().get(0).getPort();
            return lines.stream().map(l -> l.replace(" " + port + " ", " PORT ").replace("rport " + port, "rport PORT"))
                    .toList();
        }
    }

    @Test
    void hostModeSignalsThePublicAddressInsteadOfTheLocalOne() throws Exception {
        List<String> lines = gatheredCandidates(LoopbackPeers.LOOPBACK.toBuilder()
                .nat1To1(List.of(PUBLIC), RTCSettings.Nat1To1CandidateType.HOST).build());
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith(" udp " + lines.get(0).split(" ")[3] + " 203.0.113.7 PORT typ host"),
                lines.get(0));
        assertFalse(lines.get(0).contains("127.0.0.1"), "the local address stays private: " + lines.get(0));
    }

    @Test
    void srflxModeAddsThePublicAddressBesideTheHostCandidate() throws Exception {
        List<String> lines = gatheredCandidates(LoopbackPeers.LOOPBACK.toBuilder()
                .nat1To1(List.of(PUBLIC), RTCSettings.Nat1To1CandidateType.SRFLX).build());
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith(" 127.0.0.1 PORT typ host"), lines.get(0));
        assertTrue(lines.get(1).endsWith(" 203.0.113.7 PORT typ srflx raddr 127.0.0.1 rport PORT"), lines.get(1));
    }

    @Test
    void contradictoryOrMalformedMappingsAreRefusedWithTheReason() {
        RTCException two = assertThrows(RTCException.class, () -> RTCSettings.builder()
                .nat1To1(List.of(PUBLIC, address("203.0.113.8")), RTCSettings.Nat1To1CandidateType.HOST).build());
        assertEquals(RTCErrorType.INVALID_ACCESS, two.type());
        assertTrue(two.getMessage().contains("at most one address per family"), two.getMessage());
        assertThrows(RTCException.class, () -> RTCSettings.builder()
                .nat1To1(List.of(address("0.0.0.0")), RTCSettings.Nat1To1CandidateType.HOST).build());
        RTCException hidden = assertThrows(RTCException.class, () -> RTCSettings.builder()
                .mdnsMode(RTCSettings.MdnsMode.QUERY_AND_GATHER)
                .nat1To1(List.of(PUBLIC), RTCSettings.Nat1To1CandidateType.HOST).build());
        assertTrue(hidden.getMessage().contains("QUERY_AND_GATHER"), hidden.getMessage());
        assertThrows(RTCException.class, () -> RTCSettings.builder().iceLite(true)
                .nat1To1(List.of(PUBLIC), RTCSettings.Nat1To1CandidateType.SRFLX).build());
    }

    /**
     * The answerer sits "behind" a 1:1 NAT whose public side is 127.0.0.3 with the same port: the offerer only
     * learns 127.0.0.3 from SDP, and its checks to it reach the answerer through the forwarder. The check pair on
     * the advertised address must succeed and the data channel must open.
     */
    @Test
    void theAdvertisedAddressCarriesChecksThroughAOnePortNat() throws Exception {
        InetAddress natPublic = address("127.0.0.3");
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(LoopbackPeers.LOOPBACK, 2)) {
            LoopbackPeers.Recorder a = new LoopbackPeers.Recorder();
            LoopbackPeers.Recorder b = new LoopbackPeers.Recorder();
            RTCPeerConnection offerer = factory.createPeerConnection(RTCConfiguration.DEFAULT, a);
            RTCPeerConnection behindNat = factory.createPeerConnection(RTCConfiguration.DEFAULT,
                    LoopbackPeers.LOOPBACK.toBuilder().nat1To1(List.of(natPublic),
                            RTCSettings.Nat1To1CandidateType.HOST).build(), b);
            InetSocketAddress inside = behindNat.localSockets().get(0);
            try (OnePortNat nat = new OnePortNat(new InetSocketAddress(natPublic, inside.getPort()), inside)) {
                LoopbackPeers.connectAndExchange(offerer, a, behindNat, b);
                List<String> answered = LoopbackPeers.candidateLines(behindNat.localDescription());
                assertTrue(answered.stream().allMatch(l -> l.contains(" 127.0.0.3 " + inside.getPort() + " typ host")),
                        answered.toString());

                RTCStatsReport stats = offerer.getStats().get(10, TimeUnit.SECONDS);
                boolean natPairSucceeded = stats.ofType(RTCStats.CandidatePair.class).stream()
                        .filter(p -> p.state().equals("succeeded"))
                        .map(p -> (RTCStats.Candidate) stats.get(p.remoteCandidateId()).orElseThrow())
                        .anyMatch(c -> c.address().equals("127.0.0.3") && c.candidateType().equals("host"));
                assertTrue(natPairSucceeded, "a check to the advertised address succeeded: " + stats);
                assertTrue(nat.forwarded.get() > 0);
            }
        }
    }

    /**
     * A 1:1 NAT for one port, from the outside: datagrams to {@code outside} go to {@code inside} from
     * {@code outside}, and the inside's datagrams to {@code outside} go back to whoever last wrote from outside.
     */
    private static final class OnePortNat implements AutoCloseable {
        final AtomicLong forwarded = new AtomicLong();
        private final DatagramChannel channel;
        private final Thread thread;

        OnePortNat(InetSocketAddress outside, InetSocketAddress inside) throws IOException {
            channel = DatagramChannel.open();
            channel.bind(outside);
            thread = new Thread(() -> {
                ByteBuffer buffer = ByteBuffer.allocate(65536);
                SocketAddress lastOutside = null;
                try {
                    while (true) {
                        buffer.clear();
                        SocketAddress from = channel.receive(buffer);
                        buffer.flip();
                        if (from.equals(inside)) {
                            if (lastOutside != null) {
                                channel.send(buffer, lastOutside);
                            }
                        } else {
                            lastOutside = from;
                            channel.send(buffer, inside);
                        }
                        forwarded.incrementAndGet();
                    }
                } catch (ClosedChannelException e) {
                    // closed: done
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "test-one-port-nat");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws Exception {
            channel.close();
            thread.join(5000);
        }
    }
}
