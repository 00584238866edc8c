package dev.jwebrtc;

import java.util.Locale;

/** W3C {@code RTCRtpTransceiverDirection}. */
public enum RTCRtpTransceiverDirection {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE, STOPPED;

    /** The W3C/SDP string ({@code "sendrecv"}). */
    public String w3cName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RTCRtpTransceiverDirection of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
