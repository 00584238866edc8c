package dev.jwebrtc.srtp;

/**
 * The two contexts one DTLS-SRTP handshake yields.
 *
 * @param local  protects what this endpoint sends (keyed with its own write key and salt)
 * @param remote unprotects what the peer sends (keyed with the peer's write key and salt)
 */
public record SrtpContextPair(SrtpContext local, SrtpContext remote) {
}
