package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.internal.Grammar;

/** {@code a=ptime:<milliseconds>} (RFC 8866 §6.4); a fraction such as {@code 2.5} is allowed. */
public record Ptime(String milliseconds) implements TypedAttribute {
    public static final AttributeType<Ptime> TYPE = AttributeType.of("ptime", Ptime::parse);

    public static Ptime parse(String value) {
        Grammar.parseDecimal(value.trim(), "ptime:<milliseconds> (digits, optional fraction)", value);
        return new Ptime(value.trim());
    }

    public double millis() {
        return Double.parseDouble(milliseconds);
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("ptime", milliseconds);
    }
}
