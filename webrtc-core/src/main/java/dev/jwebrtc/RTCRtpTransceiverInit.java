package dev.jwebrtc;

import java.util.List;
import java.util.Objects;

/**
 * W3C {@code RTCRtpTransceiverInit}.
 *
 * @param direction the initial direction (not {@code STOPPED})
 * @param streams the stream ids the sender's track belongs to ({@code a=msid}), possibly none
 * @param sendRids W3C {@code sendEncodings[].rid}: one simulcast layer per rid (RFC 8853), lowest quality first;
 *     empty for one plain stream. The application writes each layer's frames with
 *     {@link LocalMediaStreamTrack#writeFrame(String, java.nio.ByteBuffer, java.time.Duration)}.
 */
public record RTCRtpTransceiverInit(RTCRtpTransceiverDirection direction, List<String> streams,
        List<String> sendRids) {

    public RTCRtpTransceiverInit {
        Objects.requireNonNull(direction, "direction");
        if (direction == RTCRtpTransceiverDirection.STOPPED) {
            throw RTCException.typeError("a transceiver cannot be created stopped");
        }
        streams = List.copyOf(streams);
        sendRids = List.copyOf(sendRids);
        for (String rid : sendRids) {
            // RFC 8851 §10 rid-syntax; W3C addTransceiver throws TypeError for a bad rid.
            if (rid.isEmpty() || rid.length() > 255
                    || !rid.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                throw RTCException.typeError("rid '" + rid + "' is not letters, digits, '-' and '_' (RFC 8851)");
            }
        }
        if (sendRids.size() != sendRids.stream().distinct().count()) {
            throw RTCException.typeError("sendRids repeat: " + sendRids);
        }
    }

    public RTCRtpTransceiverInit(RTCRtpTransceiverDirection direction, List<String> streams) {
        this(direction, streams, List.of());
    }

    public static RTCRtpTransceiverInit of(RTCRtpTransceiverDirection direction, String... streams) {
        return new RTCRtpTransceiverInit(direction, List.of(streams));
    }

    /** The same with simulcast layers, one per rid, lowest quality first. */
    public RTCRtpTransceiverInit withSimulcast(String... rids) {
        return new RTCRtpTransceiverInit(direction, streams, List.of(rids));
    }

    /** {@code sendrecv} with no stream. */
    public static final RTCRtpTransceiverInit DEFAULT = of(RTCRtpTransceiverDirection.SENDRECV);
}
