package dev.jwebrtc.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The hash functions a certificate fingerprint may use in SDP (RFC 8122 §5, "hash-func").
 *
 * <p>SHA-256 is what every current browser writes; SHA-1 and SHA-224 are accepted when reading a remote
 * description because RFC 8122 still lists them. MD5 and MD2 are not supported at all.
 */
public enum FingerprintAlgorithm {
    SHA_1("sha-1", "SHA-1", 20),
    SHA_224("sha-224", "SHA-224", 28),
    SHA_256("sha-256", "SHA-256", 32),
    SHA_384("sha-384", "SHA-384", 48),
    SHA_512("sha-512", "SHA-512", 64);

    private final String sdpName;
    private final String jcaName;
    private final int length;

    FingerprintAlgorithm(String sdpName, String jcaName, int length) {
        this.sdpName = sdpName;
        this.jcaName = jcaName;
        this.length = length;
    }

    /** The token used in the SDP {@code a=fingerprint} attribute, e.g. {@code sha-256}. */
    public String sdpName() {
        return sdpName;
    }

    /** The digest length in bytes. */
    public int length() {
        return length;
    }

    /** Hashes {@code data} with this algorithm. */
    public byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(jcaName).digest(data);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE runtime must provide SHA-1/224/256/384/512.
            throw new IllegalStateException("JDK lacks " + jcaName, e);
        }
    }

    /**
     * The algorithm named by an SDP hash-func token, ignoring case (RFC 8122 §5: the token is case-insensitive).
     *
     * @throws IllegalArgumentException if the name is unknown or not supported (md5, md2)
     */
    public static FingerprintAlgorithm fromSdpName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (FingerprintAlgorithm a : values()) {
            if (a.sdpName.equals(lower)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unsupported fingerprint hash function '" + name
                + "' (supported: sha-1, sha-224, sha-256, sha-384, sha-512)");
    }
}
