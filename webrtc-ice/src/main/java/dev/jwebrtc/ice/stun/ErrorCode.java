package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** ERROR-CODE (RFC 8489 §14.8): a code 300..699 and a UTF-8 reason phrase (at most 763 bytes). */
public record ErrorCode(int code, String reason) implements StunAttribute {

    public static final int TRY_ALTERNATE = 300;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int FORBIDDEN = 403;
    public static final int UNKNOWN_ATTRIBUTE = 420;
    public static final int ALLOCATION_MISMATCH = 437;
    public static final int STALE_NONCE = 438;
    public static final int ADDRESS_FAMILY_NOT_SUPPORTED = 440;
    public static final int WRONG_CREDENTIALS = 441;
    public static final int UNSUPPORTED_TRANSPORT_PROTOCOL = 442;
    public static final int ALLOCATION_QUOTA_REACHED = 486;
    public static final int ROLE_CONFLICT = 487;
    public static final int SERVER_ERROR = 500;
    public static final int INSUFFICIENT_CAPACITY = 508;

    public ErrorCode {
        Objects.requireNonNull(reason, "reason");
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("STUN error code must be 300..699, got " + code);
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length > 763) {
            throw new IllegalArgumentException("ERROR-CODE reason longer than 763 bytes");
        }
    }

    @Override
    public int type() {
        return ERROR_CODE;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(4 + text.length);
        out.putShort((short) 0);
        out.put((byte) (code / 100));
        out.put((byte) (code % 100));
        out.put(text);
        return out.array();
    }

    static @Nullable ErrorCode decode(ByteBuffer value) {
        if (value.remaining() < 4 || value.remaining() > 4 + 763) {
            return null;
        }
        value.getShort();
        int cls = value.get() & 0x07;
        int number = value.get() & 0xFF;
        if (cls < 3 || cls > 6 || number > 99) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(value)
                    .toString();
            return new ErrorCode(cls * 100 + number, text);
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
