package dev.jwebrtc.sdp;

import dev.jwebrtc.sdp.internal.Grammar;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One {@code a=} line, kept verbatim: {@code a=name} (a property attribute, {@code value == null}) or
 * {@code a=name:value}. Unknown attributes survive a round trip unchanged; typed views of the known ones
 * are in {@link dev.jwebrtc.sdp.attribute}.
 *
 * @param name the attribute name (RFC 8866 {@code att-field}, a token)
 * @param value everything after the first colon, or {@code null} for a property attribute
 */
public record Attribute(String name, @Nullable String value) {
    public Attribute {
        Grammar.requireToken(name, "attribute name");
        if (value != null) {
            Grammar.requireText(value, "value of a=" + name);
        }
    }

    /** A property attribute such as {@code a=rtcp-mux}. */
    public static Attribute flag(String name) {
        return new Attribute(name, null);
    }

    /** A value attribute such as {@code a=mid:0}. */
    public static Attribute of(String name, String value) {
        return new Attribute(name, Objects.requireNonNull(value, "value"));
    }

    /** The line without {@code a=}: {@code name} or {@code name:value}. */
    @Override
    public String toString() {
        return value == null ? name : name + ":" + value;
    }
}
