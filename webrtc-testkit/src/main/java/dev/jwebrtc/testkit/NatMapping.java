package dev.jwebrtc.testkit;

/** How a NAT reuses an external mapping (RFC 4787 §4.1). */
public enum NatMapping {
    /** One external port per internal endpoint, whatever the destination (REQ-1 recommends this). */
    ENDPOINT_INDEPENDENT,
    /** A new external port per destination IP address. */
    ADDRESS_DEPENDENT,
    /** A new external port per destination IP address and port ("symmetric NAT"). */
    ADDRESS_AND_PORT_DEPENDENT
}
