package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.internal.Grammar;

/**
 * {@code a=mid:<identification-tag>} (RFC 5888 §4, RFC 8843 §9.1). RFC 8843 limits the tag to token characters
 * so it fits the RTP MID header extension; at most 255 characters are accepted here.
 */
public record Mid(String id) implements TypedAttribute {
    public static final AttributeType<Mid> TYPE = AttributeType.of("mid", Mid::parse);

    public static Mid parse(String value) {
        Values.require(Grammar.isToken(value) && value.length() <= 255, "mid:<identification-tag> (a token)", value);
        return new Mid(value);
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("mid", id);
    }
}
