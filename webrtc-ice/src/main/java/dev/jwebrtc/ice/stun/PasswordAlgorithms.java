package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** PASSWORD-ALGORITHMS (RFC 8489 §14.11): the password algorithms a server supports, in preference order. */
public record PasswordAlgorithms(List<Algorithm> algorithms) implements StunAttribute {

    /** RFC 8489 §18.5: MD5 (the RFC 5389 key). */
    public static final int MD5 = 0x0001;
    /** RFC 8489 §18.5: SHA-256. */
    public static final int SHA256 = 0x0002;

    /** One algorithm: its number and its (usually empty) parameters. */
    public record Algorithm(int id, byte[] parameters) {
        public Algorithm {
            if (id < 0 || id > 0xFFFF || parameters.length > 0xFFFF) {
                throw new IllegalArgumentException("bad password algorithm " + id);
            }
            parameters = parameters.clone();
        }

        @Override
        public byte[] parameters() {
            return parameters.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Algorithm a && a.id == id && Arrays.equals(a.parameters, parameters);
        }

        @Override
        public int hashCode() {
            return id * 31 + Arrays.hashCode(parameters);
        }

        @Override
        public String toString() {
            return "Algorithm[" + id + "]";
        }
    }

    public PasswordAlgorithms {
        algorithms = List.copyOf(algorithms);
    }

    @Override
    public int type() {
        return PASSWORD_ALGORITHMS;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        int len = 0;
        for (Algorithm a : algorithms) {
            len += 4 + StunMessage.padded(a.parameters.length);
        }
        ByteBuffer out = ByteBuffer.allocate(len);
        for (Algorithm a : algorithms) {
            out.putShort((short) a.id).putShort((short) a.parameters.length).put(a.parameters);
            out.position(out.position() + StunMessage.padded(a.parameters.length) - a.parameters.length);
        }
        return out.array();
    }

    static @Nullable PasswordAlgorithms decode(ByteBuffer value) {
        List<Algorithm> list = new ArrayList<>();
        while (value.hasRemaining()) {
            if (value.remaining() < 4) {
                return null;
            }
            int id = value.getShort() & 0xFFFF;
            int len = value.getShort() & 0xFFFF;
            int padded = StunMessage.padded(len);
            if (value.remaining() < len) {
                return null;
            }
            byte[] params = new byte[len];
            value.get(params);
            value.position(Math.min(value.limit(), value.position() + padded - len));
            list.add(new Algorithm(id, params));
        }
        return new PasswordAlgorithms(list);
    }
}
