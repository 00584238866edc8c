package dev.jwebrtc.testkit;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The little STUN (RFC 8489) the virtual servers need: decode a message into its attributes, build one,
 * sign it with MESSAGE-INTEGRITY and FINGERPRINT, check a signature. Deliberately separate from
 * {@code webrtc-ice}'s codec, so that the testkit stays an independent judge of the code it tests.
 */
final class StunCodec {

    static final int MAGIC_COOKIE = 0x2112A442;
    static final int HEADER = 20;

    // Methods (RFC 8489 §18.2, RFC 8656 §17).
    static final int BINDING = 0x001;
    static final int ALLOCATE = 0x003;
    static final int REFRESH = 0x004;
    static final int SEND = 0x006;
    static final int DATA = 0x007;
    static final int CREATE_PERMISSION = 0x008;
    static final int CHANNEL_BIND = 0x009;

    // Classes, as the two bits C1 C0.
    static final int REQUEST = 0b00;
    static final int INDICATION = 0b01;
    static final int SUCCESS = 0b10;
    static final int ERROR = 0b11;

    // Attributes.
    static final int USERNAME = 0x0006;
    static final int MESSAGE_INTEGRITY = 0x0008;
    static final int ERROR_CODE = 0x0009;
    static final int CHANNEL_NUMBER = 0x000C;
    static final int LIFETIME = 0x000D;
    static final int XOR_PEER_ADDRESS = 0x0012;
    static final int DATA_ATTR = 0x0013;
    static final int REALM = 0x0014;
    static final int NONCE = 0x0015;
    static final int XOR_RELAYED_ADDRESS = 0x0016;
    static final int REQUESTED_TRANSPORT = 0x0019;
    static final int XOR_MAPPED_ADDRESS = 0x0020;
    static final int FINGERPRINT = 0x8028;
    private static final int FINGERPRINT_XOR = 0x5354554e;

    private StunCodec() {}

    /** RFC 8489 §5: the 14 method bits are interleaved with the two class bits at positions 4 and 8. */
    static int messageType(int method, int cls) {
        return (method & 0x000F) | ((method & 0x0070) << 1) | ((method & 0x0F80) << 2)
                | ((cls & 1) << 4) | ((cls & 2) << 7);
    }

