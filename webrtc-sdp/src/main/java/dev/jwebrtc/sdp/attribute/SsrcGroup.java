package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code a=ssrc-group:<semantics> <ssrc-id> ...} (RFC 5576 §4.2): {@code FID} (RTX, RFC 4588 §8),
 * {@code SIM} (simulcast) and {@code FEC-FR} (RFC 5956 §4.3).
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) implements TypedAttribute {
    public static final AttributeType<SsrcGroup> TYPE = AttributeType.of("ssrc-group", SsrcGroup::parse);
    public static final String FID = "FID";
    public static final String SIM = "SIM";
    public static final String FEC_FR = "FEC-FR";
    private static final String GRAMMAR = "ssrc-group:<semantics> *(SP <ssrc-id>)";

    public SsrcGroup {
        Objects.requireNonNull(semantics, "semantics");
        ssrcs = List.copyOf(ssrcs);
    }

    public static SsrcGroup parse(String value) {
        List<String> f = Values.fields(value, 1, GRAMMAR);
        Values.token(f.get(0), "<semantics> token in " + GRAMMAR, value);
        List<Long> ssrcs = new ArrayList<>(f.size() - 1);
        for (int i = 1; i < f.size(); i++) {
            ssrcs.add(Values.ssrc(f.get(i), value));
        }
        return new SsrcGroup(f.get(0), ssrcs);
    }

    @Override
    public Attribute toAttribute() {
        StringBuilder sb = new StringBuilder(semantics);
        for (long s : ssrcs) {
            sb.append(' ').append(s);
        }
        return Attribute.of("ssrc-group", sb.toString());
    }
}
