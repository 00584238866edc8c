package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwebrtc.sdp.Connection;
import dev.jwebrtc.sdp.SdpParseException;
import org.junit.jupiter.api.Test;

/** mid, msid (RFC 8830), rtcp (RFC 3605), ptime/maxptime, and the direction attributes. */
class MediaAttributesTest {

    @Test
    void midMustBeAToken() {
        assertEquals("video0", Mid.parse("video0").id());
        assertThrows(SdpParseException.class, () -> Mid.TYPE.parse(""));
        assertThrows(SdpParseException.class, () -> Mid.TYPE.parse("a b"));
    }

    @Test
    void msidWithAndWithoutTrack() {
        Msid m = Msid.parse("8bd63737-59f4-4a9a-a64c-a3b2c36a3ae4 b913afbb-b123-4560-a4b0-5544998c8a04");
        assertEquals("8bd63737-59f4-4a9a-a64c-a3b2c36a3ae4", m.streamId());
        assertEquals("b913afbb-b123-4560-a4b0-5544998c8a04", m.trackId());
        assertNull(Msid.parse("-").trackId());
        assertThrows(SdpParseException.class, () -> Msid.TYPE.parse("a b c"));
        assertThrows(SdpParseException.class, () -> Msid.TYPE.parse("x".repeat(65)));
    }

    @Test
    void rtcpPortWithOptionalAddress() {
        assertEquals(new Rtcp(9, Connection.DUMMY_IP4), Rtcp.parse("9 IN IP4 0.0.0.0"));
        assertEquals(new Rtcp(10101, null), Rtcp.parse("10101"));
        assertEquals("9 IN IP4 0.0.0.0", Rtcp.parse("9 IN IP4 0.0.0.0").toAttribute().value());
        assertThrows(SdpParseException.class, () -> Rtcp.TYPE.parse("9 IN IP4"));
        assertThrows(SdpParseException.class, () -> Rtcp.TYPE.parse("70000"));
    }

    @Test
    void ptimeAndMaxptimeAllowFractions() {
        assertEquals(20.0, Ptime.parse("20").millis());
        assertEquals(2.5, Ptime.parse("2.5").millis());
        assertEquals(120.0, MaxPtime.parse("120").millis());
        assertThrows(SdpParseException.class, () -> Ptime.TYPE.parse("x"));
        assertThrows(SdpParseException.class, () -> MaxPtime.TYPE.parse("1."));
        assertThrows(SdpParseException.class, () -> Ptime.TYPE.parse("1e9"));
    }

    @Test
    void directionsReverseAndIntersect() {
        assertEquals(Direction.RECVONLY, Direction.SENDONLY.reverse());
        assertEquals(Direction.SENDRECV, Direction.SENDRECV.reverse());
        assertEquals(Direction.RECVONLY, Direction.SENDRECV.intersect(Direction.RECVONLY));
        assertEquals(Direction.INACTIVE, Direction.SENDONLY.intersect(Direction.RECVONLY));
        assertEquals(Direction.INACTIVE, Direction.fromAttributeName("inactive"));
        assertNull(Direction.fromAttributeName("sendrecv2"));
    }
}
