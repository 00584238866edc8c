package dev.jwebrtc.rtp;

/**
 * A typed RTP header extension value. Each type names its URI (what SDP {@code a=extmap} negotiates, RFC 8285 §5),
 * encodes itself to element bytes, and has a static {@code parse(ByteBuffer)} that returns empty for a malformed
 * value. The id is not part of the value: it comes from negotiation.
 */
public sealed interface HeaderExtension permits SdesMid, RtpStreamId, RepairedRtpStreamId, AbsSendTime,
        TransportSequenceNumber, AudioLevel, TransmissionTimeOffset, PlayoutDelay, VideoOrientation {

    /** The extension's URI as used in {@code a=extmap}. */
    String uri();

    /** The element value bytes. */
    byte[] encode();

    /** Parses an element value of the extension named by {@code uri}; empty for an unknown URI or a bad value. */
    static java.util.Optional<HeaderExtension> parse(String uri, java.nio.ByteBuffer data) {
        return switch (uri) {
            case SdesMid.URI -> SdesMid.parse(data).map(v -> v);
            case RtpStreamId.URI -> RtpStreamId.parse(data).map(v -> v);
            case RepairedRtpStreamId.URI -> RepairedRtpStreamId.parse(data).map(v -> v);
            case AbsSendTime.URI -> AbsSendTime.parse(data).map(v -> v);
            case TransportSequenceNumber.URI -> TransportSequenceNumber.parse(data).map(v -> v);
            case AudioLevel.URI -> AudioLevel.parse(data).map(v -> v);
            case TransmissionTimeOffset.URI -> TransmissionTimeOffset.parse(data).map(v -> v);
            case PlayoutDelay.URI -> PlayoutDelay.parse(data).map(v -> v);
            case VideoOrientation.URI -> VideoOrientation.parse(data).map(v -> v);
            default -> java.util.Optional.empty();
        };
    }

    /** This value as an element with the negotiated id. */
    default RtpExtensionElement toElement(int id) {
        return new RtpExtensionElement(id, java.nio.ByteBuffer.wrap(encode()));
    }
}
