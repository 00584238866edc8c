package dev.jwebrtc;

import java.util.List;

/**
 * W3C {@code RTCRtpParameters} as negotiated: the payload types of a transceiver's m= section (the sender's first
 * one is what it sends) and the header extensions in use. Empty before the first complete negotiation.
 *
 * @param codecs the negotiated formats, in the answer's order, with their payload types (RTX included)
 * @param headerExtensions the negotiated header extension URIs by id
 */
public record RTCRtpParameters(List<CodecParameters> codecs, java.util.Map<Integer, String> headerExtensions) {

    /** W3C {@code RTCRtpCodecParameters}: a codec and its payload type on this m= section. */
    public record CodecParameters(int payloadType, RTCRtpCodec codec) {}

    public RTCRtpParameters {
        codecs = List.copyOf(codecs);
        headerExtensions = java.util.Map.copyOf(headerExtensions);
    }

    /** The codec of a payload type, if negotiated (to interpret received RTP). */
    public java.util.Optional<RTCRtpCodec> codec(int payloadType) {
        return codecs.stream().filter(c -> c.payloadType() == payloadType).map(CodecParameters::codec).findFirst();
    }

    static final RTCRtpParameters NONE = new RTCRtpParameters(List.of(), java.util.Map.of());
}
