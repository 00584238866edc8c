package dev.jwebrtc.sctp;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How one message is sent: ordered or not, and its partial-reliability limit (RFC 3758): at most one of
 * {@code maxRetransmits} (retransmissions after the first send) and {@code lifetime}.
 *
 * @param maxRetransmits negative: no limit
 * @param lifetime null: no limit
 */
public record SendOptions(boolean unordered, int maxRetransmits, @Nullable Duration lifetime) {
    /** Ordered and reliable. */
    public static final SendOptions RELIABLE = new SendOptions(false, -1, null);
    /** Unordered and reliable. */
    public static final SendOptions UNORDERED = new SendOptions(true, -1, null);

    public SendOptions {
        if (maxRetransmits >= 0 && lifetime != null) {
            throw new IllegalArgumentException("SendOptions: set maxRetransmits or lifetime, not both");
        }
        if (lifetime != null && lifetime.isNegative()) {
            throw new IllegalArgumentException("SendOptions: negative lifetime " + lifetime);
        }
    }

    /** At most {@code n} retransmissions. */
    public static SendOptions maxRetransmits(boolean unordered, int n) {
        return new SendOptions(unordered, Math.max(0, n), null);
    }

    /** Abandoned once older than {@code lifetime}. */
    public static SendOptions lifetime(boolean unordered, Duration lifetime) {
        return new SendOptions(unordered, -1, lifetime);
    }
}
