package dev.jwebrtc.dtls;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One datagram the endpoint wants sent to its peer. The endpoint does not know addresses: the driver sends it
 * on the path the DTLS association runs over (in WebRTC, the selected ICE candidate pair).
 *
 * @param payload the datagram bytes (position to limit), read-only; owned by the receiver of this record
 */
public record DtlsTransmit(ByteBuffer payload) {

    public DtlsTransmit {
        Objects.requireNonNull(payload, "payload");
        payload = payload.asReadOnlyBuffer();
    }

    /** Wraps bytes the caller hands over (not copied). */
    static DtlsTransmit wrap(ByteBuffer bytes) {
        return new DtlsTransmit(bytes);
    }

    /** A fresh copy of the payload bytes. */
    public byte[] bytes() {
        byte[] out = new byte[payload.remaining()];
        payload.duplicate().get(out);
        return out;
    }

    /** The payload size in bytes. */
    public int size() {
        return payload.remaining();
    }
}