    static int method(int type) {
        return (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
    }

    static int messageClass(int type) {
        return ((type >> 4) & 1) | ((type >> 7) & 2);
    }

    record Attribute(int type, int offset, byte[] value) {}

    /** A decoded message; {@code raw} is the whole message, {@code attributes} in wire order. */
    record Message(int method, int cls, byte[] transactionId, List<Attribute> attributes, byte[] raw) {

        @Nullable Attribute first(int type) {
            for (Attribute a : attributes) {
                if (a.type() == type) {
                    return a;
                }
            }
            return null;
        }

        @Nullable String string(int type) {
            Attribute a = first(type);
            return a == null ? null : new String(a.value(), StandardCharsets.UTF_8);
        }

        @Nullable InetSocketAddress xorAddress(int type) {
            Attribute a = first(type);
            return a == null ? null : decodeXorAddress(a.value(), transactionId);
        }
    }

    /** Decodes a STUN message, or returns {@code null} if the bytes are not one. */
    static @Nullable Message decode(ByteBuffer buffer) {
        ByteBuffer in = buffer.slice();
        if (in.remaining() < HEADER || (in.get(0) & 0xC0) != 0) {
            return null;
        }
        int type = in.getShort(0) & 0xffff;
        int length = in.getShort(2) & 0xffff;
        if (in.getInt(4) != MAGIC_COOKIE || length % 4 != 0 || length != in.remaining() - HEADER) {
            return null;
        }
        byte[] raw = new byte[in.remaining()];
        in.get(0, raw);
        byte[] transactionId = Arrays.copyOfRange(raw, 8, 20);
        List<Attribute> attributes = new ArrayList<>();
        int pos = HEADER;
        while (pos < raw.length) {
            if (pos + 4 > raw.length) {
                return null;
            }
            int attrType = in.getShort(pos) & 0xffff;
            int attrLength = in.getShort(pos + 2) & 0xffff;
            if (pos + 4 + attrLength > raw.length) {
                return null;
            }
            attributes.add(new Attribute(attrType, pos, Arrays.copyOfRange(raw, pos + 4, pos + 4 + attrLength)));
            pos += 4 + ((attrLength + 3) & ~3);
        }
        return new Message(method(type), messageClass(type), transactionId, List.copyOf(attributes), raw);
    }

    /** Builds messages attribute by attribute. */
    static final class Builder {
        private final ByteBuffer out = ByteBuffer.allocate(2048);
        private final byte[] transactionId;

        Builder(int method, int cls, byte[] transactionId) {
            this.transactionId = transactionId.clone();
            out.putShort((short) messageType(method, cls)).putShort((short) 0).putInt(MAGIC_COOKIE).put(transactionId);
        }

        Builder attribute(int type, byte[] value) {
            out.putShort((short) type).putShort((short) value.length).put(value);
            while (out.position() % 4 != 0) {
                out.put((byte) 0);
            }
            return this;
        }

        Builder string(int type, String value) {
            return attribute(type, value.getBytes(StandardCharsets.UTF_8));
        }

        Builder u32(int type, int value) {
            return attribute(type, ByteBuffer.allocate(4).putInt(value).array());
        }

        Builder xorAddress(int type, InetSocketAddress address) {
            return attribute(type, encodeXorAddress(address, transactionId));
        }

        Builder error(int code, String reason) {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            return attribute(ERROR_CODE, ByteBuffer.allocate(4 + text.length).putShort((short) 0)
                    .put((byte) (code / 100)).put((byte) (code % 100)).put(text).array());
        }

        /** RFC 8489 §14.5: HMAC-SHA1 over the message so far, the length already counting this attribute. */
        Builder messageIntegrity(byte[] key) {
            out.putShort(2, (short) (out.position() - HEADER + 24));
            byte[] mac = hmacSha1(key, out.array(), 0, out.position());
            return attribute(MESSAGE_INTEGRITY, mac);
        }

        /** RFC 8489 §14.7: CRC-32 of the message so far, XORed with 0x5354554e, the length counting it. */
        byte[] fingerprintAndBuild() {
            out.putShort(2, (short) (out.position() - HEADER + 8));
            CRC32 crc = new CRC32();
            crc.update(out.array(), 0, out.position());
            attribute(FINGERPRINT, ByteBuffer.allocate(4).putInt((int) crc.getValue() ^ FINGERPRINT_XOR).array());
            return Arrays.copyOf(out.array(), out.position());
        }

        byte[] build() {
            out.putShort(2, (short) (out.position() - HEADER));
            return Arrays.copyOf(out.array(), out.position());
        }
    }

    /** Checks MESSAGE-INTEGRITY of a decoded message against {@code key}. */
    static boolean integrityOk(Message message, byte[] key) {
        Attribute mi = message.first(MESSAGE_INTEGRITY);
        if (mi == null || mi.value().length != 20) {
            return false;
        }
        byte[] signed = Arrays.copyOf(message.raw(), mi.offset());
        int lengthWithIntegrity = mi.offset() - HEADER + 24;
        signed[2] = (byte) (lengthWithIntegrity >> 8);
        signed[3] = (byte) lengthWithIntegrity;
        return MessageDigest.isEqual(hmacSha1(key, signed, 0, signed.length), mi.value());
    }

    /** RFC 8489 §9.2.2: the long-term key is MD5(username ":" realm ":" password). */
    static byte[] longTermKey(String username, String realm, String password) {
        try {
            return MessageDigest.getInstance("MD5")
                    .digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is required of every JDK", e);
        }
    }

    private static byte[] hmacSha1(byte[] key, byte[] data, int offset, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            mac.update(data, offset, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every JDK", e);
        }
    }

    /** RFC 8489 §14.2: the port XORed with the cookie's top half, the address with cookie (|| transaction id). */
    static byte[] encodeXorAddress(InetSocketAddress address, byte[] transactionId) {
        byte[] ip = address.getAddress().getAddress();
        boolean v4 = address.getAddress() instanceof Inet4Address;
        byte[] mask = ByteBuffer.allocate(16).putInt(MAGIC_COOKIE).put(transactionId).array();
        ByteBuffer out = ByteBuffer.allocate(4 + ip.length);
        out.put((byte) 0).put((byte) (v4 ? 0x01 : 0x02)).putShort((short) (address.getPort() ^ (MAGIC_COOKIE >>> 16)));
        for (int i = 0; i < ip.length; i++) {
            out.put((byte) (ip[i] ^ mask[i]));
        }
        return out.array();
    }

    static @Nullable InetSocketAddress decodeXorAddress(byte[] value, byte[] transactionId) {
        if (value.length != 8 && value.length != 20) {
            return null;
        }
        int family = value[1];
        int length = family == 0x01 ? 4 : family == 0x02 ? 16 : -1;
        if (length != value.length - 4) {
            return null;
        }
        byte[] mask = ByteBuffer.allocate(16).putInt(MAGIC_COOKIE).put(transactionId).array();
        byte[] ip = new byte[length];
        for (int i = 0; i < length; i++) {
            ip[i] = (byte) (value[4 + i] ^ mask[i]);
        }
        int port = (((value[2] & 0xff) << 8) | (value[3] & 0xff)) ^ (MAGIC_COOKIE >>> 16);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
