package dev.jwebrtc;

/** W3C {@code RTCDataChannelState}. */
public enum RTCDataChannelState {
    CONNECTING, OPEN, CLOSING, CLOSED
}
