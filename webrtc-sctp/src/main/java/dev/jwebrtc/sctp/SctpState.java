package dev.jwebrtc.sctp;

/** Association states of RFC 9260 §4. */
public enum SctpState {
    CLOSED,
    COOKIE_WAIT,
    COOKIE_ECHOED,
    ESTABLISHED,
    SHUTDOWN_PENDING,
    SHUTDOWN_SENT,
    SHUTDOWN_RECEIVED,
    SHUTDOWN_ACK_SENT;

    /** States in which DATA may be sent or received. */
    boolean carriesData() {
        return this == ESTABLISHED || this == SHUTDOWN_PENDING || this == SHUTDOWN_SENT || this == SHUTDOWN_RECEIVED;
    }
}
