package dev.jwebrtc.dtls;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;

/**
 * A TLS alert (RFC 5246 §7.2) sent or received by an endpoint.
 *
 * @param fatal whether the alert level is fatal (2) rather than warning (1)
 * @param description the AlertDescription code, e.g. 0 close_notify, 42 bad_certificate
 */
public record DtlsAlert(boolean fatal, int description) {

    /** RFC 5246 §7.2.1: close_notify. */
    public static final int CLOSE_NOTIFY = AlertDescription.close_notify;
    /** RFC 5246 §7.2.2: bad_certificate. */
    public static final int BAD_CERTIFICATE = AlertDescription.bad_certificate;
    /** RFC 5246 §7.2.2: handshake_failure. */
    public static final int HANDSHAKE_FAILURE = AlertDescription.handshake_failure;

    public DtlsAlert {
        if (description < 0 || description > 255) {
            throw new IllegalArgumentException("alert description must be 0..255, got " + description);
        }
    }

    static DtlsAlert of(short level, short description) {
        return new DtlsAlert(level == AlertLevel.fatal, description);
    }

    /** The RFC name of the description, e.g. {@code bad_certificate}. */
    public String name() {
        return AlertDescription.getName((short) description);
    }

    @Override
    public String toString() {
        return (fatal ? "fatal " : "warning ") + name() + "(" + description + ")";
    }
}
