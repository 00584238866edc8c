package dev.jwebrtc.sctp.chunk;

/**
 * Thrown by the decoders of this package when network input does not follow the wire format. The association
 * catches it, drops the packet and counts it; it never leaves {@code SctpAssociation.handleReceive}.
 */
public final class MalformedPacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, for DEBUG logs and stats */
    public MalformedPacketException(String reason) {
        super(reason, null, false, false);
    }
}
