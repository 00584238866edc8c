package dev.jwebrtc.srtp.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD AES-GCM for SRTP and SRTCP (RFC 7714 §8 and §9) with a 16-octet tag and a 12-octet salt. Owns one
 * {@code AES/GCM/NoPadding} cipher, re-initialised with a fresh 96-bit IV per packet.
 */
public final class AesGcmCipher implements PacketCipher {

    /** RFC 7714 §12: both AEAD profiles use a 128-bit tag. */
    public static final int TAG_LENGTH = 16;
    private static final int TAG_BITS = 128;
    private static final int RTCP_HEADER = 8;
    private static final int E_BIT = 0x80000000;

    private final Cipher gcm;
    private final SecretKeySpec key;
    private final byte[] salt;
    private final byte[] iv = new byte[12];
    private final byte[] word = new byte[4];
    private byte[] scratch = new byte[0];

    /** @param keys session keys with a 16- or 32-octet key and a 12-octet salt */
    public AesGcmCipher(SessionKeys keys) {
        if (keys.salt().length != 12) {
            throw new IllegalArgumentException("AES-GCM needs a 12-octet salt, was " + keys.salt().length);
        }
        this.salt = keys.salt().clone();
        this.key = new SecretKeySpec(keys.encryptionKey(), "AES");
        try {
            this.gcm = Cipher.getInstance("AES/GCM/NoPadding");
            // Validates the key once; decrypt mode so the JDK's IV-reuse guard does not remember this IV.
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no usable AES/GCM/NoPadding", e);
        }
    }

    @Override
    public int tagLength() {
        return TAG_LENGTH;
    }

