package dev.jwebrtc.ice;

/** Local candidate gathering, shaped for the W3C {@code RTCIceGatheringState}. */
public enum IceGatheringState {
    NEW,
    GATHERING,
    COMPLETE
}
