package dev.jwebrtc.rtp.interceptor;

/** What interceptors tell the application (through the owner of the chain). */
public sealed interface InterceptorEvent {

    /**
     * The remote peer asked for a keyframe on a stream we send (PLI, RFC 4585 §6.3.1, or FIR, RFC 5104 §4.3.1).
     *
     * @param ssrc our media SSRC
     * @param fullIntraRequest true for FIR, false for PLI
     */
    record KeyframeRequested(long ssrc, boolean fullIntraRequest) implements InterceptorEvent {
    }

    /**
     * The send-side bandwidth estimate changed.
     *
     * @param bitsPerSecond the new estimate
     */
    record BandwidthEstimate(long bitsPerSecond) implements InterceptorEvent {
    }
}
