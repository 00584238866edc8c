package dev.jwebrtc;

import java.util.Objects;

/**
 * The unchecked exception of the jwebrtc API, named after the W3C error a browser would raise for the same
 * mistake. Thrown directly for a synchronous call, or completing a {@code CompletableFuture} exceptionally.
 */
public final class RTCException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RTCErrorType type;

    public RTCException(RTCErrorType type, String message) {
        super(type.w3cName() + ": " + message);
        this.type = Objects.requireNonNull(type, "type");
    }

    public RTCException(RTCErrorType type, String message, Throwable cause) {
        super(type.w3cName() + ": " + message, cause);
        this.type = Objects.requireNonNull(type, "type");
    }

    public RTCErrorType type() {
        return type;
    }

    static RTCException invalidState(String message) {
        return new RTCException(RTCErrorType.INVALID_STATE, message);
    }

    static RTCException syntax(String message) {
        return new RTCException(RTCErrorType.SYNTAX, message);
    }

    static RTCException typeError(String message) {
        return new RTCException(RTCErrorType.TYPE, message);
    }
}
