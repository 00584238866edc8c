package dev.jwebrtc;

import java.util.List;
import java.util.Objects;

/**
 * W3C {@code RTCRtpTransceiverInit}.
 *
 * @param direction the initial direction (not {@code STOPPED})
 * @param streams the stream ids the sender's track belongs to ({@code a=msid}), possibly none
 */
public record RTCRtpTransceiverInit(RTCRtpTransceiverDirection direction, List<String> streams) {

    public RTCRtpTransceiverInit {
        Objects.requireNonNull(direction, "direction");
        if (direction == RTCRtpTransceiverDirection.STOPPED) {
            throw RTCException.typeError("a transceiver cannot be created stopped");
        }
        streams = List.copyOf(streams);
    }

    public static RTCRtpTransceiverInit of(RTCRtpTransceiverDirection direction, String... streams) {
        return new RTCRtpTransceiverInit(direction, List.of(streams));
    }

    /** {@code sendrecv} with no stream. */
    public static final RTCRtpTransceiverInit DEFAULT = of(RTCRtpTransceiverDirection.SENDRECV);
}
