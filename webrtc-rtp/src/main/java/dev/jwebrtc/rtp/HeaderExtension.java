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

    /** This value as an element with the negotiated id. */
    default RtpExtensionElement toElement(int id) {
        return new RtpExtensionElement(id, java.nio.ByteBuffer.wrap(encode()));
    }
}
