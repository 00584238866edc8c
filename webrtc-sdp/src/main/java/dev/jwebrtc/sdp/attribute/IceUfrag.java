package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.internal.Grammar;

/** {@code a=ice-ufrag:<ufrag>}; RFC 8839 §5.4: {@code ufrag = 4*256ice-char}. */
public record IceUfrag(String ufrag) implements TypedAttribute {
    public static final AttributeType<IceUfrag> TYPE = AttributeType.of("ice-ufrag", IceUfrag::parse);

    public static IceUfrag parse(String value) {
        Values.require(Grammar.isIceChars(value) && value.length() >= 4 && value.length() <= 256,
                "ice-ufrag of 4 to 256 ice-chars (ALPHA / DIGIT / + / /)", value);
        return new IceUfrag(value);
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("ice-ufrag", ufrag);
    }
}
