package dev.jwebrtc.sctp.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The State Cookie (RFC 9260 §5.1.3): everything needed to create the association from a COOKIE ECHO, signed
 * with HMAC-SHA256 under a per-association secret so that the INIT ACK sender keeps no state and can verify it.
 *
 * @param peerCapabilities bit set of {@link #CAP_FORWARD_TSN}, {@link #CAP_RECONFIG}, {@link #CAP_ZERO_CHECKSUM},
 *        {@link #CAP_IDATA}
 * @param tieLocalTag RFC 9260 §5.2.2 tie-tag: our tag of the existing association, 0 if none
 * @param tiePeerTag RFC 9260 §5.2.2 tie-tag: the peer's tag of the existing association, 0 if none
 */
public record StateCookie(long localTag, long peerTag, long localInitialTsn, long peerInitialTsn, long peerRwnd,
        int outboundStreams, int inboundStreams, int peerCapabilities, long tieLocalTag, long tiePeerTag,
        long createdNanos) {

    public static final int CAP_FORWARD_TSN = 1;
    public static final int CAP_RECONFIG = 2;
    public static final int CAP_ZERO_CHECKSUM = 4;
    public static final int CAP_IDATA = 8;

    private static final int BODY_LENGTH = 4 * 5 + 2 + 2 + 1 + 4 + 4 + 8;
    private static final int MAC_LENGTH = 32;

    /** Serialises and signs. */
    public byte[] sign(byte[] key) {
        ByteBuffer b = ByteBuffer.allocate(BODY_LENGTH + MAC_LENGTH);
        b.putInt((int) localTag).putInt((int) peerTag).putInt((int) localInitialTsn).putInt((int) peerInitialTsn)
                .putInt((int) peerRwnd).putShort((short) outboundStreams).putShort((short) inboundStreams)
                .put((byte) peerCapabilities).putInt((int) tieLocalTag).putInt((int) tiePeerTag).putLong(createdNanos);
        b.put(mac(key, b.array(), BODY_LENGTH));
        return b.array();
    }

    /** Verifies the signature and decodes; null when forged, truncated or corrupted. */
    public static @Nullable StateCookie verify(byte[] cookie, byte[] key) {
        if (cookie.length != BODY_LENGTH + MAC_LENGTH) {
            return null;
        }
        byte[] expected = mac(key, cookie, BODY_LENGTH);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(cookie, BODY_LENGTH, cookie.length))) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(cookie);
        return new StateCookie(b.getInt() & 0xFFFF_FFFFL, b.getInt() & 0xFFFF_FFFFL, b.getInt() & 0xFFFF_FFFFL,
                b.getInt() & 0xFFFF_FFFFL, b.getInt() & 0xFFFF_FFFFL, b.getShort() & 0xFFFF, b.getShort() & 0xFFFF,
                b.get() & 0xFF, b.getInt() & 0xFFFF_FFFFL, b.getInt() & 0xFFFF_FFFFL, b.getLong());
    }

    private static byte[] mac(byte[] key, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is a required JDK algorithm", e);
        }
    }
}
