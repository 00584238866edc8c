package dev.jwebrtc.engine;

import dev.jwebrtc.RTCIceCandidate;
import dev.jwebrtc.RTCIceConnectionState;
import dev.jwebrtc.RTCIceGatheringState;
import dev.jwebrtc.RTCPeerConnectionState;
import dev.jwebrtc.RTCSignalingState;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link RtcEngine} reports. Data channels are named by a {@code handle} the engine gives out when a
 * channel is created (locally or by the peer), because the SCTP stream id of a local channel is only known once the
 * DTLS role is.
 */
public sealed interface EngineEvent {

    record SignalingStateChanged(RTCSignalingState state) implements EngineEvent {}

    /** A local candidate to signal; the end-of-candidates marker has an empty candidate string. */
    record IceCandidateGathered(RTCIceCandidate candidate) implements EngineEvent {}

    record IceGatheringStateChanged(RTCIceGatheringState state) implements EngineEvent {}

    record IceConnectionStateChanged(RTCIceConnectionState state) implements EngineEvent {}

    record ConnectionStateChanged(RTCPeerConnectionState state) implements EngineEvent {}

    /** W3C {@code negotiationneeded}: a change needs an offer/answer exchange to take effect. */
    record NegotiationNeeded() implements EngineEvent {}

    /** The peer opened a channel (DCEP open received). */
    record RemoteDataChannel(int handle, int id, String label, String protocol, boolean ordered,
            @Nullable Integer maxRetransmits, @Nullable Integer maxPacketLifeTime) implements EngineEvent {}

    /** A channel can carry messages ({@code id} is its SCTP stream id). */
    record DataChannelOpen(int handle, int id) implements EngineEvent {}

    /** A message on a channel; the array belongs to the receiver. */
    record DataChannelMessage(int handle, boolean binary, byte[] data) implements EngineEvent {}

    record DataChannelClosing(int handle) implements EngineEvent {}

    record DataChannelClosed(int handle) implements EngineEvent {}

    record BufferedAmountLow(int handle) implements EngineEvent {}

    /** A channel failed (its transport closed, say); it is closed after this. */
    record DataChannelError(int handle, String message) implements EngineEvent {}

    /**
     * W3C {@code track}: the remote side sends on a transceiver's section (set in setRemoteDescription).
     *
     * @param streamIds the remote {@code a=msid} stream ids
     * @param trackId the remote track id, or the mid when none was signalled
     */
    record TrackAdded(int transceiver, String mid, java.util.List<String> streamIds, String trackId)
            implements EngineEvent {}

    /** An RTP packet on a receiving transceiver, after SRTP, RTX unwrapping and the interceptors. */
    record RtpReceived(int transceiver, @Nullable String rid, dev.jwebrtc.rtp.RtpPacket packet)
            implements EngineEvent {}

    /** A complete encoded frame assembled by the jitter buffer. */
    record FrameReceived(int transceiver, @Nullable String rid, dev.jwebrtc.rtp.codec.EncodedFrame frame)
            implements EngineEvent {}

    /** The remote asked for a keyframe on a stream we send (PLI or FIR). */
    record KeyframeRequested(int transceiver, boolean fullIntraRequest) implements EngineEvent {}

    /** The send-side bandwidth estimate (from transport-wide CC feedback) changed. */
    record BandwidthEstimate(long bitsPerSecond) implements EngineEvent {}

    /** A transceiver was stopped by negotiation (its section rejected) or locally. */
    record TransceiverStopped(int transceiver) implements EngineEvent {}
}
