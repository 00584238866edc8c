package dev.jwebrtc.ice;

/** The ICE role (RFC 8445 §6.1.1): the controlling agent nominates pairs, the controlled one follows. */
public enum IceRole {
    CONTROLLING,
    CONTROLLED;

    /** The other role. */
    public IceRole opposite() {
        return this == CONTROLLING ? CONTROLLED : CONTROLLING;
    }
}
