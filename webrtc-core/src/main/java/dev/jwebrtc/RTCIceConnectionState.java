package dev.jwebrtc;

/** W3C {@code RTCIceConnectionState}. */
public enum RTCIceConnectionState {
    NEW, CHECKING, CONNECTED, COMPLETED, DISCONNECTED, FAILED, CLOSED
}
