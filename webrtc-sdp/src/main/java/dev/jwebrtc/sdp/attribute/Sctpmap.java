package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.internal.Grammar;
import java.util.List;

/**
 * Legacy {@code a=sctpmap:<port> <protocol> [<streams>]} (draft-ietf-mmusic-sctp-sdp-05), used with
 * {@code m=application ... DTLS/SCTP 5000} by old endpoints.
 *
 * @param streams the number of streams, 0 when absent
 */
public record Sctpmap(int port, String protocol, int streams) implements TypedAttribute {
    public static final AttributeType<Sctpmap> TYPE = AttributeType.of("sctpmap", Sctpmap::parse);
    private static final String GRAMMAR = "sctpmap:<port> <protocol> [<streams>]";

    public static Sctpmap parse(String value) {
        List<String> f = Values.fields(value, 2, GRAMMAR);
        Values.require(f.size() <= 3, GRAMMAR, value);
        int port = Grammar.parseInt(f.get(0), 0, 65535, "<port> 0-65535 in " + GRAMMAR, value);
        Values.token(f.get(1), "<protocol> token in " + GRAMMAR, value);
        int streams = f.size() == 3 ? Grammar.parseInt(f.get(2), 1, 65535, "<streams> 1-65535 in " + GRAMMAR,
                value) : 0;
        return new Sctpmap(port, f.get(1), streams);
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("sctpmap", port + " " + protocol + (streams > 0 ? " " + streams : ""));
    }
}
