package dev.jwebrtc.rtp.rtcp;

/**
 * One FIR FCI entry (RFC 5104 §4.3.1.1).
 *
 * @param ssrc the media sender asked for a decoder refresh
 * @param sequenceNumber the command sequence number, 0..255, incremented per new request
 */
public record FirEntry(long ssrc, int sequenceNumber) {
    public FirEntry {
        Rtcp.checkU32("ssrc", ssrc);
        Rtcp.checkRange("FIR sequence number", sequenceNumber, 0, 255);
    }
}
