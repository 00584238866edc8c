package dev.jwebrtc.sdp.jsep;

import dev.jwebrtc.sdp.attribute.Direction;
import java.util.List;
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
 * @param codecs W3C {@code setCodecPreferences}: the formats this transceiver offers and accepts, in order (with
 *     their RTX entries); empty for the kind's defaults in {@link LocalState}
 */
public record Transceiver(@Nullable String mid, MediaKind kind, Direction direction, @Nullable SendStream send,
        boolean stopped, List<Codec> codecs) {
    public Transceiver {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        codecs = List.copyOf(codecs);
    }

    public Transceiver(@Nullable String mid, MediaKind kind, Direction direction, @Nullable SendStream send,
            boolean stopped) {
        this(mid, kind, direction, send, stopped, List.of());
    }

    public static Transceiver of(MediaKind kind, Direction direction, @Nullable SendStream send) {
        return new Transceiver(null, kind, direction, send, false);
    }

    public Transceiver withMid(@Nullable String newMid) {
        return new Transceiver(newMid, kind, direction, send, stopped, codecs);
    }

    public Transceiver stop() {
        return new Transceiver(mid, kind, direction, send, true, codecs);
    }

    /** The codecs this transceiver uses: its preferences, or the defaults given for its kind. */
    public List<Codec> codecsOr(List<Codec> defaults) {
        return codecs.isEmpty() ? defaults : codecs;
    }
}
