package dev.jwebrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RTCSettingsValidationTest {

    @Test
    void defaultsSuitBrowsers() {
        RTCSettings s = RTCSettings.DEFAULT;
        assertEquals(1200, s.mtu());
        assertEquals(256 * 1024, s.maxMessageSize());
        assertEquals(Duration.ofSeconds(30), s.iceFailedTimeout());
        assertEquals(RTCSettings.MdnsMode.QUERY_ONLY, s.mdnsMode());
        assertTrue(s.addressFilter().test(InetAddress.getLoopbackAddress()));
    }

    @Test
    void aPortRangeMustBeOrderedAndComplete() {
        assertEquals(40000, RTCSettings.builder().portRange(40000, 40100).build().minPort());
        assertEquals(RTCErrorType.RANGE, assertThrows(RTCException.class,
                () -> RTCSettings.builder().portRange(5000, 4000).build()).type());
        assertThrows(RTCException.class, () -> RTCSettings.builder().portRange(0, 4000).build());
        assertThrows(RTCException.class, () -> RTCSettings.builder().portRange(1, 70000).build());
    }

    @Test
    void timersMustBePositiveAndTheMessageNamesThem() {
        RTCException e = assertThrows(RTCException.class,
                () -> RTCSettings.builder().dtlsTimers(Duration.ZERO, Duration.ofSeconds(1)).build());
        assertTrue(e.getMessage().contains("dtlsRetransmitInitial"), e.getMessage());
        assertThrows(RTCException.class, () -> RTCSettings.builder().mtu(100).build());
        assertThrows(RTCException.class, () -> RTCSettings.builder().srtpReplayWindow(32).build());
        assertThrows(RTCException.class, () -> RTCSettings.builder().sharedUdpPort(0).build());
    }

    @Test
    void toBuilderKeepsEverySetting() {
        RTCSettings s = RTCSettings.builder().portRange(50000, 50010).iceLite(true).mtu(1400)
                .bindAddresses(List.of(InetAddress.getLoopbackAddress())).maxMessageSize(1 << 30).build();
        assertEquals(s, s.toBuilder().build());
    }
}
