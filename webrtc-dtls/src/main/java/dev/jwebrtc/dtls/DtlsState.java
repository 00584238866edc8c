package dev.jwebrtc.dtls;

/** The life cycle of a {@link DtlsEndpoint}; it only moves forward. */
public enum DtlsState {
    /** Created, {@code start} not called yet. */
    NEW,
    /** Handshake under way (for a server: also while waiting for the first ClientHello). */
    CONNECTING,
    /** Handshake done; application data flows. */
    CONNECTED,
    /** Ended by close_notify (either side) or by {@link DtlsEndpoint#close}. */
    CLOSED,
    /** Handshake failed or a fatal alert ended the connection. */
    FAILED
}
