package dev.jwebrtc.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed header extension access through the negotiated extmap ids, as Chromium's offer numbers them. */
class HeaderExtensionMapTest {
    // ids as in a Chromium video m-line
    private static final HeaderExtensionMap MAP = new HeaderExtensionMap(Map.of(2, AbsSendTime.URI,
            3, TransportSequenceNumber.URI, 4, SdesMid.URI, 10, RtpStreamId.URI, 11, RepairedRtpStreamId.URI,
            13, VideoOrientation.URI, 14, TransmissionTimeOffset.URI, 12, PlayoutDelay.URI, 1, AudioLevel.URI));

    @Test
    void encodesWithNegotiatedIdsAndDecodesByUri() {
        RtpHeaderExtensions ext = MAP.encode(List.of(new SdesMid("1"), new TransportSequenceNumber(9),
                new RtpStreamId("hi")));
        assertTrue(ext.isOneByte());
        RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(RtpPacket.of(new RtpHeader(true, 96, 1, 2, 3, List.of(), ext),
                new byte[] {1}).toByteArray())).orElseThrow();
        Map<String, HeaderExtension> values = MAP.decode(p.header().extensions());
        assertEquals(new SdesMid("1"), values.get(SdesMid.URI));
        assertEquals(new TransportSequenceNumber(9), values.get(TransportSequenceNumber.URI));
        assertEquals(new RtpStreamId("hi"), MAP.find(p.header().extensions(), RtpStreamId.URI).orElseThrow());
        assertTrue(MAP.find(p.header().extensions(), AbsSendTime.URI).isEmpty());
    }

    @Test
    void unknownIdsAreIgnoredAndUnnegotiatedUrisRejected() {
        RtpHeaderExtensions ext = RtpHeaderExtensions.of(List.of(RtpExtensionElement.of(7, new byte[] {1, 2})));
        assertEquals(Map.of(), MAP.decode(ext));
        assertThrows(IllegalArgumentException.class,
                () -> new HeaderExtensionMap(Map.of(3, SdesMid.URI)).encode(List.of(new AudioLevel(true, 1))));
        assertTrue(HeaderExtension.parse("urn:example:unknown", ByteBuffer.wrap(new byte[] {1})).isEmpty());
    }
}
