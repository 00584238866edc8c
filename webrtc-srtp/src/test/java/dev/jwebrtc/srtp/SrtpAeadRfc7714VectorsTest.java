package dev.jwebrtc.srtp;

import static dev.jwebrtc.srtp.Hex.bytes;
import static dev.jwebrtc.srtp.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.srtp.internal.SessionKeys;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * RFC 7714 §16 (AEAD_AES_128_GCM) and §17 (AEAD_AES_256_GCM) test vectors. The RFC gives session keys, not master
 * keys; SRTP uses SSRC 0x5501a0b2, ROC 0, SEQ 0xf17b, SRTCP uses SSRC 0x4d617273 and SRTCP index 0x5d4.
 */
class SrtpAeadRfc7714VectorsTest {

    private static final byte[] KEY_128 = bytes("000102030405060708090a0b0c0d0e0f");
    private static final byte[] KEY_256 = bytes("000102030405060708090a0b0c0d0e0f 101112131415161718191a1b1c1d1e1f");
    private static final byte[] SALT = bytes("517569642070726f2071756f");
    private static final int RTCP_SSRC = 0x4d617273;
    private static final int RTCP_INDEX = 0x5d4;

    private static final String RTP_PLAIN = "8040f17b8041f8d35501a0b2"
            + "47616c6c69612065737420 6f6d6e697320646976 69736120696e207061727465732074726573";
    private static final String RTCP_PLAIN = "81c8000d4d617273 4e5450314e545032 525450200000042a 0000e9304c756e61"
            + "deadbeefdeadbeef deadbeefdeadbeef deadbeef";

    private static final String RTP_128 = "8040f17b8041f8d35501a0b2 f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f"
            + "42a5f47a51c7d19b36de3adf8833899d7f27beb16a9152cf765ee4390cce";
    private static final String RTCP_128 = "81c8000d4d617273 63e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1"
            + "730d6fda4ce09b4686303ded0bb9275bc84aa45896cf4d2fc5abf87245d9eade 800005d4";
    private static final String RTCP_128_AUTH_ONLY = RTCP_PLAIN + "841dd9683dd78ec92ae58790125f62b3 000005d4";

    private static final String RTP_256 = "8040f17b8041f8d35501a0b2 32b1de78a822fe12ef9f78fa332e33aab18012389a58e2f3"
            + "b50b2a0276ffae0f1ba63799b87b7aa3db36dfffd6b0f9bb7878d7a76c13";
    private static final String RTCP_256 = "81c8000d4d617273 d50ae4d1f5ce5d304ba297e47d470c282c3ece5dbffe0a50a2eaa5c1"
            + "110555be8415f658c61de0476f1b6fad1d1eb30c4446839f57ff6f6cb26ac3be 800005d4";
    private static final String RTCP_256_AUTH_ONLY = RTCP_PLAIN + "91db4afbfeee5a978fab4393ed2615fe 000005d4";

    private static SrtpContext context(SrtpProfile profile, byte[] key) {
        SessionKeys keys = new SessionKeys(key, SALT, new byte[0]);
        return SrtpContext.fromSessionKeys(profile, keys, keys, SrtpOptions.DEFAULT);
    }

    private static String protectRtp(SrtpContext ctx, String plain) {
        ByteBuffer out = ByteBuffer.allocate(2048);
        ctx.protectRtp(ByteBuffer.wrap(bytes(plain)), out);
        return hex(out.array(), 0, out.position());
    }

    private static String unprotectRtp(SrtpContext ctx, String protectedHex) {
        ByteBuffer out = ByteBuffer.allocate(2048);
        assertEquals(SrtpResult.OK, ctx.unprotectRtp(ByteBuffer.wrap(bytes(protectedHex)), out));
        return hex(out.array(), 0, out.position());
    }

    private static String protectRtcp(SrtpContext ctx, String plain) {
        ctx.setNextSrtcpIndex(RTCP_SSRC, RTCP_INDEX);
        ByteBuffer out = ByteBuffer.allocate(2048);
        ctx.protectRtcp(ByteBuffer.wrap(bytes(plain)), out);
        return hex(out.array(), 0, out.position());
    }

