package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** DATA (RFC 8656 §18.4): application data carried in a Send or Data indication. */
public record Data(byte[] bytes) implements StunAttribute {

    public Data {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public int type() {
        return DATA;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return bytes.clone();
    }

    static Data decode(ByteBuffer value) {
        byte[] b = new byte[value.remaining()];
        value.get(b);
        return new Data(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Data d && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Data[" + bytes.length + " bytes]";
    }
}
