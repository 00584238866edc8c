/**
 * Parser, writer and grammar helpers behind {@link dev.jwebrtc.sdp.Sdp}. Not exported.
 *
 * <p>Pure code over strings: no I/O, no threads, no logging of SDP content (it carries ICE credentials).
 * A parser instance is single-use and confined to the calling thread; the writer is stateless.
 * Every malformed input ends in {@link dev.jwebrtc.sdp.SdpParseException}; any other exception is a bug.
 * RFC 8866 §5 and §9 (grammar).
 */
@NullMarked
package dev.jwebrtc.sdp.internal;

import org.jspecify.annotations.NullMarked;
