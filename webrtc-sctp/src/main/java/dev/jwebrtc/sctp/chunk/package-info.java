/**
 * The SCTP wire model: one record per chunk type (RFC 9260 §3.3, RFC 3758, RFC 6525, RFC 8260, RFC 4820) and per
 * parameter type, error causes, and {@link dev.jwebrtc.sctp.chunk.SctpPacket} with the CRC32C checksum
 * (JDK {@code java.util.zip.CRC32C}) and the zero-checksum option of RFC 9653.
 *
 * <p>This layer is pure: no state, no time, no logging. Decoders take borrowed buffers and copy every byte they
 * keep, so a caller may reuse its buffer as soon as a decode returns. Encoders write into caller-supplied buffers
 * or return fresh arrays owned by the caller. Records holding a {@code byte[]} own it; callers must not change it.
 *
 * <p>Malformed network input raises {@link dev.jwebrtc.sctp.chunk.MalformedPacketException} (no stack trace,
 * cheap) and nothing else; the association turns it into a dropped, counted packet. This package is not exported:
 * it is an implementation detail of {@code dev.jwebrtc.sctp}.
 */
@NullMarked
package dev.jwebrtc.sctp.chunk;

import org.jspecify.annotations.NullMarked;
