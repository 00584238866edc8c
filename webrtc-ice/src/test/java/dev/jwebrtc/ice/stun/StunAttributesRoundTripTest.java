package dev.jwebrtc.ice.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every attribute survives encode then decode, and integrity/fingerprint are computed correctly. */
class StunAttributesRoundTripTest {

    private static final byte[] TID = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    @Test
    void everyKnownAttributeRoundTrips() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("203.0.113.7"), 54321);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 3478);
        List<StunAttribute> all = List.of(
                new MappedAddress(v4), new XorMappedAddress(v6), new Username("abcd:efgh"),
                new ErrorCode(438, "Stale Nonce"), new UnknownAttributes(List.of(0x0031, 0x7777)),
                new Realm("example.org"), new Nonce("n0nce"),
                new PasswordAlgorithms(List.of(new PasswordAlgorithms.Algorithm(PasswordAlgorithms.MD5, new byte[0]),
                        new PasswordAlgorithms.Algorithm(PasswordAlgorithms.SHA256, new byte[] {1, 2, 3}))),
                new Software("jwebrtc"), new AlternateServer(v4), new Priority(0xFFFF_FFFFL), new UseCandidate(),
                new IceControlled(-5), new IceControlling(Long.MAX_VALUE), new Lifetime(600),
                new XorPeerAddress(v4), new XorRelayedAddress(v6), new Data(new byte[] {9, 8, 7, 6, 5}),
                new RequestedTransport(RequestedTransport.UDP), new ChannelNumber(0x4001), new DontFragment(),
                new UnknownAttribute(0xC001, new byte[] {42}));
        StunMessage.Builder b = StunMessage.builder(StunMethod.ALLOCATE, StunClass.ERROR_RESPONSE, TID);
        all.forEach(b::add);
        byte[] key = StunKeys.longTerm("user", "example.org", "pass");
        byte[] wire = b.integrity(key).integritySha256(key).fingerprint().encode();
        StunMessage m = StunMessage.decode(wire).orElseThrow();
        assertEquals(StunMethod.ALLOCATE, m.method());
        assertEquals(StunClass.ERROR_RESPONSE, m.messageClass());
        assertEquals(all, m.attributes().subList(0, all.size()));
        assertTrue(m.has(MessageIntegrity.class));
        assertTrue(m.has(MessageIntegritySha256.class));
        assertTrue(m.verifyIntegrity(key));
        assertFalse(m.verifyIntegrity(StunKeys.shortTerm("pass")));
        assertEquals(List.of(), m.unknownComprehensionRequired());
    }

    @Test
    void methodAndClassBitsInterleaveForEveryCombination() {
        for (int method : new int[] {1, 3, 4, 6, 7, 8, 9, 0xFFF, 0x0A5}) {
            for (StunClass c : StunClass.values()) {
                StunMessage m = StunMessage.decode(StunMessage.builder(method, c, TID).encode()).orElseThrow();
                assertEquals(method, m.method());
                assertEquals(c, m.messageClass());
            }
        }
    }

    @Test
    void unknownComprehensionRequiredAttributesAreReported() {
        byte[] wire = StunMessage.builder(StunMethod.BINDING, StunClass.REQUEST, TID)
                .add(new UnknownAttribute(0x7F01, new byte[] {1, 2}))
                .add(new UnknownAttribute(0x8F01, new byte[] {3}))
                .encode();
        StunMessage m = StunMessage.decode(wire).orElseThrow();
        assertEquals(List.of(0x7F01), m.unknownComprehensionRequired());
        assertEquals(2, m.attributes().size());
    }

    @Test
    void attributesAfterMessageIntegrityAreIgnored() {
        byte[] wire = StunMessage.builder(StunMethod.BINDING, StunClass.REQUEST, TID)
                .add(new Username("a:b")).integrity(new byte[] {1}).encode();
        // Append a PRIORITY after MESSAGE-INTEGRITY by hand.
        ByteBuffer longer = ByteBuffer.allocate(wire.length + 8).put(wire)
                .putShort((short) StunAttribute.PRIORITY).putShort((short) 4).putInt(7);
        longer.putShort(2, (short) (wire.length + 8 - 20));
        StunMessage m = StunMessage.decode(longer.array()).orElseThrow();
        assertFalse(m.has(Priority.class));
        assertTrue(m.verifyIntegrity(new byte[] {1}));
    }

    @Test
    void channelDataRoundTripsAndAcceptsPadding() {
        ChannelData cd = new ChannelData(0x4ABC, new byte[] {1, 2, 3});
        byte[] wire = cd.encode();
        assertEquals(7, wire.length);
        assertEquals(cd, ChannelData.decode(ByteBuffer.wrap(wire)).orElseThrow());
        byte[] padded = java.util.Arrays.copyOf(wire, 8);
        assertArrayEquals(new byte[] {1, 2, 3}, ChannelData.decode(ByteBuffer.wrap(padded)).orElseThrow().data());
        assertEquals(PacketKind.TURN_CHANNEL, PacketKind.of(ByteBuffer.wrap(wire)));
        assertThrows(IllegalArgumentException.class, () -> new ChannelData(0x3FFF, new byte[0]));
    }

    @Test
    void badCallerInputNamesTheAttribute() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ErrorCode(200, "x"));
        assertTrue(e.getMessage().contains("300..699"));
        assertThrows(IllegalArgumentException.class,
                () -> new XorMappedAddress(InetSocketAddress.createUnresolved("x.local", 1)));
    }
}
