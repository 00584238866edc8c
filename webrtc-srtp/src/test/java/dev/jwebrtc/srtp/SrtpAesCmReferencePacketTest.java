package dev.jwebrtc.srtp;

import static dev.jwebrtc.srtp.Hex.bytes;
import static dev.jwebrtc.srtp.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * A whole AES_CM_128_HMAC_SHA1_80 packet from master key to tag: the RFC 3711 B.3 master key and salt with libsrtp's
 * reference packets (its {@code srtp_validate} driver test), which other SRTP stacks check against too.
 */
class SrtpAesCmReferencePacketTest {

    private static final byte[] MASTER_KEY = bytes("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] MASTER_SALT = bytes("0EC675AD498AFEEBB6960B3AABE6");
    private static final String RTP_PLAIN = "800f1234decafbadcafebabe abababababababababababababababab";
    private static final String RTP_PROTECTED =
            "800f1234decafbadcafebabe 4e55dc4ce79978d88ca4d215949d2402 b78d6acc99ea179b8dbb";
    private static final String RTCP_PLAIN = "81c8000bcafebabe abababababababababababababababab";
    private static final String RTCP_PROTECTED =
            "81c8000bcafebabe 7128035be487b9bdbef89041f977a5a8 80000001 993e08cd54d6c1230798";

    private static SrtpContext context() {
        return SrtpContext.create(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, MASTER_KEY, MASTER_SALT);
    }

    @Test
    void protectsTheReferenceRtpPacket() {
        ByteBuffer out = ByteBuffer.allocate(100);
        assertEquals(38, context().protectRtp(ByteBuffer.wrap(bytes(RTP_PLAIN)), out));
        assertEquals(RTP_PROTECTED.replace(" ", ""), hex(out.array(), 0, out.position()));
    }

    @Test
    void unprotectsTheReferenceRtpPacket() {
        ByteBuffer packet = ByteBuffer.wrap(bytes(RTP_PROTECTED));
        assertEquals(SrtpResult.OK, context().unprotectRtp(packet));
        assertEquals(RTP_PLAIN.replace(" ", ""), hex(packet.array(), 0, packet.limit()));
    }

    @Test
    void protectsTheReferenceRtcpPacketAtSrtcpIndexOne() {
        SrtpContext ctx = context();
        ctx.setNextSrtcpIndex(0xcafebabe, 1);
        ByteBuffer out = ByteBuffer.allocate(100);
        ctx.protectRtcp(ByteBuffer.wrap(bytes(RTCP_PLAIN)), out);
        assertEquals(RTCP_PROTECTED.replace(" ", ""), hex(out.array(), 0, out.position()));
    }

    @Test
    void unprotectsTheReferenceRtcpPacket() {
        ByteBuffer packet = ByteBuffer.wrap(bytes(RTCP_PROTECTED));
        assertEquals(SrtpResult.OK, context().unprotectRtcp(packet));
        assertEquals(RTCP_PLAIN.replace(" ", ""), hex(packet.array(), 0, packet.limit()));
    }

    @Test
    void theThirtyTwoBitProfileKeepsTheFirstFourTagOctets() {
        SrtpContext ctx = SrtpContext.create(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32, MASTER_KEY, MASTER_SALT);
        ByteBuffer out = ByteBuffer.allocate(100);
        assertEquals(32, ctx.protectRtp(ByteBuffer.wrap(bytes(RTP_PLAIN)), out));
        assertEquals(RTP_PROTECTED.replace(" ", "").substring(0, 64), hex(out.array(), 0, out.position()));
    }
}
