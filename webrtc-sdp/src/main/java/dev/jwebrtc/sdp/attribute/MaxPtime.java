package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.internal.Grammar;

/** {@code a=maxptime:<milliseconds>} (RFC 8866 §6.5); a fraction is allowed. */
public record MaxPtime(String milliseconds) implements TypedAttribute {
    public static final AttributeType<MaxPtime> TYPE = AttributeType.of("maxptime", MaxPtime::parse);

    public static MaxPtime parse(String value) {
        Grammar.parseDecimal(value.trim(), "maxptime:<milliseconds> (digits, optional fraction)", value);
        return new MaxPtime(value.trim());
    }

    public double millis() {
        return Double.parseDouble(milliseconds);
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("maxptime", milliseconds);
    }
}
