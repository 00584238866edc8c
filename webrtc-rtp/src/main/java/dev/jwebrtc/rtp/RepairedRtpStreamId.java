package dev.jwebrtc.rtp;

import java.nio.ByteBuffer;
import java.util.Optional;

/** RFC 8852 §3.2: the rid of the stream that a repair stream (RTX, FEC) repairs. */
public record RepairedRtpStreamId(String rid) implements HeaderExtension {
    /** The extmap URI. */
    public static final String URI = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";

    public RepairedRtpStreamId {
        ExtensionStrings.check("rid", rid);
    }

    /** Parses an element value; empty when it is empty. */
    public static Optional<RepairedRtpStreamId> parse(ByteBuffer data) {
        return ExtensionStrings.parse(data).map(RepairedRtpStreamId::new);
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
