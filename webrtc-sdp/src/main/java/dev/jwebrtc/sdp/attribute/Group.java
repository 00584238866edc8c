package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import java.util.List;

/** {@code a=group:<semantics> <mid> ...} (RFC 5888 §5, BUNDLE per RFC 8843 §7.1). */
public record Group(String semantics, List<String> mids) implements TypedAttribute {
    public static final String BUNDLE = "BUNDLE";
    public static final AttributeType<Group> TYPE = AttributeType.of("group", Group::parse);

    public Group {
        mids = List.copyOf(mids);
    }

    public static Group bundle(List<String> mids) {
        return new Group(BUNDLE, mids);
    }

    public static Group parse(String value) {
        String expected = "group:<semantics> *(SP <identification-tag>)";
        List<String> f = Values.fields(value, 1, expected);
        for (String s : f) {
            Values.token(s, expected, value);
        }
        return new Group(f.get(0), f.subList(1, f.size()));
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("group", mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids));
    }
}
