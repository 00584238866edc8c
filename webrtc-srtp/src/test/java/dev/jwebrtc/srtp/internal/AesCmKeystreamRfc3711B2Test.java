package dev.jwebrtc.srtp.internal;

import static dev.jwebrtc.srtp.Hex.bytes;
import static dev.jwebrtc.srtp.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * RFC 3711 Appendix B.2 (AES-128) and RFC 6188 §7.1 (AES-256): the AES-CM keystream for SSRC 0 and index 0, read off
 * by protecting an RTP packet whose payload is all zeros.
 */
class AesCmKeystreamRfc3711B2Test {

    private static final int HEADER = 12;
    private static final byte[] SALT = bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD");

    private static byte[] keystream(byte[] sessionKey, int length) {
        AesCmHmacCipher cipher = new AesCmHmacCipher(new SessionKeys(sessionKey, SALT, new byte[20]), 10);
        byte[] packet = new byte[HEADER + length + 10];
        packet[0] = (byte) 0x80;
        cipher.protectRtp(packet, 0, HEADER + length, HEADER, packet, 0, 0, 0);
        byte[] out = new byte[length];
        System.arraycopy(packet, HEADER, out, 0, length);
        return out;
    }

    @Test
    void rfc3711B2KeystreamSegmentStartsAndEndsWithTheVectorBlocks() {
        // 1044512 octets = 65282 blocks, counters F0F1...FD0000 through F0F1...FDFF01.
        byte[] ks = keystream(bytes("2B7E151628AED2A6ABF7158809CF4F3C"), 1044512);
        assertEquals("e03ead0935c95e80e166b16dd92b4eb4d23513162b02d0f72a43a2fe4a5f97ab41e95b3bb0a2e8dd477901e4fca894c0",
                hex(ks, 0, 48));
        assertEquals("ec8cdf7398607cb0f2d21675ea9ea1e4362b7c3c6773516318a077d7fc5073ae6a2cc3787889374fbeb4c81b17ba6c44",
                hex(ks, ks.length - 48, ks.length));
    }

    @Test
    void rfc6188Section71Aes256KeystreamMatches() {
        byte[] ks = keystream(bytes("57f82fe3613fd170a85ec93c40b1f092 2ec4cb0dc025b58272147cc438944a98"), 48);
        assertEquals("92bdd28a93c3f52511c677d08b5515a49da71b2378a854f67050756ded165bac63c4868b7096d88421b563b8c94c9a31",
                hex(ks));
    }
}
