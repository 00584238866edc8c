package dev.jwebrtc.sdp.jsep;

/** A description cannot be negotiated (JSEP rules); the message names the rule and the m= section. */
public final class JsepException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsepException(String message) {
        super(message);
    }
}
