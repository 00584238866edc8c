package dev.jwebrtc.dtls;

/** Why a handshake failed. */
public enum DtlsFailure {
    /** The overall handshake timeout passed (peer gone, or too much loss). */
    TIMEOUT,
    /** The peer's certificate matched none of the remote fingerprints (we sent bad_certificate). */
    FINGERPRINT_MISMATCH,
    /** The peer sent no certificate although mutual authentication is required. */
    NO_PEER_CERTIFICATE,
    /** The peer sent a fatal alert. */
    PEER_ALERT,
    /** The peer violated the protocol or offered nothing we support (we sent a fatal alert). */
    PROTOCOL_ERROR,
    /** An unexpected local error (a bug, or a crypto provider failure). */
    INTERNAL_ERROR
}
