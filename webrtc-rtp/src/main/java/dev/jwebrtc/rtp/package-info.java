/**
 * RTP packets (RFC 3550 §5) and header extensions (RFC 8285, one-byte and two-byte forms), with the typed extensions
 * WebRTC negotiates: {@code sdes:mid} (RFC 8843), {@code rtp-stream-id} and {@code repaired-rtp-stream-id}
 * (RFC 8852), {@code abs-send-time}, transport-wide sequence numbers (draft-holmer-rmcat-transport-wide-cc-extensions-01),
 * {@code ssrc-audio-level} (RFC 6464), {@code toffset} (RFC 5450), {@code playout-delay} and
 * {@code urn:3gpp:video-orientation}.
 *
 * <p>What this layer is: pure value types and codecs. {@link dev.jwebrtc.rtp.RtpPacket#parse} reads a packet without
 * copying its payload; {@link dev.jwebrtc.rtp.RtpPacket#writeTo} writes into a caller's buffer.
 * {@link dev.jwebrtc.rtp.HeaderExtensionMap} maps negotiated {@code a=extmap} ids to the typed values;
 * {@link dev.jwebrtc.rtp.RtpStreamRewriter} renumbers forwarded packets into a new stream.
 *
 * <p>What it must not do: I/O, threads, timers, or throwing for network input. Parsing returns an empty
 * {@code Optional} for malformed bytes and counts the reason in a {@link dev.jwebrtc.rtp.ParseStats} when one is
 * given; only caller mistakes (a payload type of 200, an extension id of 0) throw {@link IllegalArgumentException}
 * naming the field.
 *
 * <p>Buffers: parsing reads {@code [position, limit)} of the input without moving its position and returns views
 * over it (payload, extension body). Input is borrowed for the call, so a caller that keeps a packet past the call
 * copies it ({@link dev.jwebrtc.rtp.RtpPacket#copy()}). Records holding {@code ByteBuffer}s compare by remaining
 * content. Values are immutable apart from those views; they are safe to share once the underlying bytes stop changing.
 */
@NullMarked
package dev.jwebrtc.rtp;

import org.jspecify.annotations.NullMarked;
