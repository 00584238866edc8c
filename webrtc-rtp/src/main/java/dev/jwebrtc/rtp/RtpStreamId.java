package dev.jwebrtc.rtp;

import java.nio.ByteBuffer;
import java.util.Optional;

/** RFC 8852 §3.1: the RTP stream identifier (a simulcast rid). */
public record RtpStreamId(String rid) implements HeaderExtension {
    /** The extmap URI. */
    public static final String URI = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";

    public RtpStreamId {
        ExtensionStrings.check("rid", rid);
    }

    /** Parses an element value; empty when it is empty. */
    public static Optional<RtpStreamId> parse(ByteBuffer data) {
        return ExtensionStrings.parse(data).map(RtpStreamId::new);
    }

    @Override
    public String uri() {
        return URI;
    }

    @Override
    public byte[] encode() {
        return ExtensionStrings.encode(rid);
    }
}
