/**
 * The STUN and TURN wire formats: {@link dev.jwebrtc.ice.stun.StunMessage} (RFC 8489 §5-6) with one record per
 * attribute (RFC 8489 §14, RFC 8656 §18, RFC 8445 §16.1), {@link dev.jwebrtc.ice.stun.ChannelData}
 * (RFC 8656 §12.4), the keys for MESSAGE-INTEGRITY ({@link dev.jwebrtc.ice.stun.StunKeys}) and first-byte
 * demultiplexing ({@link dev.jwebrtc.ice.stun.PacketKind}, RFC 7983).
 *
 * <p>This layer is a pure codec: no state, no I/O, no clock, no logging of packet contents. It must not know
 * about ICE or TURN procedures; those live in {@code dev.jwebrtc.ice}.
 *
 * <p>Contract:
 * <ul>
 *   <li>Decoding never throws on bad input: {@code decode} returns empty for truncated, oversized or otherwise
 *       malformed bytes. Unknown attributes are kept as {@link dev.jwebrtc.ice.stun.UnknownAttribute} so that a
 *       request with unknown comprehension-required attributes can be answered with 420.</li>
 *   <li>Input buffers are borrowed: decoding copies what it keeps and does not move the buffer's position.</li>
 *   <li>Records holding bytes copy them in and out; all types are immutable and thread-safe.</li>
 *   <li>Bad caller input (an out-of-range value, an unresolved address) throws {@link IllegalArgumentException}
 *       naming the attribute.</li>
 * </ul>
 */
@NullMarked
package dev.jwebrtc.ice.stun;

import org.jspecify.annotations.NullMarked;
