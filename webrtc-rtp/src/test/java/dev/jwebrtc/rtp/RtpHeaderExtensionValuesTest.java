package dev.jwebrtc.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each typed header extension encodes to the bytes its specification defines and parses them back. */
class RtpHeaderExtensionValuesTest {

    private static ByteBuffer b(String hex) {
        return ByteBuffer.wrap(Hex.bytes(hex));
    }

    @Test
    void midAndRidAreUtf8WithoutTerminator() {
        assertArrayEquals("audio0".getBytes(), new SdesMid("audio0").encode());
        assertEquals(new SdesMid("0"), SdesMid.parse(b("30")).orElseThrow());
        assertEquals(new RtpStreamId("hi"), RtpStreamId.parse(b("6869")).orElseThrow());
        assertEquals(new RepairedRtpStreamId("lo"), RepairedRtpStreamId.parse(b("6c6f0000")).orElseThrow());
        assertTrue(SdesMid.parse(b("")).isEmpty());
        assertTrue(RtpStreamId.parse(b("00")).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new SdesMid(""));
    }

    @Test
    void absSendTimeIsSixEighteenFixedPoint() {
        assertEquals(new AbsSendTime(0x060000), AbsSendTime.fromNanos(1_500_000_000L)); // 1.5 s
        assertArrayEquals(Hex.bytes("060000"), new AbsSendTime(0x060000).encode());
        assertEquals(1_500_000_000L, new AbsSendTime(0x060000).toNanos());
        assertEquals(AbsSendTime.fromNanos(1_500_000_000L), AbsSendTime.fromNanos(65_500_000_000L)); // wraps at 64 s
        assertEquals(new AbsSendTime(0xABCDEF), AbsSendTime.parse(b("abcdef")).orElseThrow());
        assertTrue(AbsSendTime.parse(b("abcd")).isEmpty());
    }

    @Test
    void transportSequenceNumberIsSixteenBitsBigEndian() {
        assertArrayEquals(Hex.bytes("fffe"), new TransportSequenceNumber(65534).encode());
        assertEquals(new TransportSequenceNumber(0x0102), TransportSequenceNumber.parse(b("0102")).orElseThrow());
        assertTrue(TransportSequenceNumber.parse(b("01")).isEmpty());
    }

    @Test
    void audioLevelHasVoiceBitAndMinusDbov() {
        // RFC 6464 §3: V=1, level 42 -dBov
        assertArrayEquals(Hex.bytes("aa"), new AudioLevel(true, 42).encode());
        assertEquals(new AudioLevel(false, 127), AudioLevel.parse(b("7f")).orElseThrow());
        assertEquals(new AudioLevel(true, 1), AudioLevel.parse(b("81000000")).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new AudioLevel(true, 128));
    }

    @Test
    void toffsetIsSigned24Bit() {
        assertArrayEquals(Hex.bytes("fffffe"), new TransmissionTimeOffset(-2).encode());
        assertEquals(new TransmissionTimeOffset(-8388608), TransmissionTimeOffset.parse(b("800000")).orElseThrow());
        assertEquals(new TransmissionTimeOffset(0x7FFFFF), TransmissionTimeOffset.parse(b("7fffff")).orElseThrow());
    }

    @Test
    void playoutDelayIsTwoTwelveBitFields() {
        assertArrayEquals(Hex.bytes("00a0c8"), new PlayoutDelay(10, 200).encode());
        PlayoutDelay d = PlayoutDelay.parse(b("fff001")).orElseThrow();
        assertEquals(4095, d.minDelay());
        assertEquals(10, d.maxDelayMillis());
    }

    @Test
    void videoOrientationPacksCameraFlipAndRotation() {
        assertArrayEquals(Hex.bytes("0d"), new VideoOrientation(true, true, 90).encode());
        assertEquals(new VideoOrientation(false, false, 270), VideoOrientation.parse(b("03")).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new VideoOrientation(false, false, 45));
    }

    @Test
    void typedValuesSurviveAPacketRoundTrip() {
        List<HeaderExtension> values = List.of(new SdesMid("1"), new RtpStreamId("f"), new RepairedRtpStreamId("h"),
                AbsSendTime.fromNanos(123_456_789L), new TransportSequenceNumber(777), new AudioLevel(true, 9),
                new TransmissionTimeOffset(-5), new PlayoutDelay(0, 0), new VideoOrientation(false, true, 180));
        for (boolean twoByte : new boolean[] {false, true}) {
            List<RtpExtensionElement> elements = new java.util.ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                elements.add(values.get(i).toElement(i + 1));
            }
            RtpHeaderExtensions ext = twoByte ? RtpHeaderExtensions.twoByte(elements, 0)
                    : RtpHeaderExtensions.oneByte(elements);
            RtpPacket p = RtpPacket.of(new RtpHeader(false, 100, 1, 2, 3, List.of(), ext), new byte[] {1});
            RtpPacket back = RtpPacket.parse(ByteBuffer.wrap(p.toByteArray())).orElseThrow();
            RtpHeaderExtensions e = back.header().extensions();
            assertEquals(values.get(0), SdesMid.parse(e.find(1).orElseThrow()).orElseThrow());
            assertEquals(values.get(1), RtpStreamId.parse(e.find(2).orElseThrow()).orElseThrow());
            assertEquals(values.get(2), RepairedRtpStreamId.parse(e.find(3).orElseThrow()).orElseThrow());
            assertEquals(values.get(3), AbsSendTime.parse(e.find(4).orElseThrow()).orElseThrow());
            assertEquals(values.get(4), TransportSequenceNumber.parse(e.find(5).orElseThrow()).orElseThrow());
            assertEquals(values.get(5), AudioLevel.parse(e.find(6).orElseThrow()).orElseThrow());
            assertEquals(values.get(6), TransmissionTimeOffset.parse(e.find(7).orElseThrow()).orElseThrow());
            assertEquals(values.get(7), PlayoutDelay.parse(e.find(8).orElseThrow()).orElseThrow());
            assertEquals(values.get(8), VideoOrientation.parse(e.find(9).orElseThrow()).orElseThrow());
            assertTrue(e.find(10).isEmpty());
        }
    }

    @Test
    void callerMistakesThrowNamingTheField() {
        var ex = assertThrows(IllegalArgumentException.class, () -> RtpExtensionElement.of(0, new byte[1]));
        assertTrue(ex.getMessage().contains("id 0"));
        assertThrows(IllegalArgumentException.class,
                () -> RtpHeaderExtensions.oneByte(List.of(RtpExtensionElement.of(15, new byte[1]))));
        assertThrows(IllegalArgumentException.class, () -> RtpHeader.of(false, 128, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> RtpHeader.of(false, 0, 65536, 0, 0));
    }
}
