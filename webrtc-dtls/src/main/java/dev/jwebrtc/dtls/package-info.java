/**
 * DTLS 1.2 for WebRTC on Bouncy Castle: certificates and fingerprints (RFC 8122), an endpoint behind
 * the sans-IO contract, and DTLS-SRTP keying (RFC 5764).
 *
 * <p>Bouncy Castle performs the handshake with blocking calls; this package hides that behind
 * {@code handleReceive/handleTimeout/pollTransmit/pollEvent/pollTimeout} with a queue-backed transport
 * and a small shared daemon pool of {@code jwebrtc-dtls-*} threads that live only while a handshake does.
 *
 * <p>Work item: issue 6 ("webrtc-dtls"). This package holds no classes until that issue lands.
 */
@NullMarked
package dev.jwebrtc.dtls;

import org.jspecify.annotations.NullMarked;
