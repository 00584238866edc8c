package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.internal.Grammar;

/** {@code a=tls-id:} (RFC 8842 §5.3): {@code tls-id-value = 20*255(ALPHA / DIGIT / "+" / "/" / "-" / "_")}. */
public record TlsId(String id) implements TypedAttribute {
    public static final AttributeType<TlsId> TYPE = AttributeType.of("tls-id", TlsId::parse);

    public static TlsId parse(String value) {
        boolean ok = value.length() >= 20 && value.length() <= 255;
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = Grammar.isAlnum(c) || c == '+' || c == '/' || c == '-' || c == '_';
        }
        Values.require(ok, "tls-id of 20 to 255 characters ALPHA / DIGIT / + / / / - / _", value);
        return new TlsId(value);
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("tls-id", id);
    }
}
