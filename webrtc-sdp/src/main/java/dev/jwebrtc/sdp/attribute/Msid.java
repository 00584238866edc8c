package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code a=msid:<stream id> [<track id>]} (RFC 8830 §2): {@code msid-id = 1*64token-char},
 * {@code msid-appdata = 1*64token-char}. Stream id {@code -} means "no stream".
 */
public record Msid(String streamId, @Nullable String trackId) implements TypedAttribute {
    public static final AttributeType<Msid> TYPE = AttributeType.of("msid", Msid::parse);
    private static final String GRAMMAR = "msid:<msid-id> [<msid-appdata>] of 1 to 64 token characters each";

    public Msid {
        Objects.requireNonNull(streamId, "streamId");
    }

    public static Msid parse(String value) {
        List<String> f = Values.fields(value, 1, GRAMMAR);
        Values.require(f.size() <= 2, GRAMMAR, value);
        for (String s : f) {
            Values.token(s, GRAMMAR, value);
            Values.require(s.length() <= 64, GRAMMAR, value);
        }
        return new Msid(f.get(0), f.size() == 2 ? f.get(1) : null);
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("msid", trackId == null ? streamId : streamId + " " + trackId);
    }
}
