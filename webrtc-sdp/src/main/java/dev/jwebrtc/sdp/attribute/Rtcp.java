package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.Connection;
import dev.jwebrtc.sdp.internal.Grammar;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code a=rtcp:<port> [<nettype> <addrtype> <connection-address>]} (RFC 3605 §2.1). */
public record Rtcp(int port, @Nullable Connection connection) implements TypedAttribute {
    public static final AttributeType<Rtcp> TYPE = AttributeType.of("rtcp", Rtcp::parse);
    private static final String GRAMMAR = "rtcp:<port> [<nettype> <addrtype> <connection-address>]";

    public static Rtcp parse(String value) {
        List<String> f = Values.fields(value, 1, GRAMMAR);
        Values.require(f.size() == 1 || f.size() == 4, GRAMMAR, value);
        int port = Grammar.parseInt(f.get(0), 0, 65535, "port 0-65535 in " + GRAMMAR, value);
        if (f.size() == 1) {
            return new Rtcp(port, null);
        }
        Values.require(Grammar.isToken(f.get(1)) && Grammar.isToken(f.get(2)) && Grammar.isNonWs(f.get(3)),
                GRAMMAR, value);
        return new Rtcp(port, new Connection(f.get(1), f.get(2), f.get(3)));
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("rtcp", connection == null ? Integer.toString(port) : port + " " + connection);
    }
}
