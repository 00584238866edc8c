package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.internal.Grammar;
import java.util.List;
import java.util.Objects;

/**
 * {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]} (RFC 8866 §6.6).
 *
 * @param channels the encoding parameters (audio channels), 0 when absent
 */
public record Rtpmap(int payloadType, String encodingName, int clockRate, int channels) implements TypedAttribute {
    public static final AttributeType<Rtpmap> TYPE = AttributeType.of("rtpmap", Rtpmap::parse);
    private static final String GRAMMAR = "rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>]";

    public Rtpmap {
        Objects.requireNonNull(encodingName, "encodingName");
    }

    public static Rtpmap parse(String value) {
        List<String> f = Values.fields(value, 2, GRAMMAR);
        Values.require(f.size() == 2, GRAMMAR, value);
        int pt = Values.payloadType(f.get(0), value);
        String[] parts = f.get(1).split("/", -1);
        Values.require(parts.length == 2 || parts.length == 3, GRAMMAR, value);
        Values.token(parts[0], "<encoding name> token in " + GRAMMAR, value);
        int clock = Grammar.parseInt(parts[1], 1, Integer.MAX_VALUE, "<clock rate> in " + GRAMMAR, value);
        int channels = parts.length == 3
                ? Grammar.parseInt(parts[2], 1, 255, "<channels> 1-255 in " + GRAMMAR, value) : 0;
        return new Rtpmap(pt, parts[0], clock, channels);
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("rtpmap", payloadType + " " + encodingName + "/" + clockRate
                + (channels > 0 ? "/" + channels : ""));
    }
}
