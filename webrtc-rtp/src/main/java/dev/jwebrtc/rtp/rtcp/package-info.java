/**
 * RTCP (RFC 3550 §6) in compound and reduced-size form (RFC 5506), one record per packet type: sender and receiver
 * reports, SDES, BYE, APP, generic NACK (RFC 4585 §6.2.1), PLI (RFC 4585 §6.3.1), FIR (RFC 5104 §4.3.1), REMB
 * (draft-alvestrand-rmcat-remb), transport-wide CC feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01) and
 * extended reports with receiver reference time and DLRR blocks (RFC 3611 §4.4, §4.5). Unknown types are kept as
 * bytes.
 *
 * <p>What this layer is: pure codecs. {@link dev.jwebrtc.rtp.rtcp.RtcpCompound} parses a datagram into a list of
 * {@link dev.jwebrtc.rtp.rtcp.RtcpPacket}s and writes a list back; a parsed packet writes back byte-exactly.
 *
 * <p>What it must not do: I/O, threads, timers, or throwing for network input. Malformed datagrams give an empty
 * result and are counted in a {@link dev.jwebrtc.rtp.ParseStats}; values a caller constructs out of range throw
 * {@link IllegalArgumentException} naming the field.
 *
 * <p>Buffers: parsing reads {@code [position, limit)} without moving the position; opaque parts (unknown bodies,
 * SDES values, APP data) are views over the input, valid while it is. Writing goes to the caller's buffer.
 */
@NullMarked
package dev.jwebrtc.rtp.rtcp;

import org.jspecify.annotations.NullMarked;
