package dev.jwebrtc;

/** W3C {@code RTCSignalingState} (see RFC 8829 §3.2 for the offer/answer state machine). */
public enum RTCSignalingState {
    STABLE, HAVE_LOCAL_OFFER, HAVE_REMOTE_OFFER, HAVE_LOCAL_PRANSWER, HAVE_REMOTE_PRANSWER, CLOSED
}
