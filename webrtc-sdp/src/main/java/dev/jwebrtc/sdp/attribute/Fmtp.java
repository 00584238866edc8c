package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.internal.Grammar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code a=fmtp:<format> <format specific parameters>} (RFC 8866 §6.15). The parameters are kept verbatim;
 * {@link #parameterMap()} reads the common {@code key=value;key=value} form.
 */
public record Fmtp(String format, String parameters) implements TypedAttribute {
    public static final AttributeType<Fmtp> TYPE = AttributeType.of("fmtp", Fmtp::parse);
    private static final String GRAMMAR = "fmtp:<format> <format specific parameters>";

    public Fmtp {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(parameters, "parameters");
    }

    public static Fmtp parse(String value) {
        String v = value.trim();
        int sp = 0;
        while (sp < v.length() && !Grammar.isBlank(v.charAt(sp))) {
            sp++;
        }
        String format = v.substring(0, sp);
        Values.token(format, "<format> token in " + GRAMMAR, value);
        return new Fmtp(format, v.substring(sp).trim());
    }

    /** The format as an RTP payload type, or -1 when it is not a number 0-127. */
    public int payloadType() {
        if (!Grammar.isDigits(format) || format.length() > 3) {
            return -1;
        }
        int pt = Integer.parseInt(format);
        return pt <= 127 ? pt : -1;
    }

    /**
     * {@code key=value} pairs separated by {@code ;}, keys lower-cased (RFC 6838 parameter names are
     * case-insensitive), in order. A part without {@code =} maps to an empty value (e.g. RED's {@code 111/111}).
     */
    public Map<String, String> parameterMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : parameters.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            out.putIfAbsent(key, eq < 0 ? "" : p.substring(eq + 1).trim());
        }
        return Collections.unmodifiableMap(out);
    }

    /** One parameter by (case-insensitive) name. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameterMap().get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("fmtp", parameters.isEmpty() ? format : format + " " + parameters);
    }
}
