/**
 * Deterministic simulation for sans-IO protocol cores.
 *
 * <p>Every protocol core of jwebrtc (ICE agent, DTLS endpoint, SCTP association, the composed engine)
 * takes time as an argument and returns datagrams, events and its next deadline instead of touching a
 * socket or a clock. This package supplies the other half: a {@link dev.jwebrtc.testkit.VirtualClock}
 * that only the test moves, a seeded link emulator ({@link dev.jwebrtc.testkit.Netem}), a virtual
 * network of hosts and NAT routers that behave as RFC 4787 describes
 * ({@link dev.jwebrtc.testkit.VirtualNetwork}) with built-in STUN (RFC 8489) and TURN (RFC 8656,
 * {@link dev.jwebrtc.testkit.TurnServer}) servers, and a
 * {@link dev.jwebrtc.testkit.Stepper} that jumps time straight to the next deadline or packet arrival.
 *
 * <p>Rules:
 * <ul>
 *   <li>No threads, no sleeps, no wall clock. A minute of simulated call under loss runs in milliseconds.</li>
 *   <li>All randomness comes from one seed. The same seed and the same inputs give the same packet
 *       schedule, bit for bit; a failure prints the seed, and {@code -Djwebrtc.seed=<seed>} replays it.</li>
 *   <li>Buffers handed to an endpoint's {@code handleReceive} are fresh copies the endpoint may read during
 *       the call only; datagrams taken from {@code pollTransmit} are copied before they travel.</li>
 *   <li>Nothing here opens a socket: addresses are labels inside the simulation, even when they look
 *       like private or public IPs.</li>
 * </ul>
 */
@NullMarked
package dev.jwebrtc.testkit;

import org.jspecify.annotations.NullMarked;
