/**
 * Internals of the DTLS endpoint: the queue-backed Bouncy Castle transport, the shared handshake thread pool and a
 * cheap record-framing check. Not exported; nothing here is API.
 *
 * <p>Threading: {@link dev.jwebrtc.dtls.internal.QueuedDatagramTransport} is filled by the driver's thread and read
 * by a handshake thread (blocking) or, after the handshake, by the driver's thread (non-blocking). During the
 * handshake datagrams are copied into the queue and out of BC; after it, the driver's datagram is lent for one call
 * and read straight into BC's record buffer, and the record buffers BC allocates for sending are handed on as they
 * are. Nothing borrowed is kept beyond the call.
 *
 * <p>RFCs: 6347 (DTLS 1.2 record layer).
 */
@NullMarked
package dev.jwebrtc.dtls.internal;

import org.jspecify.annotations.NullMarked;
