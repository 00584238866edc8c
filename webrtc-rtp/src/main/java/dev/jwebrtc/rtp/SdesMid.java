package dev.jwebrtc.rtp;

import java.nio.ByteBuffer;
import java.util.Optional;

/** RFC 8843 §15: the BUNDLE media identification (the m-line's mid). */
public record SdesMid(String mid) implements HeaderExtension {
    /** The extmap URI. */
    public static final String URI = "urn:ietf:params:rtp-hdrext:sdes:mid";

    public SdesMid {
        ExtensionStrings.check("mid", mid);
    }

    /** Parses an element value; empty when it is empty. */
    public static Optional<SdesMid> parse(ByteBuffer data) {
        return ExtensionStrings.parse(data).map(SdesMid::new);
    }

    @Override
    public String uri() {
        return URI;
    }

    @Override
    public byte[] encode() {
        return ExtensionStrings.encode(mid);
    }
}
