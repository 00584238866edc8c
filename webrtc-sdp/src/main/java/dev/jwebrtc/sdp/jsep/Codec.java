package dev.jwebrtc.sdp.jsep;

import dev.jwebrtc.sdp.attribute.Fmtp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An RTP payload format a peer supports or negotiated: what {@code a=rtpmap}, {@code a=fmtp} and
 * {@code a=rtcp-fb} say about one payload type.
 *
 * @param payloadType 0-127
 * @param name encoding name as written ({@code opus}, {@code VP8}, {@code rtx}, ...)
 * @param clockRate RTP clock rate
 * @param channels audio channels, 0 when not written
 * @param fmtp format parameters ({@code key=value;...}), empty when none
 * @param feedback RTCP feedback mechanisms ({@code nack}, {@code nack pli}, {@code transport-cc}, ...)
 */
public record Codec(int payloadType, String name, int clockRate, int channels, String fmtp, List<String> feedback) {
    /** RFC 5104 / RFC 4585 / transport-cc feedback that video codecs usually carry, in Chromium's order. */
    public static final List<String> VIDEO_FEEDBACK = List.of("goog-remb", "transport-cc", "ccm fir", "nack",
            "nack pli");

    public Codec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fmtp, "fmtp");
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range 0-127: " + payloadType);
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        feedback = List.copyOf(feedback);
    }

    public static Codec opus(int pt) {
        return new Codec(pt, "opus", 48000, 2, "minptime=10;useinbandfec=1", List.of("transport-cc"));
    }

    public static Codec pcmu() {
        return new Codec(0, "PCMU", 8000, 0, "", List.of());
    }

    public static Codec pcma() {
        return new Codec(8, "PCMA", 8000, 0, "", List.of());
    }

    public static Codec telephoneEvent(int pt, int clockRate) {
        return new Codec(pt, "telephone-event", clockRate, 0, "", List.of());
    }

    public static Codec vp8(int pt) {
        return new Codec(pt, "VP8", 90000, 0, "", VIDEO_FEEDBACK);
    }

    public static Codec vp9(int pt, int profileId) {
        return new Codec(pt, "VP9", 90000, 0, "profile-id=" + profileId, VIDEO_FEEDBACK);
    }

    public static Codec h264(int pt, String profileLevelId, int packetizationMode) {
        return new Codec(pt, "H264", 90000, 0, "level-asymmetry-allowed=1;packetization-mode=" + packetizationMode
                + ";profile-level-id=" + profileLevelId, VIDEO_FEEDBACK);
    }

    public static Codec av1(int pt) {
        return new Codec(pt, "AV1", 90000, 0, "level-idx=5;profile=0;tier=0", VIDEO_FEEDBACK);
    }

    /** RFC 4588 §8.6: retransmission of {@code apt}. */
    public static Codec rtx(int pt, int apt) {
        return new Codec(pt, "rtx", 90000, 0, "apt=" + apt, List.of());
    }

    /** Lower-cased encoding name. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    public boolean isRtx() {
        return key().equals("rtx");
    }

    /** Formats that protect, repeat or accompany media rather than carry it. */
    public boolean isAuxiliary() {
        return switch (key()) {
            case "rtx", "red", "ulpfec", "flexfec-03", "flexfec", "cn", "telephone-event" -> true;
            default -> false;
        };
    }

    /** The format parameters as a map (keys lower-cased). */
    public Map<String, String> parameters() {
        return new Fmtp(Integer.toString(payloadType), fmtp).parameterMap();
    }

    /** RFC 4588 §8.6: the associated payload type of an RTX format, or -1. */
    public int apt() {
        String apt = parameters().get("apt");
        if (apt == null || apt.isEmpty() || apt.length() > 3 || !apt.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(apt);
    }
}
