package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Supported Extensions (RFC 5061 §4.2.7): the chunk types the sender understands beyond RFC 9260. */
public record SupportedExtensionsParameter(List<Integer> chunkTypes) implements Parameter {
    public SupportedExtensionsParameter {
        chunkTypes = List.copyOf(chunkTypes);
    }

    static SupportedExtensionsParameter decode(ByteBuffer value) {
        List<Integer> types = new ArrayList<>();
        while (value.hasRemaining()) {
            types.add(Wire.u8(value));
        }
        return new SupportedExtensionsParameter(types);
    }

    /** Whether the chunk type is listed. */
    public boolean supports(int chunkType) {
        return chunkTypes.contains(chunkType);
    }

    @Override public int type() { return SUPPORTED_EXTENSIONS; }
    @Override public int valueLength() { return chunkTypes.size(); }

    @Override
    public void writeValue(ByteBuffer out) {
        for (int t : chunkTypes) {
            out.put((byte) t);
        }
    }
}
