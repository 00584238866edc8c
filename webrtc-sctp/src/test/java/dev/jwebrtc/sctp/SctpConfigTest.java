package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SctpConfigTest {

    @Test
    void defaultsSuitWebRtc() {
        SctpConfig c = SctpConfig.defaults();
        assertEquals(5000, c.localPort());
        assertEquals(256 * 1024, c.maxMessageSize());
        assertTrue(c.receiveWindow() >= 2_500_000, "2.5 MB in flight (1 Gbit/s x 20 ms) must fit");
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void theWindowIsRaisedToTheLargestMessage() {
        SctpConfig c = SctpConfig.builder().maxMessageSize(1 << 30).receiveWindow(65536).build();
        assertEquals(1 << 30, c.receiveWindow());
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SctpConfig.builder().delayedAckTimeout(Duration.ofSeconds(1)).build());
        assertTrue(e.getMessage().contains("delayedAckTimeout"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SctpConfig.builder().localPort(0).build());
        assertTrue(e.getMessage().contains("localPort"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SctpConfig.builder().maxMessageSize((1 << 30) + 1).build());
        assertTrue(e.getMessage().contains("maxMessageSize"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SendOptions(false, 3, Duration.ofSeconds(1)));
    }
}
