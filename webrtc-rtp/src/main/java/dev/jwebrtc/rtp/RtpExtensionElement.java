package dev.jwebrtc.rtp;

import java.nio.ByteBuffer;

/**
 * One header extension element (RFC 8285 §4): a local identifier and its value bytes. After parsing, {@code data} is a
 * view over the packet's buffer (valid as long as that buffer is); its position and limit bound the value.
 */
public record RtpExtensionElement(int id, ByteBuffer data) {

    /** The value bytes, as a new view (its position and limit are the caller's to move). */
    public java.nio.ByteBuffer data() {
        return data.duplicate();
    }
    public RtpExtensionElement {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("header extension id " + id + " outside 1..255 (RFC 8285 §4)");
        }
        if (data.remaining() > 255) {
            throw new IllegalArgumentException("header extension id " + id + " value has " + data.remaining()
                    + " bytes, more than 255 (RFC 8285 §4.3)");
        }
    }

    /** An element holding a copy of {@code value}. */
    public static RtpExtensionElement of(int id, byte[] value) {
        return new RtpExtensionElement(id, ByteBuffer.wrap(value.clone()));
    }

    /** The value as a new array. */
    public byte[] bytes() {
        byte[] out = new byte[data.remaining()];
        data.duplicate().get(out);
        return out;
    }
}
