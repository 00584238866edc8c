package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.internal.Grammar;

/** {@code a=ice-pwd:<password>}; RFC 8839 §5.4: {@code password = 22*256ice-char}. */
public record IcePwd(String password) implements TypedAttribute {
    public static final AttributeType<IcePwd> TYPE = AttributeType.of("ice-pwd", IcePwd::parse);

    public static IcePwd parse(String value) {
        Values.require(Grammar.isIceChars(value) && value.length() >= 22 && value.length() <= 256,
                "ice-pwd of 22 to 256 ice-chars (ALPHA / DIGIT / + / /)", value);
        return new IcePwd(value);
    }

    @Override
    public String toString() {
        return "IcePwd[redacted]";
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("ice-pwd", password);
    }
}
