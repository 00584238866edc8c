package dev.jwebrtc;

import org.jspecify.annotations.Nullable;

/**
 * One W3C statistics object (webrtc-stats). Each record carries the W3C field names; {@link #type()} is the W3C
 * {@code RTCStatsType} string. {@code timestamp} is milliseconds since the Unix epoch, as in browsers.
 */
public sealed interface RTCStats {

    String id();

    /** The W3C type, such as {@code "candidate-pair"}. */
    String type();

    double timestamp();

    /** {@code peer-connection}. */
    record PeerConnection(String id, double timestamp, int dataChannelsOpened, int dataChannelsClosed)
            implements RTCStats {
        @Override
        public String type() {
            return "peer-connection";
        }
    }

    /** {@code transport}: the ICE + DTLS transport all data shares (BUNDLE). */
    record Transport(String id, double timestamp, long packetsSent, long packetsReceived, long bytesSent,
            long bytesReceived, String iceRole, String iceState, String dtlsState, @Nullable String dtlsRole,
            @Nullable String selectedCandidatePairId, String localCertificateId, @Nullable String tlsVersion,
            @Nullable String dtlsCipher) implements RTCStats {
        @Override
        public String type() {
            return "transport";
        }
    }

    /** {@code candidate-pair}. */
    record CandidatePair(String id, double timestamp, String transportId, String localCandidateId,
            String remoteCandidateId, String state, boolean nominated, long priority, boolean selected)
            implements RTCStats {
        @Override
        public String type() {
            return "candidate-pair";
        }
    }

    /** {@code local-candidate} or {@code remote-candidate}. */
    record Candidate(String id, double timestamp, boolean isLocal, String transportId, String address, int port,
            String protocol, String candidateType, long priority) implements RTCStats {
        @Override
        public String type() {
            return isLocal ? "local-candidate" : "remote-candidate";
        }
    }

    /** {@code certificate}. */
    record Certificate(String id, double timestamp, String fingerprint, String fingerprintAlgorithm,
            String base64Certificate) implements RTCStats {
        @Override
        public String type() {
            return "certificate";
        }
    }

    /** {@code data-channel}. */
    record DataChannel(String id, double timestamp, String label, String protocol,
            @Nullable Integer dataChannelIdentifier, String state, long messagesSent, long bytesSent,
            long messagesReceived, long bytesReceived) implements RTCStats {
        @Override
        public String type() {
            return "data-channel";
        }
    }
}
