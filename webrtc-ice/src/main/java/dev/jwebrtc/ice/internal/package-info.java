/**
 * The ICE agent's machinery, not exported: the checklist and pair states (RFC 8445 §6.1.2), connectivity checks
 * and nomination (§7-8), consent freshness (RFC 7675), gathering (§5.1) and the TURN client (RFC 8656).
 *
 * <p>Everything here is single-threaded and owned by one {@link dev.jwebrtc.ice.IceAgent}; no I/O, no clock.
 * Output goes to the agent's transmit and event queues only.
 */
@NullMarked
package dev.jwebrtc.ice.internal;

import org.jspecify.annotations.NullMarked;
