package dev.jwebrtc.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The RTP header extension block (RFC 3550 §5.3.1): a 16-bit profile and a body that is a multiple of four bytes.
 * With profile {@code 0xBEDE} the body holds one-byte-header elements (RFC 8285 §4.2); with {@code 0x100X} it holds
 * two-byte-header elements (RFC 8285 §4.3, X being the four "appbits"). Any other profile is kept as opaque bytes.
 *
 * <p>The body is kept exactly as received (padding between elements included), so writing a parsed packet reproduces
 * its bytes. {@link #elements()} decodes the body on each call without copying values.
 *
 * @param profile the "defined by profile" field
 * @param body the extension body without its 4-byte header, length a multiple of 4; a view when parsed
 */
public record RtpHeaderExtensions(int profile, ByteBuffer body) {

    /** The extension body, as a new view (its position and limit are the caller's to move). */
    public java.nio.ByteBuffer body() {
        return body.duplicate();
    }
    /** RFC 8285 §4.2: the one-byte header form's profile value. */
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** RFC 8285 §4.3: the two-byte header form's profile value with appbits zero. */
    public static final int TWO_BYTE_PROFILE = 0x1000;

    public RtpHeaderExtensions {
        if (profile < 0 || profile > 0xFFFF) {
            throw new IllegalArgumentException("extension profile " + profile + " is not a 16-bit value");
        }
        if (body.remaining() % 4 != 0 || body.remaining() > 0xFFFF * 4) {
            throw new IllegalArgumentException("extension body of " + body.remaining()
                    + " bytes is not a multiple of 4 up to 262140 (RFC 3550 §5.3.1)");
        }
    }

    /** Whether the body uses the one-byte element form. */
    public boolean isOneByte() {
        return profile == ONE_BYTE_PROFILE;
    }

    /** Whether the body uses the two-byte element form. */
    public boolean isTwoByte() {
        return (profile & 0xFFF0) == TWO_BYTE_PROFILE;
    }

    /** Bytes this block takes in a packet, its 4-byte header included. */
    public int encodedLength() {
        return 4 + body.remaining();
    }

    /**
     * Decodes the elements. Malformed trailing data (an element running past the body) ends the list silently, as
     * RFC 8285 asks receivers to ignore what they cannot parse; an unknown profile gives an empty list.
     */
    public List<RtpExtensionElement> elements() {
        List<RtpExtensionElement> out = new ArrayList<>();
        scan(body, body.position(), body.limit(), profile, 0, out);
        return out;
    }

    /** The value of the first element with this id, as a view. */
    public Optional<ByteBuffer> find(int id) {
        for (RtpExtensionElement e : elements()) {
            if (e.id() == id) {
                return Optional.of(e.data());
            }
        }
        return Optional.empty();
    }

    /**
     * Encodes elements in the one-byte form when every id is 1..14 and every value 1..16 bytes long, otherwise in the
     * two-byte form (RFC 8285 §4.1.2 lets a sender pick per packet). Values are copied.
     */
    public static RtpHeaderExtensions of(List<RtpExtensionElement> elements) {
        boolean oneByte = true;
        for (RtpExtensionElement e : elements) {
            int len = e.data().remaining();
            if (e.id() > 14 || len < 1 || len > 16) {
                oneByte = false;
                break;
            }
        }
        return oneByte ? oneByte(elements) : twoByte(elements, 0);
    }

    /** Encodes elements in the one-byte form; throws if an id or length does not fit it. */
    public static RtpHeaderExtensions oneByte(List<RtpExtensionElement> elements) {
        int size = 0;
        for (RtpExtensionElement e : elements) {
            int len = e.data().remaining();
            if (e.id() > 14 || len < 1 || len > 16) {
                throw new IllegalArgumentException("element id " + e.id() + " with " + len
                        + " bytes does not fit the one-byte form (ids 1..14, 1..16 bytes, RFC 8285 §4.2)");
            }
            size += 1 + len;
        }
        ByteBuffer body = ByteBuffer.allocate(padded(size));
        for (RtpExtensionElement e : elements) {
            body.put((byte) (e.id() << 4 | (e.data().remaining() - 1)));
            body.put(e.data().duplicate());
        }
        body.clear();
        return new RtpHeaderExtensions(ONE_BYTE_PROFILE, body);
    }

    /** Encodes elements in the two-byte form with the given appbits (0..15). */
    public static RtpHeaderExtensions twoByte(List<RtpExtensionElement> elements, int appBits) {
        if (appBits < 0 || appBits > 15) {
            throw new IllegalArgumentException("appbits " + appBits + " outside 0..15 (RFC 8285 §4.3)");
        }
        int size = 0;
        for (RtpExtensionElement e : elements) {
            size += 2 + e.data().remaining();
        }
        ByteBuffer body = ByteBuffer.allocate(padded(size));
        for (RtpExtensionElement e : elements) {
            body.put((byte) e.id());
            body.put((byte) e.data().remaining());
            body.put(e.data().duplicate());
        }
        body.clear();
        return new RtpHeaderExtensions(TWO_BYTE_PROFILE | appBits, body);
    }

    /**
     * Finds, in the RTP packet in {@code [position, limit)} of {@code packet}, the first header extension element
     * with this id and returns the absolute index of its value, so that a forwarder can overwrite a fixed-size value
     * (a transport-wide sequence number, an abs-send-time) in place without parsing the packet. Allocates nothing.
     *
     * @param id the element id, 1..255
     * @param length the value length the caller expects
     * @return the index of the value in {@code packet}, or -1 when the packet is not RTP version 2, has no
     *     extension block in the one-byte or two-byte form, has no element with this id, or that element's value is
     *     not {@code length} bytes long
     */
    public static int valueOffset(ByteBuffer packet, int id, int length) {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("extension id " + id + " outside 1..255 (RFC 8285 §4.2, §4.3)");
        }
        int start = packet.position();
        int end = packet.limit();
        if (end - start < RtpHeader.FIXED_LENGTH) {
            return -1;
        }
        int b0 = packet.get(start) & 0xFF;
        if (b0 >>> 6 != 2 || (b0 & 0x10) == 0) {
            return -1;
        }
        int at = start + RtpHeader.FIXED_LENGTH + 4 * (b0 & 0x0F); // RFC 3550 §5.3.1: after the CSRCs
        if (at + 4 > end) {
            return -1;
        }
        int bodyEnd = at + 4 + 4 * Bytes.u16(packet, at + 2);
        if (bodyEnd > end) {
            return -1;
        }
        int found = scan(packet, at + 4, bodyEnd, Bytes.u16(packet, at), id, null);
        if (found < 0) {
            return -1;
        }
        int valueLength = (Bytes.u16(packet, at) == ONE_BYTE_PROFILE)
                ? (packet.get(found - 1) & 0x0F) + 1
                : packet.get(found - 1) & 0xFF;
        return valueLength == length ? found : -1;
    }

    /**
     * Walks the elements of a body in {@code [pos, end)} of {@code b}: adds each to {@code out} when it is given,
     * and returns the index of the value of the first element with id {@code wanted} (0: none wanted), or -1.
     */
    private static int scan(ByteBuffer b, int pos, int end, int profile, int wanted,
            @Nullable List<RtpExtensionElement> out) {
        boolean oneByte = profile == ONE_BYTE_PROFILE;
        if (!oneByte && (profile & 0xFFF0) != TWO_BYTE_PROFILE) {
            return -1; // an unknown profile is opaque
        }
        while (pos < end) {
            int first = b.get(pos) & 0xFF;
            if (first == 0) { // RFC 8285 §4.2, §4.3: padding byte
                pos++;
                continue;
            }
            int id;
            int len;
            int header;
            if (oneByte) {
                id = first >>> 4;
                if (id == 15) { // RFC 8285 §4.2: id 15 stops processing
                    break;
                }
                len = (first & 0x0F) + 1;
                header = 1;
            } else {
                if (pos + 2 > end) {
                    break;
                }
                id = first;
                len = b.get(pos + 1) & 0xFF;
                header = 2;
            }
            if (pos + header + len > end) {
                break;
            }
            if (id == wanted) {
                return pos + header;
            }
            if (out != null) {
                out.add(new RtpExtensionElement(id, slice(b, pos + header, len)));
            }
            pos += header + len;
        }
        return -1;
    }

    /** Writes the 4-byte header and the body at {@code out}'s position. */
    void writeTo(ByteBuffer out) {
        out.putShort((short) profile);
        out.putShort((short) (body.remaining() / 4));
        out.put(body.duplicate());
    }

    private static int padded(int n) {
        return (n + 3) & ~3;
    }

    static ByteBuffer slice(ByteBuffer b, int from, int len) {
        ByteBuffer d = b.duplicate();
        d.limit(from + len).position(from);
        return d.slice();
    }
}
