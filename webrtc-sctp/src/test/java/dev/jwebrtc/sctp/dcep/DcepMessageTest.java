package dev.jwebrtc.sctp.dcep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DcepMessageTest {
    @Test
    void openHasRfc8832Layout() {
        DcepMessage.Open open = new DcepMessage.Open(ChannelType.PARTIAL_RELIABLE_REXMIT_UNORDERED, 512, 3, "chat", "json");
        // RFC 8832 §5.1: type 0x03, channel type 0x81, priority 0x0200, reliability 3, label/protocol lengths 4/4.
        assertEquals("03" + "81" + "0200" + "00000003" + "0004" + "0004" + "63686174" + "6a736f6e",
                HexFormat.of().formatHex(open.encode()));
        assertEquals(open, DcepMessage.decode(open.encode()));
    }

    @Test
    void ackIsOneByte() {
        assertEquals("02", HexFormat.of().formatHex(new DcepMessage.Ack().encode()));
        assertEquals(new DcepMessage.Ack(), DcepMessage.decode(new byte[] {2}));
    }

    @Test
    void malformedOpensAreRejected() {
        byte[] good = new DcepMessage.Open(ChannelType.RELIABLE, 256, 0, "x", "").encode();
        assertNull(DcepMessage.decode(java.util.Arrays.copyOf(good, good.length - 1)), "label truncated");
        byte[] badType = good.clone();
        badType[1] = 0x05;
        assertNull(DcepMessage.decode(badType), "unknown channel type");
        assertNull(DcepMessage.decode(new byte[0]));
        assertNull(DcepMessage.decode(new byte[] {0x07}));
    }
}
