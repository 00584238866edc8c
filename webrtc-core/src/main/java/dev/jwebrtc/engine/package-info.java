/**
 * The engine: {@code RtcEngine} composes ICE, DTLS, SRTP, SCTP and RTP under the sans-IO contract,
 * demultiplexes datagrams by their first byte (RFC 7983), and runs the W3C operations chain and the
 * signaling state machine. Not exported; whole-peer tests drive it on the testkit without Netty.
 *
 * <p>Threading: everything here is owned by one peer connection's event loop; nothing is thread-safe and
 * nothing needs to be. Time comes in as {@code long} nanoseconds.
 *
 * <p>In place (issue 8): {@link dev.jwebrtc.engine.RtcEngine} with JSEP offer/answer, ICE, DTLS, SCTP and data
 * channels composed by {@link dev.jwebrtc.engine.Transports}, the signaling state machine (RFC 8829 §3.2) and the W3C
 * operations chain. Whole-engine tests run two engines on the testkit's virtual network. Not yet: ICE restart,
 * renegotiation beyond the first exchange, stats, media (issue 9).
 *
 * <p>The DTLS handshake runs on Bouncy Castle's blocking code on a pool thread ({@code webrtc-dtls}); the engine
 * reports that through {@code busy()} so that the testkit's stepper waits for it, and picks the handshake's output up
 * in its poll methods.
 */
@NullMarked
package dev.jwebrtc.engine;

import org.jspecify.annotations.NullMarked;
