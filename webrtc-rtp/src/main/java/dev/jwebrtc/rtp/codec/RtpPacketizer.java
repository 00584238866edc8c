package dev.jwebrtc.rtp.codec;

import dev.jwebrtc.rtp.RtpHeader;
import dev.jwebrtc.rtp.RtpPacket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns encoded frames into RTP packets for one stream: payloads from a {@link Payloader}, consecutive sequence
 * numbers, the frame's RTP timestamp, the marker on the last packet of a video frame. Header extensions are added
 * later by whoever sends (they depend on negotiation). Confined to one thread.
 */
public final class RtpPacketizer {
    private final Payloader payloader;
    private final int payloadType;
    private final long ssrc;
    private final int maxPayloadSize;
    private int nextSequenceNumber;

    /**
     * @param payloader the codec's payloader
     * @param payloadType the negotiated payload type
     * @param ssrc the stream's SSRC
     * @param maxPayloadSize the largest payload per packet (MTU minus IP/UDP/SRTP/RTP header and extension room)
     * @param initialSequenceNumber the first sequence number (RFC 3550 §5.1: random)
     */
    public RtpPacketizer(Payloader payloader, int payloadType, long ssrc, int maxPayloadSize,
            int initialSequenceNumber) {
        if (maxPayloadSize < 16) {
            throw new IllegalArgumentException("max payload size " + maxPayloadSize + " is below 16 bytes");
        }
        RtpHeader.of(false, payloadType, initialSequenceNumber, 0, ssrc); // validates the fields
        this.payloader = payloader;
        this.payloadType = payloadType;
        this.ssrc = ssrc;
        this.maxPayloadSize = maxPayloadSize;
        this.nextSequenceNumber = initialSequenceNumber;
    }

    /** Packets for one frame with this RTP timestamp. */
    public List<RtpPacket> packetize(ByteBuffer frame, long rtpTimestamp) {
        List<byte[]> payloads = payloader.payload(frame, maxPayloadSize);
        List<RtpPacket> out = new ArrayList<>(payloads.size());
        long ts = rtpTimestamp & 0xFFFF_FFFFL;
        for (int i = 0; i < payloads.size(); i++) {
            boolean marker = payloader.marksFrameEnd() && i == payloads.size() - 1;
            out.add(RtpPacket.of(RtpHeader.of(marker, payloadType, nextSequenceNumber, ts, ssrc), payloads.get(i)));
            nextSequenceNumber = (nextSequenceNumber + 1) & 0xFFFF;
            if (payloader.timestampAdvancesPerByte()) {
                ts = (ts + payloads.get(i).length) & 0xFFFF_FFFFL;
            }
        }
        return out;
    }

    /** The sequence number the next packet gets. */
    public int nextSequenceNumber() {
        return nextSequenceNumber;
    }
}
