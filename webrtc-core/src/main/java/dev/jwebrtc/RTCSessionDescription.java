package dev.jwebrtc;

import java.util.Objects;

/**
 * W3C {@code RTCSessionDescription} / {@code RTCSessionDescriptionInit}: a type and the SDP text.
 *
 * @param type offer, pranswer, answer or rollback
 * @param sdp the SDP text; empty for a rollback
 */
public record RTCSessionDescription(RTCSdpType type, String sdp) {

    public RTCSessionDescription {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sdp, "sdp");
    }

    public static RTCSessionDescription offer(String sdp) {
        return new RTCSessionDescription(RTCSdpType.OFFER, sdp);
    }

    public static RTCSessionDescription answer(String sdp) {
        return new RTCSessionDescription(RTCSdpType.ANSWER, sdp);
    }

    public static RTCSessionDescription pranswer(String sdp) {
        return new RTCSessionDescription(RTCSdpType.PRANSWER, sdp);
    }

    public static RTCSessionDescription rollback() {
        return new RTCSessionDescription(RTCSdpType.ROLLBACK, "");
    }
}
