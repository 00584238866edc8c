package dev.jwebrtc.testkit;

/**
 * Counters of a whole {@link VirtualNetwork}.
 *
 * @param sent datagrams handed to the network by endpoints (and the STUN server)
 * @param delivered datagrams that reached a host
 * @param linkDropped copies dropped by a link (loss, queue, MTU)
 * @param natDropped datagrams a NAT refused (no mapping, filtering, hairpinning off)
 * @param unroutable datagrams addressed to nobody
 * @param stunAnswered Binding requests the virtual STUN servers answered
 */
public record NetworkStats(long sent, long delivered, long linkDropped, long natDropped, long unroutable,
        long stunAnswered) {}
