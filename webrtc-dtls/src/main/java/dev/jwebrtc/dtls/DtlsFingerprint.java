package dev.jwebrtc.dtls;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A certificate fingerprint as carried in the SDP {@code a=fingerprint} attribute (RFC 8122 §5).
 *
 * <p>The value array is copied in and out, so a fingerprint is immutable.
 *
 * @param algorithm the hash function
 * @param value the digest of the DER-encoded certificate
 */
public record DtlsFingerprint(FingerprintAlgorithm algorithm, byte[] value) {

    private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();

    public DtlsFingerprint {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        if (value.length != algorithm.length()) {
            throw new IllegalArgumentException("a " + algorithm.sdpName() + " fingerprint has " + algorithm.length()
                    + " bytes, got " + value.length);
        }
        value = value.clone();
    }

    /** The fingerprint of a DER-encoded certificate. */
    public static DtlsFingerprint of(FingerprintAlgorithm algorithm, byte[] certificateDer) {
        return new DtlsFingerprint(algorithm, algorithm.digest(certificateDer));
    }

    /**
     * Parses the value of an {@code a=fingerprint} attribute: {@code sha-256 AB:CD:...}
     * (RFC 8122 §5: hash-func SP fingerprint, hex pairs separated by colons, either case accepted).
     *
     * @throws IllegalArgumentException naming what is wrong if the text is not a valid fingerprint
     */
    public static DtlsFingerprint parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        int space = trimmed.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("fingerprint '" + text + "' must be '<hash-func> <hex pairs>'");
        }
        FingerprintAlgorithm algorithm = FingerprintAlgorithm.fromSdpName(trimmed.substring(0, space));
        String hex = trimmed.substring(space + 1).strip();
        byte[] value;
        try {
            value = HexFormat.ofDelimiter(":").parseHex(hex.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "fingerprint '" + text + "' has a malformed hex value: " + e.getMessage(), e);
        }
        if (value.length != algorithm.length()) {
            throw new IllegalArgumentException("fingerprint '" + text + "': " + algorithm.sdpName() + " needs "
                    + algorithm.length() + " bytes, got " + value.length);
        }
        return new DtlsFingerprint(algorithm, value);
    }

    /** A copy of the digest bytes. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Whether this fingerprint is the one of the given DER certificate (compared in constant time). */
    public boolean matches(byte[] certificateDer) {
        return MessageDigest.isEqual(value, algorithm.digest(certificateDer));
    }

    /** The SDP form, e.g. {@code sha-256 AB:CD:...} (uppercase hex, as RFC 8122 §5 writes it). */
    public String format() {
        return algorithm.sdpName() + " " + HEX.formatHex(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DtlsFingerprint f && f.algorithm == algorithm && Arrays.equals(f.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return format();
    }
}
