/**
 * The Netty UDP edge, and the only package that touches Netty. Not exported.
 *
 * <p><b>Threading.</b> One event loop owns a peer connection for its whole life ({@link
 * dev.jwebrtc.transport.CoreDriver}): received datagrams, the single timer (re-armed to the core's next deadline)
 * and user calls all run there, so the sans-IO core needs no locks. Nothing here blocks a loop; binding a socket
 * synchronously is only done from the caller's thread.
 *
 * <p><b>Buffers.</b> A received datagram's content is lent to the core for the call only and released by Netty
 * afterwards; a transmit's payload is owned by the driver once polled and wrapped, not copied, for the write.
 *
 * <p><b>Sockets.</b> One UDP socket per host-candidate address. With mDNS enabled ({@code RTCSettings.mdnsMode}),
 * also one socket per host interface on port 5353, joined to 224.0.0.251 on that interface ({@code MdnsSockets}):
 * the ICE agent's transmits from {@code 0.0.0.0:5353} go to the group, and what the group says comes back to the
 * agent addressed to the group (RFC 6762, draft-ietf-mmusic-mdns-ice-candidates). In query-only mode these sockets
 * open when a remote {@code .local} candidate first needs resolving; when local host addresses are hidden behind
 * names they open with the connection, to answer queries.
 *
 * <p><b>Shared port.</b> With {@code RTCSettings.sharedUdpPort}, the factory's {@code UdpMux} owns one socket per
 * bind address on that port, on one loop; connections borrow it to send (never closing it) and it hands each received
 * datagram, retained, to its connection's loop, which releases it. Routing: Binding requests by USERNAME ufrag,
 * STUN responses by transaction ID, the rest by remote address (learnt from checks received and datagrams sent).
 *
 * <p><b>Errors.</b> Send failures and datagrams that cannot be routed are counted and logged at DEBUG; an
 * exception out of a core is a bug: logged at ERROR, and the driver closes.
 */
@NullMarked
package dev.jwebrtc.transport;

import org.jspecify.annotations.NullMarked;
