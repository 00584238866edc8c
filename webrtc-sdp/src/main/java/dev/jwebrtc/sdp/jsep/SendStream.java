package dev.jwebrtc.sdp.jsep;

import java.util.Objects;

/**
 * What a sending transceiver announces: {@code a=msid} (RFC 8830) and its SSRCs with CNAME (RFC 5576), plus the
 * RTX SSRC grouped by {@code a=ssrc-group:FID} when RTX is negotiated.
 *
 * @param rtxSsrc the RTX SSRC, or 0 for none
 */
public record SendStream(String streamId, String trackId, String cname, long ssrc, long rtxSsrc) {
    public SendStream {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(cname, "cname");
        if (ssrc < 1 || ssrc > 0xFFFF_FFFFL || rtxSsrc < 0 || rtxSsrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC out of range");
        }
    }
}
