package dev.jwebrtc.rtp;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Transport-wide sequence number (draft-holmer-rmcat-transport-wide-cc-extensions-01 §2): a 16-bit counter shared by
 * every media stream on one transport, which transport-wide congestion control feedback refers to.
 *
 * @param sequenceNumber 0..65535
 */
public record TransportSequenceNumber(int sequenceNumber) implements HeaderExtension {
    /** The extmap URI. */
    public static final String URI = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    public TransportSequenceNumber {
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("transport sequence number " + sequenceNumber + " outside 0..65535");
        }
    }

    /** Parses a 2-byte value. */
    public static Optional<TransportSequenceNumber> parse(ByteBuffer data) {
        if (data.remaining() < 2) {
            return Optional.empty();
        }
        return Optional.of(new TransportSequenceNumber(Bytes.u16(data, data.position())));
    }

    /**
     * Overwrites, in place, the transport-wide sequence number already carried by the RTP packet in {@code [position,
     * limit)} of {@code packet} under extension id {@code extensionId} (as a forwarder restamps a packet for its own
     * transport). Allocates nothing; the buffer's position and limit do not move.
     *
     * @param sequenceNumber the new value; only its low 16 bits are used (the counter wraps)
     * @return false, with nothing changed, when the packet carries no 2-byte element with that id
     */
    public static boolean overwriteInPacket(ByteBuffer packet, int extensionId, int sequenceNumber) {
        int at = RtpHeaderExtensions.valueOffset(packet, extensionId, 2);
        if (at < 0) {
            return false;
        }
        packet.put(at, (byte) (sequenceNumber >>> 8));
        packet.put(at + 1, (byte) sequenceNumber);
        return true;
    }

    @Override
    public String uri() {
        return URI;
    }

    @Override
    public byte[] encode() {
        return new byte[] {(byte) (sequenceNumber >>> 8), (byte) sequenceNumber};
    }
}
