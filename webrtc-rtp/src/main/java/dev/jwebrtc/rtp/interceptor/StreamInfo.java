package dev.jwebrtc.rtp.interceptor;

/**
 * What interceptors need to know about one RTP stream, local (sent) or remote (received), from negotiation.
 *
 * @param ssrc the media SSRC
 * @param payloadType the media payload type
 * @param clockRate the RTP clock rate
 * @param rtxSsrc the RTX SSRC (RFC 4588), or -1 without RTX
 * @param rtxPayloadType the RTX payload type, or -1
 * @param nack whether generic NACK was negotiated ({@code a=rtcp-fb:* nack})
 * @param transportCcExtensionId the transport-wide sequence number extension id, or 0 when not negotiated
 */
public record StreamInfo(long ssrc, int payloadType, int clockRate, long rtxSsrc, int rtxPayloadType, boolean nack,
        int transportCcExtensionId) {

    public StreamInfo {
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL || rtxSsrc < -1 || rtxSsrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRCs must be unsigned 32-bit values (rtx: -1 for none)");
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate " + clockRate + " must be positive");
        }
        if ((rtxSsrc < 0) != (rtxPayloadType < 0)) {
            throw new IllegalArgumentException("RTX needs both an SSRC and a payload type");
        }
    }

    /** A stream without RTX, NACK or transport-wide CC. */
    public static StreamInfo of(long ssrc, int payloadType, int clockRate) {
        return new StreamInfo(ssrc, payloadType, clockRate, -1, -1, false, 0);
    }

    /** Whether RTX was negotiated. */
    public boolean hasRtx() {
        return rtxSsrc >= 0;
    }
}
