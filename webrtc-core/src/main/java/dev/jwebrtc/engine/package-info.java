/**
 * The engine: {@code RtcEngine} composes ICE, DTLS, SRTP, SCTP and RTP under the sans-IO contract,
 * demultiplexes datagrams by their first byte (RFC 7983), and runs the W3C operations chain and the
 * signaling state machine. Not exported; whole-peer tests drive it on the testkit without Netty.
 *
 * <p>Threading: everything here is owned by one peer connection's event loop; nothing is thread-safe and
 * nothing needs to be. Time comes in as {@code long} nanoseconds.
 *
 * <p>Work item: issue 8. In place: the signaling state machine (RFC 8829 §3.2) and the W3C operations chain.
 */
@NullMarked
package dev.jwebrtc.engine;

import org.jspecify.annotations.NullMarked;
