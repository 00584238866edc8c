package dev.jwebrtc.sdp.jsep;

import org.jspecify.annotations.Nullable;

/** The kind of an RTP transceiver and the {@code m=} media type it maps to. */
public enum MediaKind {
    AUDIO("audio"),
    VIDEO("video");

    private final String sdpName;

    MediaKind(String sdpName) {
        this.sdpName = sdpName;
    }

    /** The {@code m=} media type. */
    public String sdpName() {
        return sdpName;
    }

    /** The kind for an {@code m=} media type, or null if it is not audio or video. */
    public static @Nullable MediaKind fromSdp(String media) {
        return switch (media) {
            case "audio" -> AUDIO;
            case "video" -> VIDEO;
            default -> null;
        };
    }
}
