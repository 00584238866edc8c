package dev.jwebrtc.sdp.jsep;

import java.util.List;
import java.util.Objects;

/**
 * What a sending transceiver announces: {@code a=msid} (RFC 8830) and its SSRCs with CNAME (RFC 5576), plus the
 * RTX SSRC grouped by {@code a=ssrc-group:FID} when RTX is negotiated. With simulcast rids, an offer announces
 * {@code a=rid:<rid> send} and {@code a=simulcast:send} instead of SSRCs (RFC 8853 §5.1; the streams are told apart
 * by the {@code rtp-stream-id} header extension).
 *
 * @param rtxSsrc the RTX SSRC, or 0 for none
 * @param rids the simulcast stream ids to offer, lowest quality first; empty for one plain stream
 */
public record SendStream(String streamId, String trackId, String cname, long ssrc, long rtxSsrc, List<String> rids) {
    public SendStream {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(cname, "cname");
        if (ssrc < 1 || ssrc > 0xFFFF_FFFFL || rtxSsrc < 0 || rtxSsrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC out of range");
        }
        rids = List.copyOf(rids);
        for (String rid : rids) {
            // RFC 8851 §10: rid-syntax is alphanumeric plus '-' and '_'.
            if (rid.isEmpty() || !rid.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                throw new IllegalArgumentException("bad rid '" + rid + "' (RFC 8851: letters, digits, - and _)");
            }
        }
        if (rids.size() != rids.stream().distinct().count()) {
            throw new IllegalArgumentException("rids repeat: " + rids);
        }
    }

    /** One plain stream, no simulcast. */
    public SendStream(String streamId, String trackId, String cname, long ssrc, long rtxSsrc) {
        this(streamId, trackId, cname, ssrc, rtxSsrc, List.of());
    }
}
