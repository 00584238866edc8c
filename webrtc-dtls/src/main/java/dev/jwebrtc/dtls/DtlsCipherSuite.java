package dev.jwebrtc.dtls;

import java.util.List;
import java.util.Optional;
import org.bouncycastle.tls.CipherSuite;

/**
 * The DTLS 1.2 cipher suites jwebrtc negotiates: ECDHE key agreement with AEAD ciphers only
 * (RFC 8827 §6.5 requires forward secrecy; RFC 9325 §4.2 recommends these suites).
 */
public enum DtlsCipherSuite {
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, true),
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, false),
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, true),
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, false),
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, true),
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, false);

    /** Every suite, in the default preference order (declaration order). */
    public static final List<DtlsCipherSuite> ALL = List.of(values());

    private final int id;
    private final boolean ecdsa;

    DtlsCipherSuite(int id, boolean ecdsa) {
        this.id = id;
        this.ecdsa = ecdsa;
    }

    /** The IANA two-byte code, e.g. 0xC02B. */
    public int id() {
        return id;
    }

    /** Whether the server authenticates with an ECDSA certificate (else RSA). */
    public boolean requiresEcdsaCertificate() {
        return ecdsa;
    }

    /** The suite with the given code, if jwebrtc supports it. */
    public static Optional<DtlsCipherSuite> byId(int id) {
        for (DtlsCipherSuite s : values()) {
            if (s.id == id) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
