package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.internal.Grammar;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code a=extmap:<id>[/<direction>] <uri> [<extension attributes>]} (RFC 8285 §7).
 *
 * @param id 1-14 for one-byte headers, up to 255 for two-byte headers, 4096-4351 in offers (RFC 8285 §6)
 * @param direction the optional direction, or null
 * @param uri the extension URI
 * @param extensionAttributes everything after the URI, or null
 */
public record Extmap(int id, @Nullable Direction direction, String uri, @Nullable String extensionAttributes)
        implements TypedAttribute {
    public static final AttributeType<Extmap> TYPE = AttributeType.of("extmap", Extmap::parse);
    private static final String GRAMMAR = "extmap:<1-255 or 4096-4351>[/<direction>] <URI> [<attributes>]";

    public Extmap {
        Objects.requireNonNull(uri, "uri");
    }

    public static Extmap parse(String value) {
        List<String> f = Values.fields(value, 2, GRAMMAR);
        String idField = f.get(0);
        int slash = idField.indexOf('/');
        int id = Grammar.parseInt(slash < 0 ? idField : idField.substring(0, slash), 1, 4351, GRAMMAR, value);
        Values.require(id <= 255 || id >= 4096, GRAMMAR, value);
        Direction direction = null;
        if (slash >= 0) {
            direction = Direction.fromAttributeName(idField.substring(slash + 1));
            Values.require(direction != null, "direction sendrecv, sendonly, recvonly or inactive in " + GRAMMAR,
                    value);
        }
        String uri = f.get(1);
        Values.require(Grammar.isNonWs(uri), GRAMMAR, value);
        String attrs = f.size() > 2 ? Grammar.afterFields(value, 2) : null;
        return new Extmap(id, direction, uri, attrs);
    }

    @Override
    public Attribute toAttribute() {
        StringBuilder sb = new StringBuilder(64).append(id);
        if (direction != null) {
            sb.append('/').append(direction.attributeName());
        }
        sb.append(' ').append(uri);
        if (extensionAttributes != null) {
            sb.append(' ').append(extensionAttributes);
        }
        return Attribute.of("extmap", sb.toString());
    }
}
