package dev.jwebrtc.dtls;

/**
 * Which side of the DTLS handshake an endpoint plays. In WebRTC it follows the SDP {@code a=setup} attribute
 * (RFC 8842 §5): {@code active} is the client, {@code passive} the server.
 */
public enum DtlsRole {
    /** Sends the ClientHello. */
    CLIENT,
    /** Waits for the ClientHello and requests the client's certificate. */
    SERVER
}
