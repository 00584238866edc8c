package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One SDES item (RFC 3550 §6.5): a type 1..255 and up to 255 value bytes (UTF-8 text for the standard types; PRIV
 * keeps its prefix length and prefix inside the value).
 *
 * @param type 1 CNAME, 2 NAME, 3 EMAIL, 4 PHONE, 5 LOC, 6 TOOL, 7 NOTE, 8 PRIV, others as registered
 * @param value the value bytes
 */
public record SdesItem(int type, ByteBuffer value) {
    /** RFC 3550 §6.5.1: canonical end-point identifier. */
    public static final int CNAME = 1;

    public SdesItem {
        Rtcp.checkRange("SDES item type", type, 1, 255);
        Rtcp.checkRange("SDES item length", value.remaining(), 0, 255);
    }

    /** A text item. */
    public static SdesItem text(int type, String text) {
        return new SdesItem(type, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer());
    }

    /** A CNAME item. */
    public static SdesItem cname(String cname) {
        return text(CNAME, cname);
    }

    /** The value decoded as UTF-8. */
    public String text() {
        byte[] b = new byte[value.remaining()];
        value.duplicate().get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
