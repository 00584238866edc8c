package dev.jwebrtc.testkit;

/** Which inbound packets a NAT lets through an existing mapping (RFC 4787 §5). */
public enum NatFiltering {
    /** Any external endpoint may send to the mapping. */
    ENDPOINT_INDEPENDENT,
    /** Only IP addresses the internal endpoint has sent to through this mapping. */
    ADDRESS_DEPENDENT,
    /** Only IP address and port pairs the internal endpoint has sent to through this mapping. */
    ADDRESS_AND_PORT_DEPENDENT
}
