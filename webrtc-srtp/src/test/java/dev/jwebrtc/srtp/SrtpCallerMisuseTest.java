package dev.jwebrtc.srtp;

import static dev.jwebrtc.srtp.TestPackets.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Caller mistakes throw unchecked exceptions that say what is wrong; stream limits drop or refuse. */
class SrtpCallerMisuseTest {

    private static final SrtpProfile CM = SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80;

    @Test
    void anOutputBufferTooSmallIsRefusedWithSizes() {
        SrtpContext ctx = context(CM);
        ByteBuffer in = ByteBuffer.wrap(TestPackets.rtp(1, 1, 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ctx.protectRtp(in, ByteBuffer.allocate(121)));
        assertTrue(e.getMessage().contains("121") && e.getMessage().contains("122"), e.getMessage());
        assertEquals(0, in.position(), "nothing consumed");
        assertThrows(IllegalArgumentException.class, () -> ctx.protectRtcp(ByteBuffer.wrap(TestPackets.rtcp(1, 1)),
                ByteBuffer.allocate(30)));
    }

    @Test
    void inPlaceProtectWithoutTailRoomIsRefused() {
        SrtpContext ctx = context(CM);
        ByteBuffer exact = ByteBuffer.wrap(TestPackets.rtp(1, 1, 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ctx.protectRtp(exact));
        assertTrue(e.getMessage().contains("10 octets of room"), e.getMessage());
        assertEquals(112, exact.limit());
    }

    @Test
    void protectingSomethingThatIsNotRtpIsRefused() {
        SrtpContext ctx = context(CM);
        ByteBuffer out = ByteBuffer.allocate(100);
        assertThrows(IllegalArgumentException.class, () -> ctx.protectRtp(ByteBuffer.wrap(new byte[20]), out));
        byte[] shortHeader = TestPackets.rtp(1, 1, 0);
        shortHeader[0] = (byte) 0x83; // three CSRCs that are not there
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ctx.protectRtp(ByteBuffer.wrap(shortHeader), out));
        assertTrue(e.getMessage().contains("shorter than its header"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ctx.protectRtcp(ByteBuffer.wrap(new byte[4]), out));
        assertEquals(0, ctx.stats().rtpProtected());
    }

    @Test
    void overlappingBuffersAreRefused() {
        SrtpContext ctx = context(CM);
        byte[] shared = new byte[300];
        System.arraycopy(TestPackets.rtp(1, 1, 100), 0, shared, 0, 112);
        ByteBuffer in = ByteBuffer.wrap(shared, 0, 112);
        ByteBuffer out = ByteBuffer.wrap(shared, 50, 200);
        assertThrows(IllegalArgumentException.class, () -> ctx.protectRtp(in, out.slice()));
    }

    @Test
    void keysOfTheWrongLengthAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SrtpContext.create(CM, new byte[32], new byte[14]));
        assertThrows(IllegalArgumentException.class,
                () -> SrtpContext.create(SrtpProfile.SRTP_AEAD_AES_128_GCM, new byte[16], new byte[14]));
        assertThrows(IllegalArgumentException.class, () -> SrtpOptions.DEFAULT.withRtpReplayWindow(16));
        assertThrows(IllegalArgumentException.class, () -> SrtpOptions.DEFAULT.withRtpReplayWindow(1 << 16));
    }

    @Test
    void aFullStreamTableDropsNewRemoteSsrcsAndRefusesNewLocalOnes() {
        SrtpOptions two = SrtpOptions.DEFAULT.withMaxStreams(2);
        SrtpContext tx = context(CM);
        SrtpContext rx = context(CM, two);
        assertEquals(SrtpResult.OK, TestPackets.unprotectRtp(rx, TestPackets.protectRtp(tx, TestPackets.rtp(1, 1, 10))));
        assertEquals(SrtpResult.OK, TestPackets.unprotectRtp(rx, TestPackets.protectRtp(tx, TestPackets.rtp(2, 1, 10))));
        byte[] third = TestPackets.protectRtp(tx, TestPackets.rtp(3, 1, 10));
        assertEquals(SrtpResult.UNKNOWN_SSRC, TestPackets.unprotectRtp(rx, third));
        assertEquals(SrtpResult.UNKNOWN_SSRC,
                TestPackets.unprotectRtcp(rx, TestPackets.protectRtcp(tx, TestPackets.rtcp(3, 0))));
        assertEquals(2, rx.stats().unknownSsrc());
        assertTrue(rx.removeStream(1));
        assertEquals(SrtpResult.OK, TestPackets.unprotectRtp(rx, third));

        SrtpContext smallTx = context(CM, two);
        TestPackets.protectRtp(smallTx, TestPackets.rtp(1, 1, 10));
        TestPackets.protectRtp(smallTx, TestPackets.rtp(2, 1, 10));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestPackets.protectRtp(smallTx, TestPackets.rtp(3, 1, 10)));
        assertTrue(e.getMessage().contains("removeStream"), e.getMessage());
    }

    @Test
    void protectingTheSameGcmPacketTwiceGivesTheSameBytes() {
        // A retransmission without RTX: the JDK's same-IV guard must not turn it into an exception.
        SrtpContext ctx = context(SrtpProfile.SRTP_AEAD_AES_128_GCM);
        byte[] p = TestPackets.rtp(5, 77, 50);
        byte[] first = TestPackets.protectRtp(ctx, p);
        byte[] again = TestPackets.protectRtp(ctx, p);
        assertEquals(Hex.hex(first), Hex.hex(again));
    }
}
