package dev.jwebrtc.srtp.internal;

/**
 * The cryptographic transform of one session key set over a byte range, without any state about streams.
 *
 * <p>Source and destination may be the same array at the same offset (in place); otherwise they must not overlap.
 * The destination must have room for the protected packet. A tag that does not verify is a return value of
 * {@code -1}; nothing here throws for packet content.
 */
public sealed interface PacketCipher permits AesCmHmacCipher, AesGcmCipher {

    /** Octets of the authentication tag this cipher appends. */
    int tagLength();

    /**
     * Protects an RTP packet {@code src[srcOff, srcOff + length)} whose header (with CSRCs and extension) is
     * {@code headerLength} octets, into {@code dst[dstOff, dstOff + length + tagLength())}.
     *
     * @param index the 48-bit SRTP packet index {@code ROC * 2^16 + SEQ}
     */
    void protectRtp(byte[] src, int srcOff, int length, int headerLength, byte[] dst, int dstOff, int ssrc, long index);

    /**
     * Verifies and decrypts an SRTP packet of {@code length} octets (tag included) into {@code dst}.
     *
     * @return the plaintext RTP length, or {@code -1} if the tag does not verify (then {@code dst} is unchanged when
     *     it is the source range)
     */
    int unprotectRtp(
            byte[] src, int srcOff, int length, int headerLength, byte[] dst, int dstOff, int ssrc, long index);

    /**
     * Protects a (compound) RTCP packet of {@code length} octets with the E bit set, into
     * {@code dst[dstOff, dstOff + length + 4 + tagLength())}.
     *
     * @param srtcpIndex the 31-bit SRTCP index
     */
    void protectRtcp(byte[] src, int srcOff, int length, byte[] dst, int dstOff, int ssrc, int srtcpIndex);

    /** Offset, from the packet start, of the {@code E || SRTCP index} word in an SRTCP packet of this length. */
    int srtcpIndexOffset(int length);

    /**
     * Verifies an SRTCP packet of {@code length} octets (index word and tag included) and decrypts it if its E bit
     * is set.
     *
     * @return the plaintext RTCP length, or {@code -1} if the tag does not verify
     */
    int unprotectRtcp(byte[] src, int srcOff, int length, byte[] dst, int dstOff, int ssrc);

    /** Big-endian 32-bit read. */
    static int readInt(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    /** Big-endian 32-bit write. */
    static void writeInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
