/**
 * ICE for WebRTC: a sans-IO {@link dev.jwebrtc.ice.IceAgent} (RFC 8445 full and lite, RFC 8838 trickle,
 * RFC 7675 consent freshness), its configuration, candidates and credentials with their RFC 8839 SDP forms,
 * and the events it reports as a sealed interface of records.
 *
 * <p>The agent owns no socket, thread, clock or unseeded randomness: {@code webrtc-core} binds sockets, passes
 * their addresses to {@link dev.jwebrtc.ice.IceAgent#gather}, feeds datagrams and time in, and sends the
 * {@link dev.jwebrtc.ice.Transmit}s it polls. Rules:
 * <ul>
 *   <li>One thread at a time; nothing blocks; time is {@code long} nanoseconds from the driver.</li>
 *   <li>Input buffers are borrowed for the call; transmits and events are owned by whoever polls them.</li>
 *   <li>Bad remote input never throws: it is dropped, counted and logged at DEBUG. Misuse (a call after close,
 *       an unresolved server address) throws {@link IllegalStateException} or {@link IllegalArgumentException}.</li>
 *   <li>Logs never carry passwords; per-packet detail is TRACE only.</li>
 * </ul>
 * The wire formats are in {@code dev.jwebrtc.ice.stun}; checklist, pairs, timers and the TURN client live in a
 * non-exported internal package.
 */
@NullMarked
package dev.jwebrtc.ice;

import org.jspecify.annotations.NullMarked;
