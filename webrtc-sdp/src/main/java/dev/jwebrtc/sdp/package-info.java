/**
 * SDP for WebRTC: a typed model of session descriptions (RFC 8866), a parser and writer that keep
 * every line of a round trip, and the JSEP offer/answer rules (RFC 8829) with BUNDLE (RFC 8843),
 * DTLS (RFC 8842) and SCTP (RFC 8841) negotiation.
 *
 * <p>Pure functions over immutable records: no I/O, no threads, no clock. Malformed text from a caller
 * fails with an unchecked {@code SdpParseException} naming the line number, the line and what was expected.
 *
 * <p>Work item: issue 3 ("webrtc-sdp"). This package holds no classes until that issue lands.
 */
@NullMarked
package dev.jwebrtc.sdp;

import org.jspecify.annotations.NullMarked;