    private static String unprotectRtcp(SrtpContext ctx, String protectedHex) {
        ByteBuffer out = ByteBuffer.allocate(2048);
        assertEquals(SrtpResult.OK, ctx.unprotectRtcp(ByteBuffer.wrap(bytes(protectedHex)), out));
        return hex(out.array(), 0, out.position());
    }

    private static String norm(String hex) {
        return hex.replace(" ", "");
    }

    @Test
    void rfc7714Section16SrtpEncryption() {
        assertEquals(norm(RTP_128), protectRtp(context(SrtpProfile.SRTP_AEAD_AES_128_GCM, KEY_128), RTP_PLAIN));
    }

    @Test
    void rfc7714Section16SrtpDecryption() {
        assertEquals(norm(RTP_PLAIN), unprotectRtp(context(SrtpProfile.SRTP_AEAD_AES_128_GCM, KEY_128), RTP_128));
    }

    @Test
    void rfc7714Section16SrtcpEncryption() {
        assertEquals(norm(RTCP_128), protectRtcp(context(SrtpProfile.SRTP_AEAD_AES_128_GCM, KEY_128), RTCP_PLAIN));
    }

    @Test
    void rfc7714Section16SrtcpDecryption() {
        assertEquals(norm(RTCP_PLAIN), unprotectRtcp(context(SrtpProfile.SRTP_AEAD_AES_128_GCM, KEY_128), RTCP_128));
    }

    @Test
    void rfc7714Section16SrtcpAuthenticationOnlyDecryption() {
        assertEquals(norm(RTCP_PLAIN),
                unprotectRtcp(context(SrtpProfile.SRTP_AEAD_AES_128_GCM, KEY_128), RTCP_128_AUTH_ONLY));
    }

    @Test
    void rfc7714Section17SrtpEncryption() {
        assertEquals(norm(RTP_256), protectRtp(context(SrtpProfile.SRTP_AEAD_AES_256_GCM, KEY_256), RTP_PLAIN));
    }

    @Test
    void rfc7714Section17SrtpDecryption() {
        assertEquals(norm(RTP_PLAIN), unprotectRtp(context(SrtpProfile.SRTP_AEAD_AES_256_GCM, KEY_256), RTP_256));
    }

    @Test
    void rfc7714Section17SrtcpEncryption() {
        assertEquals(norm(RTCP_256), protectRtcp(context(SrtpProfile.SRTP_AEAD_AES_256_GCM, KEY_256), RTCP_PLAIN));
    }

    @Test
    void rfc7714Section17SrtcpDecryption() {
        assertEquals(norm(RTCP_PLAIN), unprotectRtcp(context(SrtpProfile.SRTP_AEAD_AES_256_GCM, KEY_256), RTCP_256));
    }

    @Test
    void rfc7714Section17SrtcpAuthenticationOnlyDecryption() {
        assertEquals(norm(RTCP_PLAIN),
                unprotectRtcp(context(SrtpProfile.SRTP_AEAD_AES_256_GCM, KEY_256), RTCP_256_AUTH_ONLY));
    }

    @Test
    void rfc7714VectorsAlsoPassInPlaceOnDirectBuffers() {
        SrtpContext ctx = context(SrtpProfile.SRTP_AEAD_AES_128_GCM, KEY_128);
        byte[] plain = bytes(RTP_PLAIN);
        ByteBuffer direct = ByteBuffer.allocateDirect(plain.length + 16);
        direct.put(plain).flip();
        ctx.protectRtp(direct);
        byte[] got = new byte[direct.remaining()];
        direct.get(direct.position(), got);
        assertEquals(norm(RTP_128), hex(got));

        SrtpContext rx = context(SrtpProfile.SRTP_AEAD_AES_128_GCM, KEY_128);
        assertEquals(SrtpResult.OK, rx.unprotectRtp(direct));
        byte[] back = new byte[direct.remaining()];
        direct.get(direct.position(), back);
        assertEquals(norm(RTP_PLAIN), hex(back));
    }
}
