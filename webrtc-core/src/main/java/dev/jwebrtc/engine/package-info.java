/**
 * The engine: {@code RtcEngine} composes ICE, DTLS, SRTP, SCTP and RTP under the sans-IO contract,
 * demultiplexes datagrams by their first byte (RFC 7983), and runs the W3C operations chain and the
 * signaling state machine. Not exported; whole-peer tests drive it on the testkit without Netty.
 *
 * <p>Work item: issue 8. This package holds no classes until then.
 */
@NullMarked
package dev.jwebrtc.engine;

import org.jspecify.annotations.NullMarked;
