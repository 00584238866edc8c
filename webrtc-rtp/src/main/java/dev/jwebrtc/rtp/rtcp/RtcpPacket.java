package dev.jwebrtc.rtp.rtcp;

import java.nio.ByteBuffer;

/**
 * One RTCP packet inside a compound or reduced-size RTCP datagram (RFC 3550 §6, RFC 5506). One record per type;
 * {@link RtcpCompound} parses a datagram into a list of these and writes a list back.
 */
public sealed interface RtcpPacket permits SenderReport, ReceiverReport, SourceDescription, Goodbye,
        ApplicationDefined, GenericNack, PictureLossIndication, FullIntraRequest, ReceiverEstimatedMaxBitrate,
        TransportWideCcFeedback, ExtendedReport, UnknownRtcpPacket {

    /** RFC 3550 §12.1 packet types and RFC 4585 §6.1 feedback types. */
    int SR = 200;
    /** Receiver report. */
    int RR = 201;
    /** Source description. */
    int SDES = 202;
    /** Goodbye. */
    int BYE = 203;
    /** Application-defined. */
    int APP = 204;
    /** Transport-layer feedback (RFC 4585 §6.1). */
    int RTPFB = 205;
    /** Payload-specific feedback (RFC 4585 §6.1). */
    int PSFB = 206;
    /** Extended report (RFC 3611). */
    int XR = 207;

    /** The RTCP packet type (PT field). */
    int packetType();

    /** Bytes on the wire, header and any padding included; a multiple of 4. */
    int encodedLength();

    /** Writes the packet at {@code out}'s position and advances it. */
    void writeTo(ByteBuffer out);

    /** The packet alone as a new array. */
    default byte[] toByteArray() {
        byte[] b = new byte[encodedLength()];
        writeTo(ByteBuffer.wrap(b));
        return b;
    }
}
