package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A decoded STUN message (RFC 8489 §5-6): method, class, transaction ID and attributes in wire order.
 *
 * <p>{@link #decode(ByteBuffer)} never throws on bad input: it returns empty for anything that is not a
 * well-formed STUN message (wrong leading bits, wrong cookie, bad lengths, malformed known attribute, wrong
 * FINGERPRINT). Attributes after MESSAGE-INTEGRITY other than MESSAGE-INTEGRITY-SHA256 and FINGERPRINT are
 * ignored, as RFC 8489 §14.5 says. The message keeps its wire bytes so the integrity can be checked later, once
 * the receiver knows which key applies.
 *
 * <p>Messages to send are made with {@link #builder(int, StunClass, byte[])}.
 */
public final class StunMessage {

    /** RFC 8489 §5: the fixed magic cookie. */
    public static final int MAGIC_COOKIE = 0x2112A442;
    public static final int HEADER_LENGTH = 20;
    public static final int TRANSACTION_ID_LENGTH = 12;

    private final int method;
    private final StunClass messageClass;
    private final byte[] transactionId;
    private final List<StunAttribute> attributes;
    private final byte[] raw;
    private final int integrityOffset;
    private final int integritySha256Offset;

    private StunMessage(int method, StunClass messageClass, byte[] transactionId, List<StunAttribute> attributes,
            byte[] raw, int integrityOffset, int integritySha256Offset) {
        this.method = method;
        this.messageClass = messageClass;
        this.transactionId = transactionId;
        this.attributes = List.copyOf(attributes);
        this.raw = raw;
        this.integrityOffset = integrityOffset;
        this.integritySha256Offset = integritySha256Offset;
    }

    /** Quick check on the first bytes: could this datagram be STUN (RFC 8489 §6, RFC 7983 first byte 0..3)? */
    public static boolean looksLikeStun(ByteBuffer datagram) {
        int p = datagram.position();
        return datagram.remaining() >= HEADER_LENGTH
                && (datagram.get(p) & 0xC0) == 0
                && datagram.getInt(p + 4) == MAGIC_COOKIE;
    }

    /**
     * Decodes the bytes between position and limit (the position is not moved).
     *
     * @return the message, or empty when the bytes are not a well-formed STUN message
     */
    public static Optional<StunMessage> decode(ByteBuffer datagram) {
        if (!looksLikeStun(datagram)) {
            return Optional.empty();
        }
        byte[] raw = new byte[datagram.remaining()];
        datagram.duplicate().get(raw);
        return decode(raw);
    }

    /** Decodes a whole array; see {@link #decode(ByteBuffer)}. */
    public static Optional<StunMessage> decode(byte[] bytes) {
        if (bytes.length < HEADER_LENGTH) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int type = in.getShort() & 0xFFFF;
        int length = in.getShort() & 0xFFFF;
        if ((type & 0xC000) != 0 || in.getInt() != MAGIC_COOKIE) {
            return Optional.empty();
        }
        // RFC 8489 §6.3: the length covers the attributes, is a multiple of 4 and matches the datagram.
        if (length % 4 != 0 || length != bytes.length - HEADER_LENGTH) {
            return Optional.empty();
        }
        byte[] tid = new byte[TRANSACTION_ID_LENGTH];
        in.get(tid);
        // RFC 8489 §5: the method bits M0-M11 are interleaved with the class bits C0 (bit 4) and C1 (bit 8).
        int method = (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
        StunClass cls = StunClass.ofBits(((type >> 4) & 0x1) | ((type >> 7) & 0x2));
        List<StunAttribute> attrs = new ArrayList<>();
        int integrity = -1;
        int integrity256 = -1;
        boolean fingerprintSeen = false;
        while (in.remaining() > 0) {
            int start = in.position();
            if (in.remaining() < 4) {
                return Optional.empty();
            }
            int atype = in.getShort() & 0xFFFF;
            int alen = in.getShort() & 0xFFFF;
            if (alen > in.remaining()) {
                return Optional.empty();
            }
            ByteBuffer value = in.slice().limit(alen);
            in.position(Math.min(in.limit(), in.position() + padded(alen)));
            if (fingerprintSeen) {
                return Optional.empty(); // RFC 8489 §14.7: FINGERPRINT is the last attribute
            }
            boolean afterIntegrity = integrity >= 0 || integrity256 >= 0;
            if (afterIntegrity && atype != StunAttribute.FINGERPRINT
                    && !(atype == StunAttribute.MESSAGE_INTEGRITY_SHA256 && integrity256 < 0)) {
                continue; // RFC 8489 §14.5/§14.6: ignored after the integrity attributes
            }
            StunAttribute attr = AttributeDecoder.decode(atype, value, tid);
            if (attr == null) {
                return Optional.empty();
            }
            if (atype == StunAttribute.MESSAGE_INTEGRITY) {
                integrity = start;
            } else if (atype == StunAttribute.MESSAGE_INTEGRITY_SHA256) {
                integrity256 = start;
            } else if (attr instanceof Fingerprint fp) {
                fingerprintSeen = true;
                // RFC 8489 §14.7: CRC over everything before FINGERPRINT; the length field already counts it.
                if (Fingerprint.compute(bytes, start) != fp.crc()) {
                    return Optional.empty();
                }
            }
            attrs.add(attr);
        }
        return Optional.of(new StunMessage(method, cls, tid, attrs, bytes, integrity, integrity256));
    }

    public int method() {
        return method;
    }

    public StunClass messageClass() {
        return messageClass;
    }

    public byte[] transactionId() {
        return transactionId.clone();
    }

    /** Whether this message has the given transaction ID. */
    public boolean hasTransactionId(byte[] id) {
        return Arrays.equals(transactionId, id);
    }

    /** Every attribute in wire order, including unknown ones. */
    public List<StunAttribute> attributes() {
        return attributes;
    }

    /** The first attribute of the given record type. */
    public <A extends StunAttribute> Optional<A> attribute(Class<A> type) {
        for (StunAttribute a : attributes) {
            if (type.isInstance(a)) {
                return Optional.of(type.cast(a));
            }
        }
        return Optional.empty();
    }

    /** Whether an attribute of the given record type is present. */
    public boolean has(Class<? extends StunAttribute> type) {
        return attribute(type).isPresent();
    }

    /** The unknown comprehension-required attribute types (RFC 8489 §6.3.1: a request with any gets a 420). */
    public List<Integer> unknownComprehensionRequired() {
        List<Integer> out = new ArrayList<>();
        for (StunAttribute a : attributes) {
            if (a instanceof UnknownAttribute u && u.comprehensionRequired()) {
                out.add(u.type());
            }
        }
        return List.copyOf(out);
    }

    /** The wire bytes this message was decoded from (a copy). */
    public byte[] bytes() {
        return raw.clone();
    }

    /**
     * Checks MESSAGE-INTEGRITY-SHA256 if present, else MESSAGE-INTEGRITY (RFC 8489 §9.1.4, §14.5, §14.6).
     *
     * @param key the short-term key (the password, RFC 8489 §9.1.1) or the long-term key ({@link StunKeys})
     * @return false when there is no integrity attribute or it does not match
     */
    public boolean verifyIntegrity(byte[] key) {
        if (integritySha256Offset >= 0) {
            MessageIntegritySha256 mi = attribute(MessageIntegritySha256.class).orElseThrow();
            byte[] expected = hmac("HmacSHA256", key, integritySha256Offset, 4 + mi.hmac().length);
            return MessageDigest.isEqual(Arrays.copyOf(expected, mi.hmac().length), mi.hmac());
        }
        if (integrityOffset >= 0) {
            MessageIntegrity mi = attribute(MessageIntegrity.class).orElseThrow();
            byte[] expected = hmac("HmacSHA1", key, integrityOffset, 4 + MessageIntegrity.LENGTH);
            return MessageDigest.isEqual(expected, mi.hmac());
        }
        return false;
    }

    // RFC 8489 §14.5: HMAC over the header and attributes before the integrity attribute, with the length
    // field adjusted to end right after the integrity attribute.
    private byte[] hmac(String algorithm, byte[] key, int offset, int attributeLength) {
        byte[] covered = Arrays.copyOf(raw, offset);
        int adjusted = offset - HEADER_LENGTH + attributeLength;
        covered[2] = (byte) (adjusted >> 8);
        covered[3] = (byte) adjusted;
        return mac(algorithm, key, covered);
    }

    static byte[] mac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // A zero-length HMAC key is legal but SecretKeySpec refuses it; HMAC pads short keys with zeros to the
            // block size, so a 64-byte zero key is the same key.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[64] : key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JDK", e);
        }
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }

    /** A fresh random 96-bit transaction ID (RFC 8489 §6: uniformly random). */
    public static byte[] newTransactionId(RandomGenerator random) {
        byte[] id = new byte[TRANSACTION_ID_LENGTH];
        random.nextBytes(id);
        return id;
    }

    /** A builder for a message to send. */
    public static Builder builder(int method, StunClass messageClass, byte[] transactionId) {
        return new Builder(method, messageClass, transactionId);
    }

    /** A builder for a response to {@code request}: same method and transaction ID. */
    public static Builder responseTo(StunMessage request, StunClass responseClass) {
        return new Builder(request.method, responseClass, request.transactionId);
    }

    @Override
    public String toString() {
        return StunMethod.name(method) + " " + messageClass + " tid=" + HexFormat.of().formatHex(transactionId)
                + " " + attributes;
    }

    /** Builds the wire form of a message: attributes in order, then the integrity and fingerprint attributes. */
    public static final class Builder {
        private final int method;
        private final StunClass messageClass;
        private final byte[] transactionId;
        private final List<StunAttribute> attributes = new ArrayList<>();
        private byte @Nullable [] integrityKey;
        private byte @Nullable [] integritySha256Key;
        private boolean fingerprint;

        private Builder(int method, StunClass messageClass, byte[] transactionId) {
            if (method < 0 || method > 0xFFF) {
                throw new IllegalArgumentException("STUN method must be 12 bits: " + method);
            }
            if (transactionId.length != TRANSACTION_ID_LENGTH) {
                throw new IllegalArgumentException("transaction ID must be 12 bytes, got " + transactionId.length);
            }
            this.method = method;
            this.messageClass = Objects.requireNonNull(messageClass, "messageClass");
            this.transactionId = transactionId.clone();
        }

        /** Adds an attribute; integrity and fingerprint are added with their own methods. */
        public Builder add(StunAttribute attribute) {
            if (attribute instanceof MessageIntegrity || attribute instanceof MessageIntegritySha256
                    || attribute instanceof Fingerprint) {
                throw new IllegalArgumentException("use integrity()/integritySha256()/fingerprint() for "
                        + attribute.getClass().getSimpleName());
            }
            attributes.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        /** Appends MESSAGE-INTEGRITY (HMAC-SHA1) computed with {@code key}. */
        public Builder integrity(byte[] key) {
            this.integrityKey = key.clone();
            return this;
        }

        /** Appends MESSAGE-INTEGRITY-SHA256 (full 32 bytes) computed with {@code key}. */
        public Builder integritySha256(byte[] key) {
            this.integritySha256Key = key.clone();
            return this;
        }

        /** Appends FINGERPRINT. */
        public Builder fingerprint() {
            this.fingerprint = true;
            return this;
        }

        /** The wire bytes. */
        public byte[] encode() {
            ByteBuffer body = ByteBuffer.allocate(64 * 1024);
            body.position(HEADER_LENGTH);
            for (StunAttribute a : attributes) {
                putAttribute(body, a.type(), a.encodeValue(transactionId));
            }
            if (integrityKey != null) {
                byte[] mac = mac("HmacSHA1", integrityKey, header(body, 4 + MessageIntegrity.LENGTH));
                putAttribute(body, StunAttribute.MESSAGE_INTEGRITY, mac);
            }
            if (integritySha256Key != null) {
                byte[] mac = mac("HmacSHA256", integritySha256Key, header(body, 4 + 32));
                putAttribute(body, StunAttribute.MESSAGE_INTEGRITY_SHA256, mac);
            }
            if (fingerprint) {
                byte[] covered = header(body, 8);
                putAttribute(body, StunAttribute.FINGERPRINT,
                        ByteBuffer.allocate(4).putInt(Fingerprint.compute(covered, covered.length)).array());
            }
            return header(body, 0);
        }

        /** The bytes so far, with the header's length field counting {@code extra} more bytes. */
        private byte[] header(ByteBuffer body, int extra) {
            int end = body.position();
            int length = end - HEADER_LENGTH + extra;
            // RFC 8489 §5: type = method bits interleaved with the class bits C0 (bit 4) and C1 (bit 8).
            int m = method;
            int c = messageClass.bits();
            int type = (m & 0x000F) | ((m & 0x0070) << 1) | ((m & 0x0F80) << 2) | ((c & 1) << 4) | ((c & 2) << 7);
            body.duplicate().position(0)
                    .putShort((short) type).putShort((short) length).putInt(MAGIC_COOKIE).put(transactionId);
            return Arrays.copyOf(body.array(), end);
        }

        private static void putAttribute(ByteBuffer body, int type, byte[] value) {
            if (value.length > 0xFFFF || body.remaining() < 4 + padded(value.length)) {
                throw new IllegalArgumentException("STUN message too large");
            }
            body.putShort((short) type).putShort((short) value.length).put(value);
            for (int i = value.length; i < padded(value.length); i++) {
                body.put((byte) 0);
            }
        }
    }
}
