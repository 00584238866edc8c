package dev.jwebrtc.sdp.jsep;

import dev.jwebrtc.sdp.attribute.Direction;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The negotiation-relevant state of one RTP transceiver (W3C RTCRtpTransceiver): its mid once associated,
 * kind, preferred direction, what it sends, and whether it is stopped.
 *
 * @param mid the associated mid, or null before the first negotiation
 * @param direction the direction the application asked for
 * @param send the stream it sends, or null when it has no track
 * @param stopped a stopped transceiver's section is rejected (port 0) and never reused here
 */
public record Transceiver(@Nullable String mid, MediaKind kind, Direction direction, @Nullable SendStream send,
        boolean stopped) {
    public Transceiver {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
    }

    public static Transceiver of(MediaKind kind, Direction direction, @Nullable SendStream send) {
        return new Transceiver(null, kind, direction, send, false);
    }

    public Transceiver withMid(@Nullable String newMid) {
        return new Transceiver(newMid, kind, direction, send, stopped);
    }

    public Transceiver stop() {
        return new Transceiver(mid, kind, direction, send, true);
    }
}
