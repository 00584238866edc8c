package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.internal.Grammar;

/**
 * {@code a=max-message-size:<bytes>} (RFC 8841 §6.1). 0 means no limit; absent means 64 KiB
 * (RFC 8841 §6.1, {@link #DEFAULT}).
 */
public record MaxMessageSize(long size) implements TypedAttribute {
    public static final AttributeType<MaxMessageSize> TYPE = AttributeType.of("max-message-size",
            MaxMessageSize::parse);
    /** RFC 8841 §6.1: the size to assume when the attribute is absent. */
    public static final long DEFAULT = 65536;

    public static MaxMessageSize parse(String value) {
        return new MaxMessageSize(Grammar.parseLong(value.trim(), 0, Long.MAX_VALUE, "max-message-size:<bytes>",
                value));
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("max-message-size", Long.toString(size));
    }
}
