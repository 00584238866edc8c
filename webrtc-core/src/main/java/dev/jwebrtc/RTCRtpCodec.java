package dev.jwebrtc;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * W3C {@code RTCRtpCodec}: a media format by MIME type, clock rate, channels and SDP format parameters. The library
 * packetizes and depacketizes these (no encoding or decoding: the application brings and takes encoded frames).
 *
 * @param mimeType {@code "video/VP8"}, {@code "audio/opus"}, ...
 * @param channels audio channels, 0 for video
 * @param sdpFmtpLine the {@code a=fmtp} parameters, empty for none
 */
public record RTCRtpCodec(String mimeType, int clockRate, int channels, String sdpFmtpLine) {

    public static final RTCRtpCodec OPUS = new RTCRtpCodec("audio/opus", 48_000, 2, "minptime=10;useinbandfec=1");
    public static final RTCRtpCodec PCMU = new RTCRtpCodec("audio/PCMU", 8_000, 0, "");
    public static final RTCRtpCodec PCMA = new RTCRtpCodec("audio/PCMA", 8_000, 0, "");
    public static final RTCRtpCodec VP8 = new RTCRtpCodec("video/VP8", 90_000, 0, "");
    public static final RTCRtpCodec VP9 = new RTCRtpCodec("video/VP9", 90_000, 0, "profile-id=0");
    /** H.264 constrained baseline, packetization-mode 1 (RFC 6184: single NAL, STAP-A, FU-A). */
    public static final RTCRtpCodec H264 = new RTCRtpCodec("video/H264", 90_000, 0,
            "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");
    public static final RTCRtpCodec AV1 = new RTCRtpCodec("video/AV1", 90_000, 0, "level-idx=5;profile=0;tier=0");

    /** The codecs the library carries. */
    public static final List<RTCRtpCodec> SUPPORTED = List.of(OPUS, PCMU, PCMA, VP8, VP9, H264, AV1);

    public RTCRtpCodec {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(sdpFmtpLine, "sdpFmtpLine");
        int slash = mimeType.indexOf('/');
        if (slash <= 0 || slash == mimeType.length() - 1) {
            throw RTCException.typeError("codec mimeType must look like 'video/VP8', got '" + mimeType + "'");
        }
        String kind = mimeType.substring(0, slash).toLowerCase(Locale.ROOT);
        if (!kind.equals("audio") && !kind.equals("video")) {
            throw RTCException.typeError("codec mimeType must start with audio/ or video/, got '" + mimeType + "'");
        }
        if (clockRate <= 0 || channels < 0) {
            throw RTCException.typeError("codec clock rate must be positive and channels not negative");
        }
    }

    /** {@code "audio"} or {@code "video"}. */
    public String kind() {
        return mimeType.substring(0, mimeType.indexOf('/')).toLowerCase(Locale.ROOT);
    }

    /** The SDP encoding name ({@code VP8}, {@code opus}). */
    public String name() {
        return mimeType.substring(mimeType.indexOf('/') + 1);
    }

    /** Whether an SDP codec is this one (name case-insensitive, clock rate, and H.264's profile and mode). */
    boolean matches(dev.jwebrtc.sdp.jsep.Codec c) {
        if (!c.name().equalsIgnoreCase(name()) || c.clockRate() != clockRate) {
            return false;
        }
        if (name().equalsIgnoreCase("H264")) {
            java.util.Map<String, String> p = c.parameters();
            java.util.Map<String, String> mine = new dev.jwebrtc.sdp.attribute.Fmtp("0", sdpFmtpLine).parameterMap();
            String a = p.getOrDefault("profile-level-id", "420010");
            String b = mine.getOrDefault("profile-level-id", "420010");
            return a.regionMatches(true, 0, b, 0, 2) && p.getOrDefault("packetization-mode", "0")
                    .equals(mine.getOrDefault("packetization-mode", "0"));
        }
        return true;
    }

    static RTCRtpCodec of(dev.jwebrtc.sdp.jsep.Codec c, String kind) {
        return new RTCRtpCodec(kind + "/" + c.name(), c.clockRate(), c.channels(), c.fmtp());
    }
}
