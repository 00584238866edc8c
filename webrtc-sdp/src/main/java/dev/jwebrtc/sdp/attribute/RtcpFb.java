package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code a=rtcp-fb:<pt or *> <type> [<parameter>]} (RFC 4585 §4.2), e.g. {@code 96 nack pli},
 * {@code 96 ccm fir}, {@code 96 transport-cc}, {@code * trr-int 100}.
 */
public record RtcpFb(String payloadType, String type, @Nullable String parameter) implements TypedAttribute {
    public static final AttributeType<RtcpFb> TYPE = AttributeType.of("rtcp-fb", RtcpFb::parse);
    public static final String WILDCARD = "*";
    private static final String GRAMMAR = "rtcp-fb:<payload type or *> <feedback type> [<parameters>]";

    public RtcpFb {
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(type, "type");
    }

    public static RtcpFb parse(String value) {
        List<String> f = Values.fields(value, 2, GRAMMAR);
        String pt = f.get(0);
        if (!pt.equals(WILDCARD)) {
            Values.payloadType(pt, value);
        }
        Values.token(f.get(1), "<feedback type> token in " + GRAMMAR, value);
        String param = f.size() > 2 ? String.join(" ", f.subList(2, f.size())) : null;
        return new RtcpFb(pt, f.get(1), param);
    }

    /** Applies to this payload type (directly or through {@code *}). */
    public boolean appliesTo(int pt) {
        return payloadType.equals(WILDCARD) || payloadType.equals(Integer.toString(pt));
    }

    /** Type and parameter, e.g. {@code nack pli}: what two sides compare when intersecting feedback. */
    public String mechanism() {
        return parameter == null ? type : type + " " + parameter;
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("rtcp-fb", payloadType + " " + mechanism());
    }
}
