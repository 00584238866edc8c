package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import java.util.HexFormat;
import java.util.Locale;

/**
 * {@code a=fingerprint:<hash-func> <fingerprint>} (RFC 8122 §5, used by RFC 8842 §5). A section may carry several,
 * one per hash function. Lower-case hex digits are accepted; {@link #bytes()} decodes either case.
 */
public record Fingerprint(String hashFunction, String fingerprint) implements TypedAttribute {
    public static final AttributeType<Fingerprint> TYPE = AttributeType.of("fingerprint", Fingerprint::parse);
    private static final String GRAMMAR = "fingerprint:<hash-func> <2 hex digits> *(\":\" <2 hex digits>)";

    public static Fingerprint parse(String value) {
        var f = Values.fields(value, 2, GRAMMAR);
        Values.require(f.size() == 2, GRAMMAR, value);
        Values.token(f.get(0), "<hash-func> token in " + GRAMMAR, value);
        String fp = f.get(1);
        // RFC 8122 §5: fingerprint = 2UHEX *(":" 2UHEX)
        Values.require(fp.length() % 3 == 2 && fp.length() <= 3 * 64 - 1, GRAMMAR, value);
        for (int i = 0; i < fp.length(); i++) {
            char c = fp.charAt(i);
            boolean ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0 && c < 0x80;
            Values.require(ok, GRAMMAR, value);
        }
        return new Fingerprint(f.get(0), fp);
    }

    /** A fingerprint from raw digest bytes, written in upper-case hex as browsers do. */
    public static Fingerprint of(String hashFunction, byte[] digest) {
        String hex = HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        return new Fingerprint(hashFunction, hex);
    }

    /** The digest bytes. */
    public byte[] bytes() {
        return HexFormat.ofDelimiter(":").parseHex(fingerprint.toUpperCase(Locale.ROOT));
    }

    /** Same hash function (case-insensitive, RFC 8122 §5) and same digest. */
    public boolean matches(Fingerprint other) {
        return hashFunction.equalsIgnoreCase(other.hashFunction) && fingerprint.equalsIgnoreCase(other.fingerprint);
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("fingerprint", hashFunction + " " + fingerprint);
    }

}
