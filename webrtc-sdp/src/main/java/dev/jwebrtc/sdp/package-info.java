/**
 * SDP for WebRTC: a typed model of session descriptions (RFC 8866), a parser and writer that keep
 * every line of a round trip, and typed views of the attributes WebRTC uses ({@link dev.jwebrtc.sdp.attribute}).
 * The JSEP offer/answer rules (RFC 8829) are in {@link dev.jwebrtc.sdp.jsep}.
 *
 * <p>Pure functions over immutable records: no I/O, no threads, no clock; everything is safe to share between
 * threads. {@link dev.jwebrtc.sdp.Sdp#parse(String)} keeps every {@code a=} line verbatim and in order as an
 * {@link dev.jwebrtc.sdp.Attribute}, so unknown attributes survive a round trip; known attributes are checked
 * against their grammar while parsing. Malformed text from a caller fails with the unchecked
 * {@link dev.jwebrtc.sdp.SdpParseException} naming the line number, the line and what was expected; input size
 * and line count are limited ({@link dev.jwebrtc.sdp.SdpParseOptions}). Nothing is logged: SDP carries ICE
 * passwords.
 */
@NullMarked
package dev.jwebrtc.sdp;

import org.jspecify.annotations.NullMarked;
