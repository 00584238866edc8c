package dev.jwebrtc;

/** W3C {@code RTCIceTransportPolicy}: which candidates ICE may use. */
public enum RTCIceTransportPolicy {
    /** Every candidate type. */
    ALL,
    /** Only relayed (TURN) candidates, hiding the host's addresses from the remote peer. */
    RELAY
}
