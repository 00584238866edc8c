/**
 * Internals of the DTLS endpoint: the queue-backed Bouncy Castle transport, the shared handshake thread pool and a
 * cheap record-framing check. Not exported; nothing here is API.
 *
 * <p>Threading: {@link dev.jwebrtc.dtls.internal.QueuedDatagramTransport} is filled by the driver's thread and read
 * by a handshake thread (blocking) or, after the handshake, by the driver's thread (non-blocking). Datagrams are
 * copied on the way in and on the way out; nothing borrowed is kept.
 *
 * <p>RFCs: 6347 (DTLS 1.2 record layer).
 */
@NullMarked
package dev.jwebrtc.dtls.internal;

import org.jspecify.annotations.NullMarked;
