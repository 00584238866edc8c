package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Application-defined, PT=204 (RFC 3550 §6.7).
 *
 * @param subtype 0..31
 * @param ssrc the source
 * @param name four ASCII characters
 * @param data application data, a multiple of 4 bytes
 */
public record ApplicationDefined(int subtype, long ssrc, String name, ByteBuffer data) implements RtcpPacket {
    public ApplicationDefined {
        Rtcp.checkRange("APP subtype", subtype, 0, 31);
        Rtcp.checkU32("ssrc", ssrc);
        if (name.length() != 4 || !StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
            throw new IllegalArgumentException("APP name \"" + name + "\" is not four ASCII characters");
        }
        if (data.remaining() % 4 != 0) {
            throw new IllegalArgumentException("APP data of " + data.remaining()
                    + " bytes is not a multiple of 4 (RFC 3550 §6.7)");
        }
    }

    static @Nullable ApplicationDefined parse(ByteBuffer b, int at, int count, int length) {
        if (length < 8) {
            return null;
        }
        byte[] name = new byte[4];
        b.duplicate().position(at + 4).get(name);
        return new ApplicationDefined(count, Rtcp.u32(b, at), new String(name, StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x00-\\x7F]", "?"), Rtcp.slice(b, at + 8, (length - 8) & ~3));
    }

    @Override
    public int packetType() {
        return APP;
    }

    @Override
    public int encodedLength() {
        return 12 + data.remaining();
    }

    @Override
    public void writeTo(ByteBuffer out) {
        Rtcp.header(out, false, subtype, APP, encodedLength());
        out.putInt((int) ssrc);
        out.put(name.getBytes(StandardCharsets.US_ASCII));
        out.put(data.duplicate());
    }
}
