package dev.jwebrtc.sdp;

import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A typed view of one attribute name: its name and how to parse its value. Every record in
 * {@link dev.jwebrtc.sdp.attribute} publishes one as {@code TYPE}, so lookups read
 * {@code media.all(Rtpmap.TYPE)}.
 *
 * @param <T> the typed value
 */
public final class AttributeType<T> {
    private final String name;
    private final Function<String, T> parser;

    private AttributeType(String name, Function<String, T> parser) {
        this.name = name;
        this.parser = parser;
    }

    /**
     * @param name the attribute name
     * @param parser parses the value (text after the colon); throws {@link SdpParseException} when malformed
     */
    public static <T> AttributeType<T> of(String name, Function<String, T> parser) {
        return new AttributeType<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(parser, "parser"));
    }

    public String name() {
        return name;
    }

    /** Parses the value of an attribute with this name. */
    public T parse(@Nullable String value) {
        if (value == null) {
            throw SdpParseException.inValue("a=" + name, "a=" + name + ":<value>");
        }
        try {
            return parser.apply(value);
        } catch (SdpParseException e) {
            throw SdpParseException.inValue("a=" + name + ":" + value, e.expected());
        }
    }

    /** Parses an attribute; it must carry this name. */
    public T parse(Attribute attribute) {
        if (!attribute.name().equals(name)) {
            throw new IllegalArgumentException("not an a=" + name + " attribute: a=" + attribute);
        }
        return parse(attribute.value());
    }

    @Override
    public String toString() {
        return "AttributeType[" + name + "]";
    }
}
