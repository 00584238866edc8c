package dev.jwebrtc;

/** W3C {@code RTCRtpReceiver}: the receiving half of a transceiver; its track exists from the start. */
public final class RTCRtpReceiver {

    private final RemoteMediaStreamTrack track;

    RTCRtpReceiver(RemoteMediaStreamTrack track) {
        this.track = track;
    }

    public RemoteMediaStreamTrack track() {
        return track;
    }
}
