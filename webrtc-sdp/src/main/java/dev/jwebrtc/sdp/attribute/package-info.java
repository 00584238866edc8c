/**
 * Typed views of the SDP attributes WebRTC uses, one record per attribute: each publishes an
 * {@link dev.jwebrtc.sdp.AttributeType} as {@code TYPE} (name and parser) and writes itself back with
 * {@code toAttribute()}.
 *
 * <p>Immutable values, safe to share between threads. Parsers accept extra whitespace between fields and fail
 * with {@link dev.jwebrtc.sdp.SdpParseException} (naming the value and what was expected) when a value breaks its
 * grammar; they never throw anything else. RFC 8866, 8839 (candidate, ICE), 8122/8842 (fingerprint, setup,
 * tls-id), 8285 (extmap), 8830 (msid), 5576 (ssrc), 4585 (rtcp-fb), 8851 (rid), 8853 (simulcast),
 * 8841 (sctp-port, max-message-size), 8843 (mid, group, bundle-only).
 */
@NullMarked
package dev.jwebrtc.sdp.attribute;

import org.jspecify.annotations.NullMarked;
