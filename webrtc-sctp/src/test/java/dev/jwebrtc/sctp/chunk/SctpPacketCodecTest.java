package dev.jwebrtc.sctp.chunk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class SctpPacketCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void crc32cMatchesRfc3720TestVectorOf32Zeros() {
        // RFC 3720 §B.4: 32 bytes of zeros -> CRC aa 36 91 8a (as transmitted).
        CRC32C crc = new CRC32C();
        crc.update(new byte[32]);
        assertEquals(0x8a9136aaL, crc.getValue());
    }

    @Test
    void decodesIndependentlyBuiltInitWithItsChecksum() {
        // Built by Scapy's SCTP layer (IP()/SCTP()/SCTPChunkInit(params=[IPv4 127.0.0.1])), checksum 0x402c0b5f.
        byte[] wire = HEX.parseHex("0000000000000000402c0b5f" + "0100001c00000000000000000000000000000000"
                + "000500087f000001");
        SctpPacket p = SctpPacket.decode(ByteBuffer.wrap(wire), false);
        InitChunk init = assertInstanceOf(InitChunk.class, p.chunks().get(0));
        UnknownParameter ipv4 = assertInstanceOf(UnknownParameter.class, init.parameters().get(0));
        assertEquals(5, ipv4.type());
        assertArrayEquals(new byte[] {127, 0, 0, 1}, ipv4.value());
        assertArrayEquals(wire, p.encode(false), "re-encoding yields the same bytes and checksum");
    }

    @Test
    void rejectsBadChecksumAndAcceptsZeroOnlyWhenNegotiated() {
        SctpPacket p = new SctpPacket(5000, 5000, 0x01020304L, List.of(CookieAckChunk.INSTANCE));
        byte[] zero = p.encode(true);
        assertEquals(0, zero[8] | zero[9] | zero[10] | zero[11]);
        assertThrows(MalformedPacketException.class, () -> SctpPacket.decode(ByteBuffer.wrap(zero), false));
        assertEquals(p, SctpPacket.decode(ByteBuffer.wrap(zero), true));
        byte[] good = p.encode(false);
        good[13] ^= 1;
        assertThrows(MalformedPacketException.class, () -> SctpPacket.decode(ByteBuffer.wrap(good), true));
    }

    @Test
    void dataChunkHasRfcLayout() {
        DataChunk d = new DataChunk(false, true, true, true, 0xFFFFFFFEL, 7, 0xABCD, 51, new byte[] {1, 2, 3});
        byte[] wire = new SctpPacket(5000, 5000, 1, List.of(d)).encode(false);
        // type 0, flags U|B|E = 0x07, length 19, then TSN, SID, SSN, PPID, payload, one pad byte.
        assertEquals("00070013" + "fffffffe" + "0007" + "abcd" + "00000033" + "010203" + "00",
                HEX.formatHex(wire, 12, wire.length));
        DataChunk back = (DataChunk) SctpPacket.decode(ByteBuffer.wrap(wire), false).chunks().get(0);
        assertEquals(d.tsn(), back.tsn());
        assertEquals(0xABCD, back.ssn());
        assertTrue(back.unordered() && back.beginning() && back.ending() && !back.immediateAck());
        assertArrayEquals(d.payload(), back.payload());
    }

    @Test
    void everyChunkTypeRoundTrips() {
        List<Chunk> chunks = List.of(
                new InitChunk(0xCAFEBABEL, 1 << 20, 1024, 1024, 12345, List.of(
                        ForwardTsnSupportedParameter.INSTANCE,
                        new SupportedExtensionsParameter(List.of(Chunk.FORWARD_TSN, Chunk.RE_CONFIG)),
                        new ZeroChecksumAcceptableParameter(ZeroChecksumAcceptableParameter.EDMID_DTLS))),
                new InitAckChunk(7, 8, 9, 10, 11, List.of(new StateCookieParameter(new byte[] {1, 2, 3, 4, 5}))),
                new SackChunk(100, 5000, List.of(new SackChunk.GapBlock(2, 3), new SackChunk.GapBlock(5, 9)),
                        List.of(99L, 98L)),
                new HeartbeatChunk(List.of(new HeartbeatInfoParameter(new byte[] {9, 9}))),
                new HeartbeatAckChunk(List.of(new HeartbeatInfoParameter(new byte[] {9, 9}))),
                new AbortChunk(true, List.of(ErrorCause.ofText(ErrorCause.USER_INITIATED_ABORT, "bye"))),
                new ShutdownChunk(4242),
                ShutdownAckChunk.INSTANCE,
                new ErrorChunk(List.of(new ErrorCause(ErrorCause.UNRECOGNIZED_CHUNK_TYPE, new byte[] {(byte) 0xC7, 0, 0, 4}))),
                new CookieEchoChunk(new byte[] {4, 3, 2, 1, 0}),
                CookieAckChunk.INSTANCE,
                new ShutdownCompleteChunk(true),
                new ForwardTsnChunk(77, List.of(new ForwardTsnChunk.StreamSsn(1, 2), new ForwardTsnChunk.StreamSsn(3, 4))),
                new IForwardTsnChunk(78, List.of(new IForwardTsnChunk.Skip(1, true, 5))),
                new ReConfigChunk(List.of(new OutgoingSsnResetRequestParameter(1, 2, 3, List.of(4, 5, 6)),
                        new IncomingSsnResetRequestParameter(9, List.of(1)))),
                new ReConfigChunk(List.of(new ReconfigurationResponseParameter(1, ReconfigurationResponseParameter.SUCCESS_PERFORMED),
                        new ReconfigurationResponseParameter(2, 1, true, 10, 20))),
                new IDataChunk(false, false, true, false, 5, 6, 7, 8, new byte[] {1}),
                new PadChunk(7),
                new UnknownChunk(0xC7, 3, new byte[] {1, 2}));
        for (Chunk c : chunks) {
            byte[] wire = new SctpPacket(1, 2, 3, List.of(c)).encode(false);
            SctpPacket back = SctpPacket.decode(ByteBuffer.wrap(wire), false);
            assertEquals(1, back.chunks().size(), c.toString());
            assertEquals(c.type(), back.chunks().get(0).type());
            assertArrayEquals(wire, back.encode(false), "round trip of " + c);
        }
        byte[] bundled = new SctpPacket(1, 2, 3, chunks).encode(false);
        assertEquals(chunks.size(), SctpPacket.decode(ByteBuffer.wrap(bundled), false).chunks().size());
    }

    @Test
    void sackFieldsSurviveRoundTrip() {
        SackChunk s = new SackChunk(0xFFFFFFFFL, 123456, List.of(new SackChunk.GapBlock(2, 65535)), List.of(0xFFFFFFFFL));
        SackChunk back = (SackChunk) SctpPacket.decode(ByteBuffer.wrap(new SctpPacket(1, 2, 3, List.of(s)).encode(false)),
                false).chunks().get(0);
        assertEquals(s, back);
    }

    @Test
    void decodesInitWithEveryRfc9260ParameterFromAnIndependentEncoder() {
        // INIT chunk as encoded by os-ken's (Ryu) SCTP library test: IPv4, IPv6, Cookie Preservative, ECN,
        // Host Name, Supported Address Types; the kind of parameter list usrsctp sends.
        String chunk = "0100005c" + "0001e240" + "00002694" + "00030003" + "0001e240"
                + "00050008c0a80101"
                + "00060014fe80000000000000647e1afffec48284"
                + "0009000800001388"
                + "80000004"
                + "000b000e7465737420686f7374000000"
                + "000c000e0005000600098000000b0000";
        byte[] wire = new byte[12 + chunk.length() / 2];
        System.arraycopy(HEX.parseHex(chunk), 0, wire, 12, chunk.length() / 2);
        wire[0] = 0x13;
        wire[1] = (byte) 0x88;
        wire[2] = 0x13;
        wire[3] = (byte) 0x88;
        SctpPacket decoded = SctpPacket.decode(ByteBuffer.wrap(wire), true);
        InitChunk init = (InitChunk) decoded.chunks().get(0);
        assertEquals(123456, init.initiateTag());
        assertEquals(9876, init.advertisedReceiverWindow());
        assertEquals(3, init.outboundStreams());
        assertEquals(123456, init.initialTsn());
        assertEquals(List.of(5, 6, 9, 0x8000, 11, 12), init.parameters().stream().map(Parameter::type).toList());
        assertArrayEquals(HEX.parseHex("0005000600098000000b"),
                ((UnknownParameter) init.parameters().get(5)).value());
        byte[] again = decoded.encode(true);
        assertArrayEquals(wire, again, "re-encodes byte for byte");
    }
}
