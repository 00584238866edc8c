package dev.jwebrtc.testkit;

import static dev.jwebrtc.testkit.NetworkProbe.only;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TurnServerRelaysPerRfc8656Test {

    private static final NetemConfig LINK = NetemConfig.builder().latency(Duration.ofMillis(5)).build();
    private static final String USER = "alice";
    private static final String PASSWORD = "secret";
    private static final String REALM = "jwebrtc.test";

    private final NetworkProbe probe = new NetworkProbe(11);
    private final VirtualNetwork net = probe.net;
    private final TurnServer turn = net.addTurnServer(
            new InetSocketAddress(VirtualNetwork.literal("198.51.100.50"), 3478), REALM, Map.of(USER, PASSWORD), LINK);
    private final Nat nat = net.addNat("nat", "203.0.113.1", NatBehavior.SYMMETRIC, LINK);
    private final Host client = nat.addHost("client", "192.168.1.2", LINK);
    private final Host peer = net.addHost("peer", "198.51.100.99", LINK);
    private final byte[] key = StunCodec.longTermKey(USER, REALM, PASSWORD);
    private int transactions;

    private byte[] tid() {
        return ByteBuffer.allocate(12).putInt(8, ++transactions).array();
    }

    /** Sends a message from the client to the TURN server and decodes the reply. */
    private StunCodec.Message request(byte[] message) {
        VirtualNetwork.Delivery reply = only(probe.send(client, 5000, turn.address(), message));
        assertSame(client, reply.host());
        StunCodec.Message m = StunCodec.decode(reply.datagram().payload());
        assertNotNull(m, "the reply is STUN");
        return m;
    }

    private VirtualNetwork.Delivery sendRaw(Host from, int port, InetSocketAddress to, byte[] bytes) {
        net.send(probe.clock.nanos(), from, Datagram.of(from.socket(port), to, bytes));
        List<VirtualNetwork.Delivery> out = probe.flush();
        return out.isEmpty() ? null : only(out);
    }

    private String nonce;

    private StunCodec.Builder authenticated(int method) {
        return new StunCodec.Builder(method, StunCodec.REQUEST, tid())
                .string(StunCodec.USERNAME, USER).string(StunCodec.REALM, REALM).string(StunCodec.NONCE, nonce);
    }

    /** Challenge, then authenticated Allocate; returns the relayed address. */
    private InetSocketAddress allocate() {
        StunCodec.Message challenge = request(new StunCodec.Builder(StunCodec.ALLOCATE, StunCodec.REQUEST, tid())
                .attribute(StunCodec.REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0}).build());
        assertEquals(StunCodec.ERROR, challenge.cls());
        assertEquals(401, errorCode(challenge));
        assertEquals(REALM, challenge.string(StunCodec.REALM));
        nonce = challenge.string(StunCodec.NONCE);
        assertNotNull(nonce);

        StunCodec.Message ok = request(authenticated(StunCodec.ALLOCATE)
                .attribute(StunCodec.REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0})
                .messageIntegrity(key).fingerprintAndBuild());
        assertEquals(StunCodec.SUCCESS, ok.cls(), "allocate succeeds");
        assertTrue(StunCodec.integrityOk(ok, key), "the response is signed with the long-term key");
        InetSocketAddress relayed = ok.xorAddress(StunCodec.XOR_RELAYED_ADDRESS);
        assertEquals(turn.address().getAddress(), relayed.getAddress());
        assertEquals(nat.publicAddress(), ok.xorAddress(StunCodec.XOR_MAPPED_ADDRESS).getAddress());
        assertEquals(600, ByteBuffer.wrap(ok.first(StunCodec.LIFETIME).value()).getInt());
        return relayed;
    }

    private static int errorCode(StunCodec.Message m) {
        byte[] v = m.first(StunCodec.ERROR_CODE).value();
        return (v[2] & 7) * 100 + (v[3] & 0xff);
    }

    private void permit(InetSocketAddress peerAddress) {
        StunCodec.Message ok = request(authenticated(StunCodec.CREATE_PERMISSION)
                .xorAddress(StunCodec.XOR_PEER_ADDRESS, peerAddress).messageIntegrity(key).fingerprintAndBuild());
        assertEquals(StunCodec.SUCCESS, ok.cls());
    }

    @Test
    void relaysSendAndDataIndicationsOncePermitted() {
        InetSocketAddress relayed = allocate();
        InetSocketAddress peerAddress = peer.socket(7000);

        assertEquals(null, sendRaw(peer, 7000, relayed, "too early".getBytes()), "no permission yet: dropped");

        permit(peerAddress);
        byte[] send = new StunCodec.Builder(StunCodec.SEND, StunCodec.INDICATION, tid())
                .xorAddress(StunCodec.XOR_PEER_ADDRESS, peerAddress)
                .attribute(StunCodec.DATA_ATTR, "hello peer".getBytes()).fingerprintAndBuild();
        VirtualNetwork.Delivery atPeer = sendRaw(client, 5000, turn.address(), send);
        assertSame(peer, atPeer.host());
        assertEquals(relayed, atPeer.datagram().source(), "the peer sees the relayed address");
        assertEquals("hello peer", new String(atPeer.datagram().bytes(), StandardCharsets.UTF_8));

        VirtualNetwork.Delivery atClient = sendRaw(peer, 7000, relayed, "hello client".getBytes());
        assertSame(client, atClient.host());
        StunCodec.Message data = StunCodec.decode(atClient.datagram().payload());
        assertEquals(StunCodec.DATA, data.method());
        assertEquals(StunCodec.INDICATION, data.cls());
        assertEquals(peerAddress, data.xorAddress(StunCodec.XOR_PEER_ADDRESS));
        assertEquals("hello client", new String(data.first(StunCodec.DATA_ATTR).value(), StandardCharsets.UTF_8));
        assertEquals(1, turn.relayedToPeers());
        assertEquals(1, turn.relayedToClients());
    }

    @Test
    void relaysChannelDataAfterChannelBind() {
        InetSocketAddress relayed = allocate();
        InetSocketAddress peerAddress = peer.socket(7000);
        StunCodec.Message ok = request(authenticated(StunCodec.CHANNEL_BIND)
                .attribute(StunCodec.CHANNEL_NUMBER, new byte[] {0x40, 0x01, 0, 0})
                .xorAddress(StunCodec.XOR_PEER_ADDRESS, peerAddress).messageIntegrity(key).fingerprintAndBuild());
        assertEquals(StunCodec.SUCCESS, ok.cls());

        byte[] channelData = ByteBuffer.allocate(8).putShort((short) 0x4001).putShort((short) 3)
                .put("abc".getBytes()).array();
        VirtualNetwork.Delivery atPeer = sendRaw(client, 5000, turn.address(), channelData);
        assertSame(peer, atPeer.host());
        assertArrayEquals("abc".getBytes(), atPeer.datagram().bytes());

        VirtualNetwork.Delivery atClient = sendRaw(peer, 7000, relayed, "xyz1".getBytes());
        ByteBuffer back = atClient.datagram().payload();
        assertEquals(0x4001, back.getShort(0) & 0xffff);
        assertEquals(4, back.getShort(2));
        assertEquals("xyz1", StandardCharsets.UTF_8.decode(back.position(4)).toString());
    }

    @Test
    void refusesBadCredentialsAndASecondAllocation() {
        allocate();
        StunCodec.Message wrong = request(authenticated(StunCodec.CREATE_PERMISSION)
                .xorAddress(StunCodec.XOR_PEER_ADDRESS, peer.socket(1))
                .messageIntegrity(StunCodec.longTermKey(USER, REALM, "guess")).fingerprintAndBuild());
        assertEquals(401, errorCode(wrong));

        StunCodec.Message again = request(authenticated(StunCodec.ALLOCATE)
                .attribute(StunCodec.REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0})
                .messageIntegrity(key).fingerprintAndBuild());
        assertEquals(437, errorCode(again), "RFC 8656 §7.2: allocation mismatch");

        StunCodec.Message tcp = request(authenticated(StunCodec.ALLOCATE)
                .attribute(StunCodec.REQUESTED_TRANSPORT, new byte[] {6, 0, 0, 0})
                .messageIntegrity(key).fingerprintAndBuild());
        assertEquals(437, errorCode(tcp), "the existing allocation is checked first");
    }

    @Test
    void allocationsEndOnRefreshWithZeroLifetimeOrWhenTheyExpire() {
        allocate();
        assertEquals(1, turn.allocations(probe.clock.nanos()));
        StunCodec.Message ok = request(authenticated(StunCodec.REFRESH)
                .u32(StunCodec.LIFETIME, 0).messageIntegrity(key).fingerprintAndBuild());
        assertEquals(StunCodec.SUCCESS, ok.cls());
        assertEquals(0, turn.allocations(probe.clock.nanos()));

        allocate();
        probe.clock.advance(Duration.ofMinutes(9));
        assertEquals(1, turn.allocations(probe.clock.nanos()));
        probe.clock.advance(Duration.ofMinutes(2));
        assertEquals(0, turn.allocations(probe.clock.nanos()), "10-minute default lifetime");
    }

    @Test
    void permissionsExpireAfterFiveMinutes() {
        InetSocketAddress relayed = allocate();
        permit(peer.socket(7000));
        // The client's NAT forgets idle mappings after 2 minutes: keep it open as a real client would.
        for (int minute = 1; minute <= 4; minute++) {
            probe.clock.advance(Duration.ofMinutes(1));
            request(new StunCodec.Builder(StunCodec.BINDING, StunCodec.REQUEST, tid()).build());
        }
        assertTrue(sendRaw(peer, 7000, relayed, "still allowed".getBytes()) != null);
        for (int minute = 5; minute <= 6; minute++) {
            probe.clock.advance(Duration.ofMinutes(1));
            request(new StunCodec.Builder(StunCodec.BINDING, StunCodec.REQUEST, tid()).build());
        }
        long rejectedBefore = turn.rejected();
        assertEquals(null, sendRaw(peer, 7000, relayed, "expired".getBytes()));
        assertEquals(rejectedBefore + 1, turn.rejected(), "refused by the TURN server, not lost in the NAT");
    }

    @Test
    void answersBindingRequestsLikeAStunServer() {
        byte[] binding = new StunCodec.Builder(StunCodec.BINDING, StunCodec.REQUEST, tid()).build();
        StunCodec.Message ok = request(binding);
        assertEquals(StunCodec.SUCCESS, ok.cls());
        assertEquals(nat.publicAddress(), ok.xorAddress(StunCodec.XOR_MAPPED_ADDRESS).getAddress());
    }

    // The testkit's STUN codec against RFC 5769, so that the TURN tests above do not merely agree with themselves.

    @Test
    void codecChecksIntegrityOfRfc5769Section2_1SampleRequest() {
        byte[] vector = HexFormat.of().parseHex("000100582112a442b7e7a701bc34d686fa87dfae"
                + "802200105354554e207465737420636c69656e74002400046e0001ff80290008932ff9b151263b36"
                + "000600096576746a3a68367659202020000800149aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2"
                + "80280004e57a3bcf");
        StunCodec.Message m = StunCodec.decode(ByteBuffer.wrap(vector));
        assertEquals(StunCodec.BINDING, m.method());
        assertEquals(StunCodec.REQUEST, m.cls());
        assertEquals("evtj:h6vY", m.string(StunCodec.USERNAME));
        assertTrue(StunCodec.integrityOk(m, "VOkJxbRl1RmTxUk/WvJxBt".getBytes(StandardCharsets.UTF_8)));
        assertFalse(StunCodec.integrityOk(m, "wrong".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void codecDecodesRfc5769Section2_2XorMappedAddress() {
        byte[] vector = HexFormat.of().parseHex("0101003c2112a442b7e7a701bc34d686fa87dfae"
                + "8022000b7465737420766563746f7220002000080001a147e112a643"
                + "000800142b91f599fd9e90c38c7489f92af9ba53f06be7d780280004c07d4c96");
        StunCodec.Message m = StunCodec.decode(ByteBuffer.wrap(vector));
        assertEquals(new InetSocketAddress(VirtualNetwork.literal("192.0.2.1"), 32853),
                m.xorAddress(StunCodec.XOR_MAPPED_ADDRESS));
        assertTrue(StunCodec.integrityOk(m, "VOkJxbRl1RmTxUk/WvJxBt".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void codecChecksRfc5769Section2_4LongTermIntegrity() {
        byte[] vector = HexFormat.of().parseHex("000100602112a44278ad3433c6ad72c029da412e"
                + "00060012e3839ee38388e383aae38383e382afe382b90000"
                + "0015001c662f2f3439396b39353464364f4c33346f4c39465354767936347341"
                + "0014000b6578616d706c652e6f726700"
                + "00080014f67024656dd64a3e02b8e0712e85c9a28ca89666");
        StunCodec.Message m = StunCodec.decode(ByteBuffer.wrap(vector));
        // The vector's password "The<U+00AD>M<U+00AA>tr<U+2168>" is "TheMatrIX" after SASLprep.
        byte[] vectorKey = StunCodec.longTermKey(m.string(StunCodec.USERNAME), "example.org", "TheMatrIX");
        assertTrue(StunCodec.integrityOk(m, vectorKey));
    }
}
