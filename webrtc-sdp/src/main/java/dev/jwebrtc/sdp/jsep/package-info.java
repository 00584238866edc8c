/**
 * JSEP offer/answer rules (RFC 8829) with BUNDLE (RFC 8843), DTLS roles (RFC 8842), SCTP data channels
 * (RFC 8841) and codec, header-extension and direction negotiation (RFC 3264, RFC 8285).
 *
 * <p>A small pure layer the peer connection calls: {@link dev.jwebrtc.sdp.jsep.Jsep#createOffer} and
 * {@link dev.jwebrtc.sdp.jsep.Jsep#createAnswer} turn a {@link dev.jwebrtc.sdp.jsep.LocalState} (and the
 * current descriptions when renegotiating) into a description plus the mid associations. No I/O, no clock, no
 * randomness (session ids and ICE credentials come in), no logging; values are immutable and thread-safe.
 * Descriptions that cannot be negotiated fail with {@link dev.jwebrtc.sdp.jsep.JsepException}; bad local
 * configuration with {@link IllegalArgumentException}.
 *
 * <p>Transport model: one ICE/DTLS transport for everything (max-bundle style). Candidates, when given, go
 * into the answerer's BUNDLE-tag section and into every non-bundle-only section of an offer; other bundled
 * sections carry port 9 and {@code c=IN IP4 0.0.0.0}.
 */
@NullMarked
package dev.jwebrtc.sdp.jsep;

import org.jspecify.annotations.NullMarked;
