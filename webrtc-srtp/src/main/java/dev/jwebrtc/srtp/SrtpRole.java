package dev.jwebrtc.srtp;

/**
 * This endpoint's role in the DTLS handshake that produced the keying material. It decides which half of the
 * exported material protects what we send (RFC 5764 §4.2).
 */
public enum SrtpRole {
    /** The DTLS client: sends with {@code client_write_SRTP_master_key} and salt. */
    CLIENT,
    /** The DTLS server: sends with {@code server_write_SRTP_master_key} and salt. */
    SERVER
}
