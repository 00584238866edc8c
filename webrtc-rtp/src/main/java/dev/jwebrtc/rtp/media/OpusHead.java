package dev.jwebrtc.rtp.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Ogg Opus identification header (RFC 7845 §5.1).
 *
 * @param channelCount 1..255
 * @param preSkip samples at 48 kHz to discard from the decoder output start
 * @param inputSampleRate the original rate, informational (0 if unknown)
 * @param outputGain Q7.8 dB gain to apply on output
 * @param mappingFamily 0 (mono/stereo), 1 (Vorbis order surround) or 255
 * @param streamCount streams (family 0: 1)
 * @param coupledCount coupled stereo streams (family 0: 1 for stereo, else 0)
 * @param channelMapping one entry per channel (family 0: empty, not written)
 */
public record OpusHead(int channelCount, int preSkip, long inputSampleRate, int outputGain, int mappingFamily,
        int streamCount, int coupledCount, List<Integer> channelMapping) {

    private static final byte[] MAGIC = "OpusHead".getBytes(StandardCharsets.US_ASCII);

    public OpusHead {
        channelMapping = List.copyOf(channelMapping);
        if (channelCount < 1 || channelCount > 255) {
            throw new IllegalArgumentException("Opus channel count " + channelCount + " outside 1..255");
        }
        if (preSkip < 0 || preSkip > 0xFFFF || outputGain < -32768 || outputGain > 32767) {
            throw new IllegalArgumentException("pre-skip or output gain does not fit 16 bits");
        }
        if (mappingFamily == 0 && (channelCount > 2 || !channelMapping.isEmpty())) {
            throw new IllegalArgumentException("mapping family 0 allows 1 or 2 channels and no mapping table");
        }
        if (mappingFamily != 0 && channelMapping.size() != channelCount) {
            throw new IllegalArgumentException("mapping family " + mappingFamily + " needs one mapping entry per channel");
        }
    }

    /** Mono or stereo with family 0, the usual WebRTC case (pre-skip 312 as libopus reports at 48 kHz). */
    public static OpusHead of(int channels) {
        return new OpusHead(channels, 312, 48_000, 0, 0, 1, channels == 2 ? 1 : 0, List.of());
    }

    byte[] encode() {
        int n = 19 + (mappingFamily == 0 ? 0 : 2 + channelCount);
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) channelCount).putShort((short) preSkip).putInt((int) inputSampleRate)
                .putShort((short) outputGain).put((byte) mappingFamily);
        if (mappingFamily != 0) {
            b.put((byte) streamCount).put((byte) coupledCount);
            channelMapping.forEach(c -> b.put((byte) (int) c));
        }
        return b.array();
    }

    static OpusHead decode(byte[] p) {
        if (p.length < 19 || !ByteBuffer.wrap(p, 0, 8).equals(ByteBuffer.wrap(MAGIC))) {
            throw new MediaFormatException("first Ogg packet is not an OpusHead (RFC 7845 §5.1)");
        }
        if ((p[8] & 0xF0) != 0) { // RFC 7845 §5.1: major version 0 (values 1..15) only
            throw new MediaFormatException("OpusHead version " + (p[8] & 0xFF) + " unsupported");
        }
        int channels = p[9] & 0xFF;
        int family = p[18] & 0xFF;
        List<Integer> mapping = new ArrayList<>();
        int streams = 1;
        int coupled = channels == 2 ? 1 : 0;
        if (family != 0) {
            if (p.length < 21 + channels) {
                throw new MediaFormatException("OpusHead channel mapping table truncated");
            }
            streams = p[19] & 0xFF;
            coupled = p[20] & 0xFF;
            for (int i = 0; i < channels; i++) {
                mapping.add(p[21 + i] & 0xFF);
            }
        }
        try {
            return new OpusHead(channels, IoSupport.le16(p, 10), IoSupport.le32(p, 12), (short) IoSupport.le16(p, 16),
                    family, streams, coupled, mapping);
        } catch (IllegalArgumentException e) {
            throw new MediaFormatException("invalid OpusHead: " + e.getMessage());
        }
    }
}
