package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.internal.Grammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code a=rid:<rid-id> send|recv [pt=<fmt>,...][;<param>[=<value>]...]} (RFC 8851 §10), e.g.
 * {@code a=rid:h send pt=96;max-width=1280;max-height=720}.
 *
 * @param id the RTP stream id
 * @param send true for {@code send}, false for {@code recv}
 * @param payloadTypes the {@code pt=} list (empty when absent)
 * @param restrictions the other parameters in order ({@code max-width}, {@code max-fps}, {@code depend}, ...)
 */
public record Rid(String id, boolean send, List<String> payloadTypes, List<Restriction> restrictions)
        implements TypedAttribute {
    public static final AttributeType<Rid> TYPE = AttributeType.of("rid", Rid::parse);
    private static final String GRAMMAR = "rid:<rid-id> send|recv [pt=<fmt>*(,<fmt>)][;<param>[=<value>]]";

    /** One {@code rid-param}: a name and, for most, a value. */
    public record Restriction(String name, @Nullable String value) {
        public Restriction {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return value == null ? name : name + "=" + value;
        }
    }

    public Rid {
        Objects.requireNonNull(id, "id");
        payloadTypes = List.copyOf(payloadTypes);
        restrictions = List.copyOf(restrictions);
    }

    /** RFC 8851 §10: {@code rid-id = 1*(alpha-numeric / "-" / "_")}. */
    static boolean isRidId(String s) {
        if (s.isEmpty() || s.length() > 255) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Grammar.isAlnum(c) || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    public static Rid parse(String value) {
        List<String> f = Values.fields(value, 2, GRAMMAR);
        String id = f.get(0);
        Values.require(isRidId(id), "<rid-id> of ALPHA / DIGIT / - / _ in " + GRAMMAR, value);
        String dir = f.get(1);
        String list = Grammar.afterFields(value, 2);
        Values.require(dir.equals("send") || dir.equals("recv"), "send or recv in " + GRAMMAR, value);
        List<String> pts = new ArrayList<>();
        List<Restriction> params = new ArrayList<>();
        if (!list.isEmpty()) {
            String[] parts = list.split(";", -1);
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i].trim();
                Values.require(!p.isEmpty(), "<param> between ';' in " + GRAMMAR, value);
                if (i == 0 && p.startsWith("pt=")) {
                    for (String fmt : p.substring(3).split(",", -1)) {
                        Values.token(fmt, "pt=<fmt>*(,<fmt>) in " + GRAMMAR, value);
                        pts.add(fmt);
                    }
                    continue;
                }
                int eq = p.indexOf('=');
                String name = eq < 0 ? p : p.substring(0, eq);
                Values.require(isParamName(name), "<param name> of ALPHA / DIGIT / - in " + GRAMMAR, value);
                params.add(new Restriction(name, eq < 0 ? null : p.substring(eq + 1)));
            }
        }
        return new Rid(id, dir.equals("send"), pts, params);
    }

    private static boolean isParamName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Grammar.isAlnum(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The value of one restriction, e.g. {@code max-width}. */
    public Optional<String> restriction(String name) {
        for (Restriction r : restrictions) {
            if (r.name().equals(name)) {
                return Optional.ofNullable(r.value());
            }
        }
        return Optional.empty();
    }

    @Override
    public Attribute toAttribute() {
        StringBuilder sb = new StringBuilder(id).append(send ? " send" : " recv");
        String sep = " ";
        if (!payloadTypes.isEmpty()) {
            sb.append(" pt=").append(String.join(",", payloadTypes));
            sep = ";";
        }
        for (Restriction r : restrictions) {
            sb.append(sep).append(r);
            sep = ";";
        }
        return Attribute.of("rid", sb.toString());
    }
}
