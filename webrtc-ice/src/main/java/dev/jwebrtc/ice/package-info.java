/**
 * ICE for WebRTC: the STUN/TURN message codec (RFC 8489, RFC 8656) and a sans-IO ICE agent
 * (RFC 8445 full and lite, RFC 8838 trickle, RFC 7675 consent freshness, RFC 8839 SDP attributes).
 *
 * <p>The agent follows the sans-IO contract of the project (see {@code docs/architecture.md}): it owns
 * no socket, thread or clock; {@code webrtc-core} binds sockets and feeds it datagrams and time.
 *
 * <p>Work item: issue 5 ("webrtc-ice"). This package holds no classes until that issue lands.
 */
@NullMarked
package dev.jwebrtc.ice;

import org.jspecify.annotations.NullMarked;
