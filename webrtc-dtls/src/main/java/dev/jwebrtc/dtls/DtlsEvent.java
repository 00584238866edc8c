package dev.jwebrtc.dtls;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a {@link DtlsEndpoint} reports through {@code pollEvent}. */
public sealed interface DtlsEvent {

    /**
     * The handshake completed.
     *
     * @param srtpKeys exported SRTP keying material, or null when no use_srtp profile was negotiated
     * @param remoteFingerprint the SHA-256 fingerprint of the certificate the peer presented
     * @param cipherSuite the negotiated cipher suite
     */
    record Connected(@Nullable DtlsSrtpKeys srtpKeys, DtlsFingerprint remoteFingerprint,
                     DtlsCipherSuite cipherSuite) implements DtlsEvent {
        public Connected {
            Objects.requireNonNull(remoteFingerprint, "remoteFingerprint");
            Objects.requireNonNull(cipherSuite, "cipherSuite");
        }
    }

    /**
     * The handshake failed; the endpoint is {@link DtlsState#FAILED}.
     *
     * @param reason the category
     * @param alert the fatal alert sent or received, if any
     * @param message a human-readable explanation
     */
    record HandshakeFailed(DtlsFailure reason, @Nullable DtlsAlert alert, String message) implements DtlsEvent {
        public HandshakeFailed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Decrypted application data from the peer.
     *
     * @param data the plaintext, read-only; owned by the receiver of the event
     */
    record ApplicationData(ByteBuffer data) implements DtlsEvent {
        public ApplicationData {
            data = data.asReadOnlyBuffer();
        }

        /** A fresh copy of the bytes. */
        public byte[] bytes() {
            byte[] out = new byte[data.remaining()];
            data.duplicate().get(out);
            return out;
        }
    }

    /** The peer sent an alert (warning or fatal). */
    record AlertReceived(DtlsAlert alert) implements DtlsEvent {
    }

    /** This endpoint sent an alert. */
    record AlertSent(DtlsAlert alert) implements DtlsEvent {
    }

    /**
     * The connection ended after a successful handshake.
     *
     * @param byPeer true if the peer closed (close_notify) or failed it (fatal alert); false for a local close
     * @param alert the alert that ended it, if any
     */
    record Closed(boolean byPeer, @Nullable DtlsAlert alert) implements DtlsEvent {
    }
}