    @Override
    public void protectRtp(
            byte[] src, int srcOff, int length, int headerLength, byte[] dst, int dstOff, int ssrc, long index) {
        setIv(ssrc, index);
        try {
            initEncrypt();
            // RFC 7714 §8.2: the whole RTP header, CSRCs and extension included, is the associated data.
            gcm.updateAAD(src, srcOff, headerLength);
            seal(src, srcOff + headerLength, length - headerLength, dst, dstOff + headerLength,
                    src == dst && srcOff != dstOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        copyIfMoved(src, srcOff, dst, dstOff, headerLength);
    }

    @Override
    public int unprotectRtp(
            byte[] src, int srcOff, int length, int headerLength, byte[] dst, int dstOff, int ssrc, long index) {
        setIv(ssrc, index);
        try {
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            gcm.updateAAD(src, srcOff, headerLength);
            open(src, srcOff + headerLength, length - headerLength, dst, dstOff + headerLength);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
        copyIfMoved(src, srcOff, dst, dstOff, headerLength);
        return length - TAG_LENGTH;
    }

    @Override
    public void protectRtcp(byte[] src, int srcOff, int length, byte[] dst, int dstOff, int ssrc, int srtcpIndex) {
        setIv(ssrc, srtcpIndex & StreamState.MAX_SRTCP_INDEX);
        PacketCipher.writeInt(word, 0, E_BIT | srtcpIndex);
        try {
            initEncrypt();
            // RFC 7714 §9.2: AAD = the first 8 octets || E || SRTCP index.
            gcm.updateAAD(src, srcOff, RTCP_HEADER);
            gcm.updateAAD(word, 0, 4);
            seal(src, srcOff + RTCP_HEADER, length - RTCP_HEADER, dst, dstOff + RTCP_HEADER,
                    src == dst && srcOff != dstOff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        copyIfMoved(src, srcOff, dst, dstOff, RTCP_HEADER);
        // RFC 7714 §9.1: ... || ciphertext || tag || E || SRTCP index
        PacketCipher.writeInt(dst, dstOff + length + TAG_LENGTH, E_BIT | srtcpIndex);
    }

    @Override
    public int srtcpIndexOffset(int length) {
        return length - 4;
    }

    @Override
    public int unprotectRtcp(byte[] src, int srcOff, int length, byte[] dst, int dstOff, int ssrc) {
        int indexOff = srtcpIndexOffset(length);
        int w = PacketCipher.readInt(src, srcOff + indexOff);
        boolean encrypted = (w & E_BIT) != 0;
        int plainLength = indexOff - TAG_LENGTH;
        setIv(ssrc, w & ~E_BIT);
        try {
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            if (encrypted) {
                gcm.updateAAD(src, srcOff, RTCP_HEADER);
                gcm.updateAAD(src, srcOff + indexOff, 4);
                open(src, srcOff + RTCP_HEADER, indexOff - RTCP_HEADER, dst, dstOff + RTCP_HEADER);
            } else {
                // RFC 7714 §9.3: without encryption the whole packet and the index word are associated data.
                gcm.updateAAD(src, srcOff, plainLength);
                gcm.updateAAD(src, srcOff + indexOff, 4);
                open(src, srcOff + plainLength, TAG_LENGTH, dst, dstOff + plainLength);
            }
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
        copyIfMoved(src, srcOff, dst, dstOff, encrypted ? RTCP_HEADER : plainLength);
        return plainLength;
    }

    /**
     * Encrypts and appends the tag. The JDK copies a whole backing array when input and output share one at different
     * offsets, so that case goes through the cipher's own scratch array.
     */
    private void seal(byte[] src, int srcOff, int len, byte[] dst, int dstOff, boolean sharedArray)
            throws GeneralSecurityException {
        if (sharedArray) {
            byte[] tmp = scratch(len + TAG_LENGTH);
            int n = gcm.doFinal(src, srcOff, len, tmp, 0);
            System.arraycopy(tmp, 0, dst, dstOff, n);
        } else {
            gcm.doFinal(src, srcOff, len, dst, dstOff);
        }
    }

    /**
     * Verifies and decrypts. Never in place: some JDKs write plaintext over an in-place input before the tag check
     * fails; decrypting into the scratch array and copying after success leaves a rejected packet untouched.
     */
    private void open(byte[] src, int srcOff, int len, byte[] dst, int dstOff) throws GeneralSecurityException {
        if (src == dst) {
            byte[] tmp = scratch(len);
            int n = gcm.doFinal(src, srcOff, len, tmp, 0);
            System.arraycopy(tmp, 0, dst, dstOff, n);
        } else {
            gcm.doFinal(src, srcOff, len, dst, dstOff);
        }
    }

    private byte[] scratch(int len) {
        if (scratch.length < len) {
            scratch = new byte[Math.max(len, 2048)];
        }
        return scratch;
    }

    /**
     * The JDK refuses to encrypt twice in a row under one key and IV. SRTP may legitimately protect the same packet
     * again (a retransmission without RTX): same index, same plaintext, same output, so nothing leaks. Stepping
     * through a throwaway IV resets the guard; nothing is encrypted under it.
     */
    private void initEncrypt() throws GeneralSecurityException {
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        } catch (InvalidAlgorithmParameterException sameIvTwice) {
            byte[] other = iv.clone();
            other[0] ^= 1;
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, other));
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        }
    }

    /**
     * RFC 7714 §8.1: IV = (00 00 || SSRC || ROC || SEQ) XOR salt, with the 48-bit packet index ROC || SEQ.
     * RFC 7714 §9.1: the SRTCP IV has the same layout, with 00 00 || 0 || SRTCP index in place of ROC || SEQ, so it
     * is this IV for the index {@code srtcpIndex} (31 bits, the top 17 bits zero).
     */
    private void setIv(int ssrc, long index) {
        iv[0] = salt[0];
        iv[1] = salt[1];
        iv[2] = (byte) (salt[2] ^ (ssrc >>> 24));
        iv[3] = (byte) (salt[3] ^ (ssrc >>> 16));
        iv[4] = (byte) (salt[4] ^ (ssrc >>> 8));
        iv[5] = (byte) (salt[5] ^ ssrc);
        iv[6] = (byte) (salt[6] ^ (index >>> 40));
        iv[7] = (byte) (salt[7] ^ (index >>> 32));
        iv[8] = (byte) (salt[8] ^ (index >>> 24));
        iv[9] = (byte) (salt[9] ^ (index >>> 16));
        iv[10] = (byte) (salt[10] ^ (index >>> 8));
        iv[11] = (byte) (salt[11] ^ index);
    }

    private static void copyIfMoved(byte[] src, int srcOff, byte[] dst, int dstOff, int len) {
        if (src != dst || srcOff != dstOff) {
            System.arraycopy(src, srcOff, dst, dstOff, len);
        }
    }
}
