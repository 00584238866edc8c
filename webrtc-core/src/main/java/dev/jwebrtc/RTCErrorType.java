package dev.jwebrtc;

/**
 * The W3C/WebIDL error names an {@link RTCException} carries, as a browser would reject a promise with them.
 */
public enum RTCErrorType {
    /** {@code InvalidStateError}: the call is not allowed in the current state (closed connection, wrong signaling state). */
    INVALID_STATE("InvalidStateError"),
    /** {@code InvalidAccessError}: the parameters are well formed but not acceptable (TURN without credentials). */
    INVALID_ACCESS("InvalidAccessError"),
    /** {@code SyntaxError}: malformed input (an ICE server URL, an SDP line). */
    SYNTAX("SyntaxError"),
    /** {@code InvalidModificationError}: an attempt to change something that cannot change (the certificates). */
    INVALID_MODIFICATION("InvalidModificationError"),
    /** {@code OperationError}: the operation failed for a reason not covered by another name (negotiation failed). */
    OPERATION("OperationError"),
    /** {@code NotSupportedError}: a valid request this implementation does not support. */
    NOT_SUPPORTED("NotSupportedError"),
    /** {@code TypeError}: the argument is of the wrong type or out of its domain (both maxRetransmits and maxPacketLifeTime). */
    TYPE("TypeError"),
    /** {@code RangeError}: a number out of range. */
    RANGE("RangeError");

    private final String w3cName;

    RTCErrorType(String w3cName) {
        this.w3cName = w3cName;
    }

    /** The name a browser would use, such as {@code InvalidStateError}. */
    public String w3cName() {
        return w3cName;
    }
}
