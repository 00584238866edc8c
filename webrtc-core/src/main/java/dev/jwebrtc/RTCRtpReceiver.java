package dev.jwebrtc;

/** W3C {@code RTCRtpReceiver}: the receiving half of a transceiver; its track exists from the start. */
public final class RTCRtpReceiver {

    private final RemoteMediaStreamTrack track;
    private final java.util.function.Supplier<RTCRtpParameters> parameters;

    RTCRtpReceiver(RemoteMediaStreamTrack track, java.util.function.Supplier<RTCRtpParameters> parameters) {
        this.track = track;
        this.parameters = parameters;
    }

    /** W3C {@code getParameters()}: the negotiated codecs (to interpret received payload types) and extensions. */
    public RTCRtpParameters getParameters() {
        return parameters.get();
    }

    public RemoteMediaStreamTrack track() {
        return track;
    }
}
