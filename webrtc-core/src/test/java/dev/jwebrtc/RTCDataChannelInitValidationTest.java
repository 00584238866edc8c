package dev.jwebrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RTCDataChannelInitValidationTest {

    @Test
    void defaultIsReliableOrderedAndNotNegotiated() {
        RTCDataChannelInit init = RTCDataChannelInit.reliable();
        assertTrue(init.ordered());
        assertFalse(init.negotiated());
        assertFalse(init.isPartiallyReliable());
        assertEquals("", init.protocol());
    }

    @Test
    void bothReliabilityLimitsAtOnceAreATypeError() {
        RTCException e = assertThrows(RTCException.class,
                () -> RTCDataChannelInit.builder().maxRetransmits(3).maxPacketLifeTime(100).build());
        assertEquals(RTCErrorType.TYPE, e.type());
        assertTrue(RTCDataChannelInit.builder().maxRetransmits(0).build().isPartiallyReliable());
    }

    @Test
    void negotiatedChannelsNeedAnIdWithinRange() {
        assertEquals(RTCErrorType.TYPE, assertThrows(RTCException.class,
                () -> new RTCDataChannelInit(true, null, null, "", true, null)).type());
        assertEquals(RTCErrorType.TYPE, assertThrows(RTCException.class,
                () -> RTCDataChannelInit.builder().negotiated(65535).build()).type());
        assertEquals(7, RTCDataChannelInit.builder().negotiated(7).build().id());
    }

    @Test
    void limitsOutsideSixteenBitsAreTypeErrors() {
        assertThrows(RTCException.class, () -> RTCDataChannelInit.builder().maxRetransmits(65536).build());
        assertThrows(RTCException.class, () -> RTCDataChannelInit.builder().maxPacketLifeTime(-1).build());
        assertThrows(RTCException.class, () -> RTCDataChannelInit.builder().protocol("x".repeat(65536)).build());
    }

    @Test
    void configurationPoolSizeIsAnOctet() {
        assertEquals(RTCErrorType.TYPE, assertThrows(RTCException.class,
                () -> RTCConfiguration.builder().iceCandidatePoolSize(256).build()).type());
        RTCConfiguration c = RTCConfiguration.builder().addIceServer(RTCIceServer.of("stun:198.51.100.1")).build();
        assertEquals(RTCBundlePolicy.BALANCED, c.bundlePolicy(), "W3C default");
        assertEquals(c, c.toBuilder().build());
    }
}
