/**
 * The public API of jwebrtc, shaped after the W3C WebRTC interfaces: {@code RTCPeerConnectionFactory},
 * {@code RTCPeerConnection}, {@code RTCDataChannel}, {@code RTCConfiguration} and the non-standard
 * {@code RTCSettings}.
 *
 * <p>One-shot operations return {@code CompletableFuture}; ongoing events reach listener interfaces that
 * are passed at creation, called in order and never re-entrantly. Errors are unchecked {@code RTCException}s
 * carrying a W3C error name.
 *
 * <p>Values are immutable records validated on construction, so a bad ICE server URL or an impossible data
 * channel configuration fails where it is written, with the W3C error a browser would give.
 *
 * <p>Work item: issue 8 ("RTCPeerConnection with data channels"). The value types, enums and configuration are
 * here; {@code RTCPeerConnectionFactory}, {@code RTCPeerConnection} and {@code RTCDataChannel} come with the engine.
 */
@NullMarked
package dev.jwebrtc;

import org.jspecify.annotations.NullMarked;
