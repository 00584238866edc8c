package dev.jwebrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.ice.stun.StunClass;
import dev.jwebrtc.ice.stun.StunMessage;
import dev.jwebrtc.ice.stun.StunMethod;
import dev.jwebrtc.ice.stun.Username;
import dev.jwebrtc.transport.UdpMux;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Shared-port mode ({@link RTCSettings#sharedUdpPort()}, as Pion's ICEUDPMux) over real UDP on 127.0.0.1: several
 * answering connections of one factory live on one UDP port, each reached by its own offerer, routed by the ICE
 * ufrag of the first check and then by remote address; strangers' datagrams are counted and dropped.
 */
class SharedUdpPortServesManyPeerConnectionsTest {

    private static int freePort() throws Exception {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(10); // the edge under test counts on its own loop
        }
    }

    @Test
    void threeConnectionsOnOnePortEachTalkToTheirOwnPeer() throws Exception {
        int port = freePort();
        RTCSettings shared = LoopbackPeers.LOOPBACK.toBuilder().sharedUdpPort(port).build();
        InetSocketAddress sharedSocket = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (RTCPeerConnectionFactory servers = RTCPeerConnectionFactory.create(shared, 2);
                RTCPeerConnectionFactory clients = RTCPeerConnectionFactory.create(LoopbackPeers.LOOPBACK, 2)) {
            List<RTCPeerConnection> serverPcs = new ArrayList<>();
            List<LoopbackPeers.Link> links = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                LoopbackPeers.Recorder c = new LoopbackPeers.Recorder();
                LoopbackPeers.Recorder s = new LoopbackPeers.Recorder();
                RTCPeerConnection client = clients.createPeerConnection(RTCConfiguration.DEFAULT, c);
                RTCPeerConnection server = servers.createPeerConnection(RTCConfiguration.DEFAULT, s);
                assertEquals(List.of(sharedSocket), server.localSockets());
                serverPcs.add(server);
                links.add(LoopbackPeers.connectAndExchange(client, c, server, s));
                assertTrue(LoopbackPeers.candidateLines(server.localDescription()).stream()
                        .allMatch(l -> l.contains(" 127.0.0.1 " + port + " typ host")));
            }
            // Every pair carries its own messages, none crossing to another connection.
            for (int i = 0; i < links.size(); i++) {
                links.get(i).exchange("pair " + i);
            }
            UdpMux mux = servers.sharedPort(port);
            UdpMux.Counters counters = mux.counters();
            assertEquals(3, counters.connections());
            assertTrue(counters.routedByUfrag() >= 3 && counters.routedByAddress() > 0
                    && counters.routedByTransaction() > 0, counters.toString());
            assertEquals(0, counters.unknownDropped(), counters.toString());

            // Strangers: random bytes, and a well-formed check for a ufrag nobody here has.
            try (DatagramChannel stranger = DatagramChannel.open()) {
                stranger.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                SplittableRandom random = new SplittableRandom(8);
                for (int i = 0; i < 10; i++) {
                    byte[] garbage = new byte[1 + random.nextInt(300)];
                    random.nextBytes(garbage);
                    stranger.send(ByteBuffer.wrap(garbage), sharedSocket);
                }
                byte[] check = StunMessage.builder(StunMethod.BINDING, StunClass.REQUEST, new byte[12])
                        .add(new Username("nobody:stranger")).fingerprint().encode();
                stranger.send(ByteBuffer.wrap(check), sharedSocket);
            }
            await(() -> mux.counters().unknownDropped() == 11, "11 stranger datagrams dropped: " + mux.counters());
            links.get(1).exchange("still fine");

            // A connection that closes leaves the port to the others.
            serverPcs.get(0).close();
            serverPcs.get(0).closeFuture().get(5, TimeUnit.SECONDS);
            await(() -> mux.counters().connections() == 2, "the closed connection unregistered");
            links.get(2).exchange("after a neighbour left");
        }
        // The factory closed the shared port: it can be bound again.
        try (DatagramChannel again = DatagramChannel.open()) {
            again.bind(sharedSocket);
        }
    }

    /**
     * Every connection on the port asks the same STUN server from the same socket; each response must reach the
     * connection that asked (routed by transaction ID), so each gathers its server-reflexive candidate.
     */
    @Test
    void connectionsSharingThePortShareAStunServer() throws Exception {
        int port = freePort();
        try (StunResponder stun = new StunResponder();
                RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(
                        LoopbackPeers.LOOPBACK.toBuilder().sharedUdpPort(port).build(), 2)) {
            RTCConfiguration withStun = RTCConfiguration.builder()
                    .iceServers(List.of(RTCIceServer.of("stun:127.0.0.1:" + stun.port()))).build();
            List<RTCPeerConnection> pcs = new ArrayList<>();
            List<LoopbackPeers.Recorder> recorders = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                LoopbackPeers.Recorder r = new LoopbackPeers.Recorder();
                RTCPeerConnection pc = factory.createPeerConnection(withStun, r);
                pc.createDataChannel("x");
                pc.setLocalDescription().get(10, TimeUnit.SECONDS);
                pcs.add(pc);
                recorders.add(r);
            }
            for (int i = 0; i < 3; i++) {
                recorders.get(i).gathered.get(10, TimeUnit.SECONDS);
                List<String> lines = LoopbackPeers.candidateLines(pcs.get(i).localDescription());
                assertTrue(lines.stream().anyMatch(l -> l.contains(" 203.0.113.60 " + port + " typ srflx")),
                        "connection " + i + " got its own STUN answer: " + lines);
            }
            assertTrue(factory.sharedPort(port).counters().routedByTransaction() >= 3);
        }
    }

    /** Answers every Binding request with a documentation address (which only ever appears in SDP). */
    private static final class StunResponder implements AutoCloseable {
        private final DatagramChannel channel = DatagramChannel.open();
        private final Thread thread;

        StunResponder() throws Exception {
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = new Thread(() -> {
                ByteBuffer in = ByteBuffer.allocate(1500);
                try {
                    while (true) {
                        in.clear();
                        java.net.SocketAddress from = channel.receive(in);
                        StunMessage request = StunMessage.decode(in.flip()).orElse(null);
                        if (request == null || request.messageClass() != StunClass.REQUEST) {
                            continue;
                        }
                        InetSocketAddress mapped = new InetSocketAddress(InetAddress.getByName("203.0.113.60"),
                                ((InetSocketAddress) from).getPort());
                        channel.send(ByteBuffer.wrap(StunMessage.responseTo(request, StunClass.SUCCESS_RESPONSE)
                                .add(new dev.jwebrtc.ice.stun.XorMappedAddress(mapped)).fingerprint().encode()), from);
                    }
                } catch (java.io.IOException e) {
                    // closed: done
                }
            }, "test-stun-responder");
            thread.setDaemon(true);
            thread.start();
        }

        int port() throws java.io.IOException {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        }

        @Override
        public void close() throws Exception {
            channel.close();
            thread.join(5000);
        }
    }

    @Test
    void aPortAlreadyTakenFailsCreationWithTheReason() throws Exception {
        try (DatagramChannel taken = DatagramChannel.open()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = ((InetSocketAddress) taken.getLocalAddress()).getPort();
            try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(
                    LoopbackPeers.LOOPBACK.toBuilder().sharedUdpPort(port).build(), 1)) {
                RTCException e = assertThrows(RTCException.class, () -> factory.createPeerConnection(
                        RTCConfiguration.DEFAULT, new RTCPeerConnection.Listener() {}));
                assertEquals(RTCErrorType.OPERATION, e.type());
                assertTrue(e.getMessage().contains(Integer.toString(port)), e.getMessage());
            }
        }
    }
}
