/**
 * SCTP for data channels: a pure-Java, sans-IO association (RFC 9260 as profiled by RFC 8261: one path,
 * no multihoming) with partial reliability (RFC 3758), stream reconfiguration (RFC 6525), the zero checksum of
 * RFC 9653, and the data-channel establishment protocol (RFC 8831, RFC 8832).
 *
 * <p>{@link dev.jwebrtc.sctp.SctpAssociation} rides on DTLS: it takes and produces whole SCTP packets, owns no
 * socket, thread or clock, and follows the project's sans-IO contract: {@code handleReceive(nowNanos, packet)},
 * {@code handleTimeout}, {@code pollTransmit}, {@code pollEvent}, {@code pollTimeout}. The receive method has no
 * address parameters: below SCTP sits one DTLS association, which already identifies the peer.
 *
 * <p>Buffers: input packets and message payloads are borrowed for the call and copied; packets returned by
 * {@code pollTransmit} and payload arrays in events belong to the caller. Threading: one thread drives an
 * association; nothing here is synchronised. Bad network input is dropped and counted in
 * {@link dev.jwebrtc.sctp.SctpStats}, never thrown; caller mistakes throw unchecked exceptions naming the problem.
 *
 * <p>Layers: {@code chunk} is the wire model (not exported), {@code internal} the data path (not exported).
 */
@NullMarked
package dev.jwebrtc.sctp;

import org.jspecify.annotations.NullMarked;
