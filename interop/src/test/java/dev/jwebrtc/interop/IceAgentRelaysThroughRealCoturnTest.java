package dev.jwebrtc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.ice.CandidateType;
import dev.jwebrtc.ice.IceAgent;
import dev.jwebrtc.ice.IceConfig;
import dev.jwebrtc.ice.IceEvent;
import dev.jwebrtc.ice.IceRole;
import dev.jwebrtc.ice.Transmit;
import dev.jwebrtc.ice.TurnServer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ICE agent's TURN client against a real coturn on 127.0.0.1 (coturn from Debian, installed by {@code .ci/run};
 * runs with {@code -Pinterop}). Real sockets and real time, loopback only: a relay-only agent reaches a plain agent
 * through the relay, data flows both ways over ChannelData, close() deallocates.
 */
class IceAgentRelaysThroughRealCoturnTest {

    private static final class Side {
        final IceAgent agent;
        final DatagramSocket socket;
        long data;
        long channelData;

        Side(IceAgent agent, DatagramSocket socket) {
            this.agent = agent;
            this.socket = socket;
        }
    }

    @Test
    void relayOnlyAgentTalksThroughCoturn() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        Coturn coturn = Coturn.start();
        try (DatagramSocket sa = new DatagramSocket(new InetSocketAddress(lo, 0));
                DatagramSocket sb = new DatagramSocket(new InetSocketAddress(lo, 0))) {
            InetSocketAddress turn = coturn.address();
            sa.setSoTimeout(1);
            sb.setSoTimeout(1);
            Side a = new Side(new IceAgent(IceConfig.builder().relayOnly(true).includeLoopback(true)
                    .turnServer(new TurnServer(turn, Coturn.USER, Coturn.PASSWORD)).build(), new SplittableRandom(1)), sa);
            Side b = new Side(new IceAgent(IceConfig.builder().role(IceRole.CONTROLLED).includeLoopback(true)
                    .build(), new SplittableRandom(2)), sb);
            long start = System.nanoTime();
            a.agent.setRemoteCredentials(start, b.agent.localCredentials());
            b.agent.setRemoteCredentials(start, a.agent.localCredentials());
            a.agent.gather(start, List.of((InetSocketAddress) sa.getLocalSocketAddress()));
            b.agent.gather(start, List.of((InetSocketAddress) sb.getLocalSocketAddress()));
            long lastData = 0;
            byte[] buf = new byte[2048];
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(6)) {
                for (Side s : new Side[] {a, b}) {
                    Side other = s == a ? b : a;
                    long now = System.nanoTime();
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    try {
                        s.socket.receive(p);
                        InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
                        if ((buf[0] & 0xFF) < 4 || from.equals(turn)) {
                            s.agent.handleReceive(now, from, (InetSocketAddress) s.socket.getLocalSocketAddress(),
                                    ByteBuffer.wrap(buf, 0, p.getLength()));
                        } else {
                            s.data++;
                        }
                    } catch (SocketTimeoutException e) {
                        // nothing arrived
                    }
                    if (s.agent.pollTimeout() <= now) {
                        s.agent.handleTimeout(now);
                    }
                    flush(s);
                    IceEvent e;
                    while ((e = s.agent.pollEvent()) != null) {
                        if (e instanceof IceEvent.CandidateGathered g) {
                            other.agent.addRemoteCandidate(now, g.candidate());
                        } else if (e instanceof IceEvent.GatheringComplete) {
                            other.agent.endOfRemoteCandidates(now);
                        } else if (e instanceof IceEvent.RelayedDataReceived) {
                            s.data++;
                        }
                    }
                }
                long now = System.nanoTime();
                if (now - lastData > TimeUnit.MILLISECONDS.toNanos(20)) {
                    lastData = now;
                    a.agent.send(ByteBuffer.wrap(new byte[] {(byte) 0x80, 1}));
                    b.agent.send(ByteBuffer.wrap(new byte[] {(byte) 0x80, 2}));
                    flush(a);
                    flush(b);
                }
            }
            assertEquals(CandidateType.RELAYED, a.agent.selectedPair().orElseThrow().local().type());
            assertTrue(a.data > 50 && b.data > 50, "relayed data: a " + a.data + ", b " + b.data);
            assertTrue(a.channelData > 50, "ChannelData after ChannelBind: " + a.channelData);
            assertEquals(0, a.agent.droppedDatagrams() + b.agent.droppedDatagrams());
            a.agent.close(System.nanoTime());
            flush(a);
        } finally {
            coturn.close();
        }
    }

    private static void flush(Side s) throws java.io.IOException {
        Transmit t;
        while ((t = s.agent.pollTransmit()) != null) {
            int first = t.payload().get(t.payload().position()) & 0xFF;
            if (first >= 0x40 && first <= 0x4F) {
                s.channelData++;
            }
            byte[] bytes = t.bytes();
            s.socket.send(new DatagramPacket(bytes, bytes.length, t.destination()));
        }
    }
}
