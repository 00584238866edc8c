package dev.jwebrtc;

import java.util.Locale;

/** W3C {@code RTCSdpType}. */
public enum RTCSdpType {
    OFFER, PRANSWER, ANSWER, ROLLBACK;

    /** The W3C string form: {@code "offer"}, {@code "pranswer"}, {@code "answer"}, {@code "rollback"}. */
    public String w3cName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the W3C string form. */
    public static RTCSdpType fromW3cName(String name) {
        for (RTCSdpType t : values()) {
            if (t.w3cName().equals(name)) {
                return t;
            }
        }
        throw RTCException.typeError("not an RTCSdpType: '" + name + "'");
    }
}
