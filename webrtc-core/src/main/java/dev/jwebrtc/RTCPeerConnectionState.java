package dev.jwebrtc;

/** W3C {@code RTCPeerConnectionState}: the ICE and DTLS transports' states combined. */
public enum RTCPeerConnectionState {
    NEW, CONNECTING, CONNECTED, DISCONNECTED, FAILED, CLOSED
}
