package dev.jwebrtc;

import java.util.List;

/**
 * W3C {@code RTCTrackEvent}: the remote side sends on a transceiver.
 *
 * @param streamIds the remote stream ids ({@code a=msid}) the track belongs to
 */
public record RTCTrackEvent(RTCRtpReceiver receiver, RemoteMediaStreamTrack track, List<String> streamIds,
        RTCRtpTransceiver transceiver) {

    public RTCTrackEvent {
        streamIds = List.copyOf(streamIds);
    }
}
