package dev.jwebrtc.rtp;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Coordination of video orientation (3GPP TS 26.114 §7.4.5, {@code urn:3gpp:video-orientation}): one byte
 * {@code 0 0 0 0 C F R1 R0}, camera (back/front), horizontal flip, and rotation in 90-degree steps.
 *
 * @param backCamera the C bit: true for a back-facing camera
 * @param flip the F bit: horizontally mirrored
 * @param rotation 0, 90, 180 or 270 degrees
 */
public record VideoOrientation(boolean backCamera, boolean flip, int rotation) implements HeaderExtension {
    /** The extmap URI. */
    public static final String URI = "urn:3gpp:video-orientation";

    public VideoOrientation {
        if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270) {
            throw new IllegalArgumentException("rotation " + rotation + " is not 0, 90, 180 or 270 degrees");
        }
    }

    /** Parses the first value byte. */
    public static Optional<VideoOrientation> parse(ByteBuffer data) {
        if (data.remaining() < 1) {
            return Optional.empty();
        }
        int b = Bytes.u8(data, data.position());
        return Optional.of(new VideoOrientation((b & 0x08) != 0, (b & 0x04) != 0, (b & 0x03) * 90));
    }

    @Override
    public String uri() {
        return URI;
    }

    @Override
    public byte[] encode() {
        return new byte[] {(byte) ((backCamera ? 0x08 : 0) | (flip ? 0x04 : 0) | rotation / 90)};
    }
}
