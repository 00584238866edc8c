package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.internal.Grammar;

/** {@code a=sctp-port:<port>} (RFC 8841 §5.1): the SCTP port, 5000 by default (RFC 8841 §5.2). */
public record SctpPort(int port) implements TypedAttribute {
    public static final AttributeType<SctpPort> TYPE = AttributeType.of("sctp-port", SctpPort::parse);
    public static final int DEFAULT = 5000;

    public static SctpPort parse(String value) {
        return new SctpPort(Grammar.parseInt(value.trim(), 0, 65535, "sctp-port:<port> 0-65535", value));
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("sctp-port", Integer.toString(port));
    }
}
