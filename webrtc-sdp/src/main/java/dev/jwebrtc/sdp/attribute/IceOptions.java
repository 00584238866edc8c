package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import java.util.List;

/**
 * {@code a=ice-options:<tag> ...} (RFC 8839 §5.6), e.g. {@code trickle} (RFC 8840) and {@code ice2} (RFC 8445).
 * Tags are accepted as tokens: older Chromium wrote {@code google-ice}, which is not made of ice-chars.
 */
public record IceOptions(List<String> options) implements TypedAttribute {
    public static final AttributeType<IceOptions> TYPE = AttributeType.of("ice-options", IceOptions::parse);
    public static final String TRICKLE = "trickle";
    public static final String ICE2 = "ice2";

    public IceOptions {
        options = List.copyOf(options);
    }

    public static IceOptions parse(String value) {
        String expected = "ice-options:<ice-option-tag> *(SP <ice-option-tag>)";
        List<String> f = Values.fields(value, 1, expected);
        for (String s : f) {
            Values.token(s, expected, value);
        }
        return new IceOptions(f);
    }

    public boolean trickle() {
        return options.contains(TRICKLE);
    }

    public boolean ice2() {
        return options.contains(ICE2);
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("ice-options", String.join(" ", options));
    }
}
