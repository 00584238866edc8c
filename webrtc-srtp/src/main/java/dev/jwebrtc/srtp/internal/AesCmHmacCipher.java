package dev.jwebrtc.srtp.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 counter mode (RFC 3711 §4.1.1) with an HMAC-SHA1 tag truncated to {@code tagLength} octets (§4.2.1).
 * Owns one {@code AES/CTR/NoPadding} cipher and one {@code HmacSHA1} MAC, initialised once and reused.
 */
public final class AesCmHmacCipher implements PacketCipher {

    private static final int RTCP_HEADER = 8;
    private static final int E_BIT = 0x80000000;

    private final Cipher ctr;
    private final Mac mac;
    private final SecretKeySpec key;
    private final byte[] salt;
    private final int tagLength;
    private final byte[] iv = new byte[16];
    private final byte[] word = new byte[4];
    private final byte[] digest = new byte[20];
    private byte[] scratch = new byte[0];

    /**
     * @param keys      session keys with a 14-octet salt and a 20-octet authentication key
     * @param tagLength octets of the HMAC-SHA1 output kept (10 or 4)
     */
    public AesCmHmacCipher(SessionKeys keys, int tagLength) {
        if (keys.salt().length != 14 || keys.authKey().length != 20) {
            throw new IllegalArgumentException("AES-CM needs a 14-octet salt and a 20-octet auth key");
        }
        this.salt = keys.salt().clone();
        this.tagLength = tagLength;
        this.key = new SecretKeySpec(keys.encryptionKey(), "AES");
        try {
            this.ctr = Cipher.getInstance("AES/CTR/NoPadding");
            this.mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(keys.authKey(), "HmacSHA1"));
            // Validates the key once, so later inits with a new IV cannot fail on it.
            ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no usable AES/CTR or HmacSHA1", e);
        }
    }

    @Override
    public int tagLength() {
        return tagLength;
    }

    @Override
    public void protectRtp(
            byte[] src, int srcOff, int length, int headerLength, byte[] dst, int dstOff, int ssrc, long index) {
        copyIfMoved(src, srcOff, dst, dstOff, headerLength);
        crypt(src, srcOff + headerLength, length - headerLength, dst, dstOff + headerLength, ssrc, index);
        // RFC 3711 §4.2: the authenticated portion is the packet followed by the ROC.
        mac.update(dst, dstOff, length);
        PacketCipher.writeInt(word, 0, (int) (index >>> 16));
        mac.update(word, 0, 4);
        finishTag(dst, dstOff + length);
    }

    @Override
    public int unprotectRtp(
            byte[] src, int srcOff, int length, int headerLength, byte[] dst, int dstOff, int ssrc, long index) {
        int authenticated = length - tagLength;
        mac.update(src, srcOff, authenticated);
        PacketCipher.writeInt(word, 0, (int) (index >>> 16));
        mac.update(word, 0, 4);
        if (!verifyTag(src, srcOff + authenticated)) {
            return -1;
        }
        copyIfMoved(src, srcOff, dst, dstOff, headerLength);
        crypt(src, srcOff + headerLength, authenticated - headerLength, dst, dstOff + headerLength, ssrc, index);
        return authenticated;
    }

    @Override
    public void protectRtcp(byte[] src, int srcOff, int length, byte[] dst, int dstOff, int ssrc, int srtcpIndex) {
        copyIfMoved(src, srcOff, dst, dstOff, RTCP_HEADER);
        // RFC 3711 §3.4: the first 8 octets stay clear; the IV uses the SRTCP index in place of the packet index.
        crypt(src, srcOff + RTCP_HEADER, length - RTCP_HEADER, dst, dstOff + RTCP_HEADER, ssrc, srtcpIndex);
        PacketCipher.writeInt(dst, dstOff + length, E_BIT | srtcpIndex);
        mac.update(dst, dstOff, length + 4);
        finishTag(dst, dstOff + length + 4);
    }

    @Override
    public int srtcpIndexOffset(int length) {
        // RFC 3711 §3.4: ... || E || SRTCP index || (MKI) || authentication tag
        return length - tagLength - 4;
    }

    @Override
    public int unprotectRtcp(byte[] src, int srcOff, int length, byte[] dst, int dstOff, int ssrc) {
        int indexOff = srtcpIndexOffset(length);
        mac.update(src, srcOff, indexOff + 4);
        if (!verifyTag(src, srcOff + indexOff + 4)) {
            return -1;
        }
        int w = PacketCipher.readInt(src, srcOff + indexOff);
        if ((w & E_BIT) != 0) {
            copyIfMoved(src, srcOff, dst, dstOff, RTCP_HEADER);
            crypt(src, srcOff + RTCP_HEADER, indexOff - RTCP_HEADER, dst, dstOff + RTCP_HEADER, ssrc, w & ~E_BIT);
        } else {
            copyIfMoved(src, srcOff, dst, dstOff, indexOff);
        }
        return indexOff;
    }

    /** RFC 3711 §4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16); the keystream is XORed over the range. */
    private void crypt(byte[] src, int srcOff, int len, byte[] dst, int dstOff, int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        iv[8] ^= (byte) (index >>> 40);
        iv[9] ^= (byte) (index >>> 32);
        iv[10] ^= (byte) (index >>> 24);
        iv[11] ^= (byte) (index >>> 16);
        iv[12] ^= (byte) (index >>> 8);
        iv[13] ^= (byte) index;
        try {
            ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            if (len > 0 && src == dst) {
                // The JDK copies an in-place input into a fresh array on every call; use ours instead.
                if (scratch.length < len) {
                    scratch = new byte[Math.max(len, 2048)];
                }
                ctr.doFinal(src, srcOff, len, scratch, 0);
                System.arraycopy(scratch, 0, dst, dstOff, len);
            } else if (len > 0) {
                ctr.doFinal(src, srcOff, len, dst, dstOff);
            }
        } catch (InvalidKeyException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("AES-CTR rejected a key it accepted before", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
    }

    private void finishTag(byte[] dst, int off) {
        try {
            mac.doFinal(digest, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 failed", e);
        }
        // RFC 3711 §4.2.1: the tag is the leftmost n_tag bits of the HMAC.
        System.arraycopy(digest, 0, dst, off, tagLength);
    }

    /** Finishes the MAC and compares its leftmost octets with the received tag in constant time. */
    private boolean verifyTag(byte[] src, int tagOff) {
        try {
            mac.doFinal(digest, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 failed", e);
        }
        int diff = 0;
        for (int i = 0; i < tagLength; i++) {
            diff |= digest[i] ^ src[tagOff + i];
        }
        return diff == 0;
    }

    private static void copyIfMoved(byte[] src, int srcOff, byte[] dst, int dstOff, int len) {
        if (src != dst || srcOff != dstOff) {
            System.arraycopy(src, srcOff, dst, dstOff, len);
        }
    }
}
