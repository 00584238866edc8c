package dev.jwebrtc.engine;

import dev.jwebrtc.rtp.codec.Av1Codec;
import dev.jwebrtc.rtp.codec.Depacketizer;
import dev.jwebrtc.rtp.codec.G711Codec;
import dev.jwebrtc.rtp.codec.H264Codec;
import dev.jwebrtc.rtp.codec.OpusCodec;
import dev.jwebrtc.rtp.codec.Payloader;
import dev.jwebrtc.rtp.codec.Vp8Codec;
import dev.jwebrtc.rtp.codec.Vp9Codec;
import dev.jwebrtc.sdp.jsep.Codec;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/** Which payload format (webrtc-rtp) carries which negotiated codec (SDP encoding name). */
final class MediaCodecs {

    private MediaCodecs() {
    }

    /** The payloader for a codec we can packetize, or null. */
    static @Nullable Payloader payloader(Codec codec, RandomGenerator random) {
        return switch (codec.key()) {
            // RFC 7741 §4.2 / RFC 9628 §4.2: the picture id starts at a random value.
            case "vp8" -> new Vp8Codec(random.nextInt(0x8000));
            case "vp9" -> new Vp9Codec(random.nextInt(0x8000));
            case "h264" -> new H264Codec();
            case "av1" -> new Av1Codec();
            case "opus" -> new OpusCodec();
            case "pcmu", "pcma" -> new G711Codec();
            default -> null;
        };
    }

    /** The depacketizer for a codec we can assemble frames of, or null. */
    static @Nullable Depacketizer depacketizer(Codec codec) {
        return switch (codec.key()) {
            case "vp8" -> new Vp8Codec();
            case "vp9" -> new Vp9Codec();
            case "h264" -> new H264Codec();
            case "av1" -> new Av1Codec();
            case "opus" -> new OpusCodec();
            case "pcmu", "pcma" -> new G711Codec();
            default -> null;
        };
    }

    /** Whether we can send this codec (we have a payloader for it). */
    static boolean canSend(Codec codec) {
        return switch (codec.key()) {
            case "vp8", "vp9", "h264", "av1", "opus", "pcmu", "pcma" -> true;
            default -> false;
        };
    }

    /** The first media (non-auxiliary) codec we can send, in the negotiated order. */
    static @Nullable Codec firstSendable(List<Codec> negotiated) {
        for (Codec c : negotiated) {
            if (!c.isAuxiliary() && canSend(c)) {
                return c;
            }
        }
        return null;
    }

    /** The RTX payload type associated with a media payload type (RFC 4588 §8.6 {@code apt}), or -1. */
    static int rtxFor(List<Codec> negotiated, int payloadType) {
        for (Codec c : negotiated) {
            if (c.isRtx() && c.apt() == payloadType) {
                return c.payloadType();
            }
        }
        return -1;
    }
}
