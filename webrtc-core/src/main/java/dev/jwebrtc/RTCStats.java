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

    /**
     * {@code candidate-pair}. Round trips are in seconds, measured on ICE checks and consent requests;
     * {@code availableOutgoingBitrate} (bits/s) is the transport-wide CC estimate, on the selected pair only.
     */
    record CandidatePair(String id, double timestamp, String transportId, String localCandidateId,
            String remoteCandidateId, String state, boolean nominated, long priority, boolean selected,
            long responsesReceived, @Nullable Double currentRoundTripTime, double totalRoundTripTime,
            @Nullable Double availableOutgoingBitrate) implements RTCStats {
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

    /** {@code outbound-rtp}: a stream we send. */
    record OutboundRtp(String id, double timestamp, long ssrc, String kind, @Nullable String mid, @Nullable String rid,
            String transportId,
            @Nullable String codecId, @Nullable String mediaSourceId, @Nullable String remoteId, long packetsSent,
            long bytesSent, long framesSent, long retransmittedPacketsSent, long nackCount, long pliCount,
            long firCount, @Nullable Long rtxSsrc) implements RTCStats {
        @Override
        public String type() {
            return "outbound-rtp";
        }
    }

    /** {@code remote-inbound-rtp}: what the remote's receiver reports say about a stream we send. */
    record RemoteInboundRtp(String id, double timestamp, long ssrc, String kind, String transportId,
            String localId, long packetsLost, double fractionLost, double jitter, @Nullable Double roundTripTime)
            implements RTCStats {
        @Override
        public String type() {
            return "remote-inbound-rtp";
        }
    }

    /** {@code inbound-rtp}: a stream we receive. */
    record InboundRtp(String id, double timestamp, long ssrc, String kind, @Nullable String mid, @Nullable String rid,
            String transportId, @Nullable String codecId, String trackIdentifier, long packetsReceived,
            long bytesReceived, long headerBytesReceived, long packetsLost, double jitter, long framesReceived,
            long keyFramesReceived, long framesDropped, long nackCount, long pliCount, long firCount)
            implements RTCStats {
        @Override
        public String type() {
            return "inbound-rtp";
        }
    }

    /** {@code codec}: a payload type in use on the transport. */
    record Codec(String id, double timestamp, int payloadType, String transportId, String mimeType, int clockRate,
            @Nullable Integer channels, @Nullable String sdpFmtpLine) implements RTCStats {
        @Override
        public String type() {
            return "codec";
        }
    }

    /** {@code media-source}: a local track being sent. */
    record MediaSource(String id, double timestamp, String trackIdentifier, String kind) implements RTCStats {
        @Override
        public String type() {
            return "media-source";
        }
    }
}
