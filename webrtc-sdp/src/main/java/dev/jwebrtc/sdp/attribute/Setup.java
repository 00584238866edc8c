package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.SdpParseException;

/** {@code a=setup:} (RFC 4145 §4, for DTLS per RFC 8842 §5.2): which side opens the DTLS association. */
public enum Setup implements TypedAttribute {
    ACTIVE("active"),
    PASSIVE("passive"),
    ACTPASS("actpass"),
    HOLDCONN("holdconn");

    public static final AttributeType<Setup> TYPE = AttributeType.of("setup", Setup::parse);

    private final String value;

    Setup(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Setup parse(String value) {
        return switch (value.trim()) {
            case "active" -> ACTIVE;
            case "passive" -> PASSIVE;
            case "actpass" -> ACTPASS;
            case "holdconn" -> HOLDCONN;
            default -> throw SdpParseException.inValue(value, "setup:active, passive, actpass or holdconn");
        };
    }

    /** RFC 8842 §5.3: the role an answerer takes against an offered role, preferring {@code preferred}. */
    public Setup answerTo(Setup preferred) {
        return switch (this) {
            case ACTIVE -> PASSIVE;
            case PASSIVE -> ACTIVE;
            case ACTPASS -> preferred == PASSIVE ? PASSIVE : ACTIVE;
            case HOLDCONN -> HOLDCONN;
        };
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("setup", value);
    }
}
