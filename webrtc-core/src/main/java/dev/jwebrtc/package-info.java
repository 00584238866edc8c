/**
 * The public API of jwebrtc, shaped after the W3C WebRTC interfaces: {@code RTCPeerConnectionFactory},
 * {@code RTCPeerConnection}, {@code RTCDataChannel}, {@code RTCConfiguration} and the non-standard
 * {@code RTCSettings}.
 *
 * <p>One-shot operations return {@code CompletableFuture}; ongoing events reach listener interfaces that
 * are passed at creation, called in order and never re-entrantly. Errors are unchecked {@code RTCException}s
 * carrying a W3C error name.
 *
 * <p>Work item: issue 8 ("RTCPeerConnection with data channels"). This package holds no classes until then.
 */
@NullMarked
package dev.jwebrtc;

import org.jspecify.annotations.NullMarked;
