package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.internal.Grammar;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code a=ssrc:<ssrc-id> <attribute>[:<value>]} (RFC 5576 §4.1), e.g. {@code cname:...} (RFC 5576 §6.1) or
 * the legacy {@code msid:<stream> <track>}.
 */
public record Ssrc(long ssrc, String attribute, @Nullable String value) implements TypedAttribute {
    public static final AttributeType<Ssrc> TYPE = AttributeType.of("ssrc", Ssrc::parse);
    private static final String GRAMMAR = "ssrc:<ssrc-id> <attribute>[:<value>]";

    public Ssrc {
        Objects.requireNonNull(attribute, "attribute");
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC out of range: " + ssrc);
        }
    }

    public static Ssrc parse(String value) {
        List<String> f = Values.fields(value, 2, GRAMMAR);
        long ssrc = Values.ssrc(f.get(0), value);
        String rest = Grammar.afterFields(value, 1);
        int colon = rest.indexOf(':');
        String name = colon < 0 ? rest : rest.substring(0, colon);
        Values.token(name, "<attribute> token in " + GRAMMAR, value);
        return new Ssrc(ssrc, name, colon < 0 ? null : rest.substring(colon + 1));
    }

    public static Ssrc cname(long ssrc, String cname) {
        return new Ssrc(ssrc, "cname", cname);
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("ssrc", ssrc + " " + attribute + (value == null ? "" : ":" + value));
    }
}
