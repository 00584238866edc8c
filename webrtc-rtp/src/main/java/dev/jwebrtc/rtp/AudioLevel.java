package dev.jwebrtc.rtp;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Client-to-mixer audio level (RFC 6464 §3): the voice activity flag and the level in -dBov, 0 (loudest) to 127
 * (silence).
 *
 * @param voiceActivity the V bit
 * @param level 0..127, meaning -level dBov
 */
public record AudioLevel(boolean voiceActivity, int level) implements HeaderExtension {
    /** The extmap URI. */
    public static final String URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    public AudioLevel {
        if (level < 0 || level > 127) {
            throw new IllegalArgumentException("audio level " + level + " outside 0..127 (RFC 6464 §3)");
        }
    }

    /** Parses the first value byte (RFC 6464 §3 allows a longer, padded element). */
    public static Optional<AudioLevel> parse(ByteBuffer data) {
        if (data.remaining() < 1) {
            return Optional.empty();
        }
        int b = Bytes.u8(data, data.position());
        return Optional.of(new AudioLevel((b & 0x80) != 0, b & 0x7F));
    }

    @Override
    public String uri() {
        return URI;
    }

    @Override
    public byte[] encode() {
        return new byte[] {(byte) ((voiceActivity ? 0x80 : 0) | level)};
    }
}
