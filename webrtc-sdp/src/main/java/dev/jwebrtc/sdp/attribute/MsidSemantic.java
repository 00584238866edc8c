package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import java.util.List;

/**
 * {@code a=msid-semantic: WMS [<stream-id> ...]}, the session-level attribute of the msid draft that Chromium
 * still writes (RFC 8830's predecessor). The leading space Chromium writes is accepted.
 */
public record MsidSemantic(String semantic, List<String> identifiers) implements TypedAttribute {
    public static final AttributeType<MsidSemantic> TYPE = AttributeType.of("msid-semantic", MsidSemantic::parse);

    public MsidSemantic {
        identifiers = List.copyOf(identifiers);
    }

    public static MsidSemantic parse(String value) {
        String expected = "msid-semantic: <semantic> *(SP <identifier>)";
        List<String> f = Values.fields(value, 1, expected);
        for (String s : f) {
            Values.token(s, expected, value);
        }
        return new MsidSemantic(f.get(0), f.subList(1, f.size()));
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("msid-semantic", " " + semantic + (identifiers.isEmpty() ? ""
                : " " + String.join(" ", identifiers)));
    }
}
