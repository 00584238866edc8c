package dev.jwebrtc;

/** W3C {@code RTCIceGatheringState}. */
public enum RTCIceGatheringState {
    NEW, GATHERING, COMPLETE
}
