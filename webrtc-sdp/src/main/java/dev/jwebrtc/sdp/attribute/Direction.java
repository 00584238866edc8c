package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import org.jspecify.annotations.Nullable;

/** The media direction property attributes (RFC 8866 §6.7): {@code a=sendrecv}, ... */
public enum Direction implements TypedAttribute {
    SENDRECV("sendrecv", true, true),
    SENDONLY("sendonly", true, false),
    RECVONLY("recvonly", false, true),
    INACTIVE("inactive", false, false);

    private final String attributeName;
    private final boolean sends;
    private final boolean receives;

    Direction(String attributeName, boolean sends, boolean receives) {
        this.attributeName = attributeName;
        this.sends = sends;
        this.receives = receives;
    }

    public String attributeName() {
        return attributeName;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The direction with this attribute name, or null. */
    public static @Nullable Direction fromAttributeName(String name) {
        return switch (name) {
            case "sendrecv" -> SENDRECV;
            case "sendonly" -> SENDONLY;
            case "recvonly" -> RECVONLY;
            case "inactive" -> INACTIVE;
            default -> null;
        };
    }

    /** The direction that sends and receives as given. */
    public static Direction of(boolean send, boolean receive) {
        return send ? (receive ? SENDRECV : SENDONLY) : (receive ? RECVONLY : INACTIVE);
    }

    /** The same direction seen from the other side: sendonly becomes recvonly. */
    public Direction reverse() {
        return of(receives, sends);
    }

    /** Sends only if both allow sending, receives only if both allow receiving. */
    public Direction intersect(Direction other) {
        return of(sends && other.sends, receives && other.receives);
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.flag(attributeName);
    }
}
