package dev.jwebrtc.sdp.jsep;

import dev.jwebrtc.sdp.attribute.Candidate;
import dev.jwebrtc.sdp.attribute.Fingerprint;
import dev.jwebrtc.sdp.attribute.IceOptions;
import dev.jwebrtc.sdp.attribute.SctpPort;
import dev.jwebrtc.sdp.attribute.Setup;
import dev.jwebrtc.sdp.internal.Grammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the JSEP rules need to know about the local peer. Build with {@link #builder}.
 *
 * @param sessionId the {@code o=} session id, decimal digits (RFC 8829 §5.2.1: a random 62-bit number)
 * @param ice local ICE credentials; a new pair is an ICE restart (RFC 8829 §5.2.1, RFC 8839 §4.4.1.1.1)
 * @param fingerprints local DTLS certificate fingerprints (RFC 8842 §5.1), at least one
 * @param candidates gathered local candidates to include (empty with trickle ICE)
 * @param endOfCandidates gathering is complete (RFC 8840 §8.2)
 * @param transceivers the RTP transceivers in creation order
 * @param dataChannel a data channel section is wanted in offers and accepted in answers
 * @param sctpPort local SCTP port (RFC 8841 §5.1)
 * @param maxMessageSize largest message the local SCTP stack accepts (RFC 8841 §6.1), 0 for no limit
 * @param audioCodecs supported audio formats in preference order
 * @param videoCodecs supported video formats in preference order (RTX entries refer to their apt)
 * @param audioExtensions supported audio header extensions
 * @param videoExtensions supported video header extensions
 * @param bundlePolicy W3C bundle policy
 * @param answerRole DTLS role taken in an answer to {@code actpass} ({@link Setup#ACTIVE} as browsers do)
 * @param iceLite the local agent is ICE-lite (RFC 8839 §5.3)
 * @param iceOptions the {@code a=ice-options} tags ({@code trickle} by default)
 */
public record LocalState(String sessionId, IceCredentials ice, List<Fingerprint> fingerprints,
        List<Candidate> candidates, boolean endOfCandidates, List<Transceiver> transceivers, boolean dataChannel,
        int sctpPort, long maxMessageSize, List<Codec> audioCodecs, List<Codec> videoCodecs,
        List<HeaderExtension> audioExtensions, List<HeaderExtension> videoExtensions, BundlePolicy bundlePolicy,
        Setup answerRole, boolean iceLite, List<String> iceOptions) {

    public LocalState {
        Objects.requireNonNull(sessionId, "sessionId");
        if (!Grammar.isDigits(sessionId)) {
            throw new IllegalArgumentException("sessionId must be decimal digits: " + sessionId);
        }
        Objects.requireNonNull(ice, "ice");
        fingerprints = List.copyOf(fingerprints);
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("at least one DTLS fingerprint is required (RFC 8842 §5.1)");
        }
        candidates = List.copyOf(candidates);
        transceivers = List.copyOf(transceivers);
        audioCodecs = List.copyOf(audioCodecs);
        videoCodecs = List.copyOf(videoCodecs);
        audioExtensions = List.copyOf(audioExtensions);
        videoExtensions = List.copyOf(videoExtensions);
        Objects.requireNonNull(bundlePolicy, "bundlePolicy");
        if (answerRole != Setup.ACTIVE && answerRole != Setup.PASSIVE) {
            throw new IllegalArgumentException("answerRole must be ACTIVE or PASSIVE: " + answerRole);
        }
        iceOptions = List.copyOf(iceOptions);
        if (sctpPort < 1 || sctpPort > 65535 || maxMessageSize < 0) {
            throw new IllegalArgumentException("bad SCTP port or max-message-size");
        }
    }

    /** The audio codecs a builder starts with: Opus, PCMU, PCMA and telephone-event, with Chromium's numbers. */
    public static final List<Codec> DEFAULT_AUDIO_CODECS = List.of(Codec.opus(111), Codec.pcmu(), Codec.pcma(),
            Codec.telephoneEvent(126, 8000));

    /** The video codecs a builder starts with: VP8, VP9, H.264 (mode 1) and AV1, each followed by its RTX. */
    public static final List<Codec> DEFAULT_VIDEO_CODECS = List.of(Codec.vp8(96), Codec.rtx(97, 96),
            Codec.vp9(98, 0), Codec.rtx(99, 98), Codec.h264(102, "42e01f", 1), Codec.rtx(103, 102), Codec.av1(45),
            Codec.rtx(46, 45));

    /** Codecs supported for a kind. */
    public List<Codec> codecs(MediaKind kind) {
        return kind == MediaKind.AUDIO ? audioCodecs : videoCodecs;
    }

    /** Header extensions supported for a kind. */
    public List<HeaderExtension> extensions(MediaKind kind) {
        return kind == MediaKind.AUDIO ? audioExtensions : videoExtensions;
    }

    /** A copy with other transceivers (for example with the mids a previous negotiation assigned). */
    public LocalState withTransceivers(List<Transceiver> newTransceivers) {
        return toBuilder().transceivers(newTransceivers).build();
    }

    /** A copy with other ICE credentials: the next offer restarts ICE. */
    public LocalState withIce(IceCredentials newIce) {
        return toBuilder().ice(newIce).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(sessionId, ice, fingerprints);
        b.candidates = new ArrayList<>(candidates);
        b.endOfCandidates = endOfCandidates;
        b.transceivers = new ArrayList<>(transceivers);
        b.dataChannel = dataChannel;
        b.sctpPort = sctpPort;
        b.maxMessageSize = maxMessageSize;
        b.audioCodecs = audioCodecs;
        b.videoCodecs = videoCodecs;
        b.audioExtensions = audioExtensions;
        b.videoExtensions = videoExtensions;
        b.bundlePolicy = bundlePolicy;
        b.answerRole = answerRole;
        b.iceLite = iceLite;
        b.iceOptions = iceOptions;
        return b;
    }

    /**
     * A builder with browser-like defaults: opus, PCMU, PCMA and telephone-event for audio; VP8, VP9, H.264
     * and AV1 each with RTX for video; mid, audio-level, abs-send-time, transport-cc and rid extensions;
     * a data channel with SCTP port 5000 and 256 KiB messages; max-bundle; trickle ICE; active in answers.
     */
    public static Builder builder(String sessionId, IceCredentials ice, Fingerprint fingerprint) {
        return new Builder(sessionId, ice, List.of(fingerprint));
    }

    /** Builds a {@link LocalState}. */
    public static final class Builder {
        private String sessionId;
        private IceCredentials ice;
        private List<Fingerprint> fingerprints;
        private List<Candidate> candidates = new ArrayList<>();
        private boolean endOfCandidates;
        private List<Transceiver> transceivers = new ArrayList<>();
        private boolean dataChannel = true;
        private int sctpPort = SctpPort.DEFAULT;
        private long maxMessageSize = 262144;
        private List<Codec> audioCodecs = DEFAULT_AUDIO_CODECS;
        private List<Codec> videoCodecs = DEFAULT_VIDEO_CODECS;
        private List<HeaderExtension> audioExtensions = List.of(new HeaderExtension(1, HeaderExtension.AUDIO_LEVEL),
                new HeaderExtension(2, HeaderExtension.ABS_SEND_TIME),
                new HeaderExtension(3, HeaderExtension.TRANSPORT_CC), new HeaderExtension(4, HeaderExtension.MID));
        private List<HeaderExtension> videoExtensions = List.of(new HeaderExtension(2, HeaderExtension.ABS_SEND_TIME),
                new HeaderExtension(3, HeaderExtension.TRANSPORT_CC), new HeaderExtension(4, HeaderExtension.MID),
                new HeaderExtension(10, HeaderExtension.RID), new HeaderExtension(11, HeaderExtension.REPAIRED_RID));
        private BundlePolicy bundlePolicy = BundlePolicy.MAX_BUNDLE;
        private Setup answerRole = Setup.ACTIVE;
        private boolean iceLite;
        private List<String> iceOptions = List.of(IceOptions.TRICKLE);

        private Builder(String sessionId, IceCredentials ice, List<Fingerprint> fingerprints) {
            this.sessionId = sessionId;
            this.ice = ice;
            this.fingerprints = fingerprints;
        }

        public Builder sessionId(String v) {
            sessionId = v;
            return this;
        }

        public Builder ice(IceCredentials v) {
            ice = v;
            return this;
        }

        public Builder fingerprints(List<Fingerprint> v) {
            fingerprints = v;
            return this;
        }

        public Builder candidates(List<Candidate> v, boolean complete) {
            candidates = new ArrayList<>(v);
            endOfCandidates = complete;
            return this;
        }

        public Builder transceivers(List<Transceiver> v) {
            transceivers = new ArrayList<>(v);
            return this;
        }

        public Builder addTransceiver(Transceiver t) {
            transceivers.add(t);
            return this;
        }

        public Builder dataChannel(boolean v) {
            dataChannel = v;
            return this;
        }

        public Builder sctp(int port, long maxMessage) {
            sctpPort = port;
            maxMessageSize = maxMessage;
            return this;
        }

        public Builder audioCodecs(List<Codec> v) {
            audioCodecs = v;
            return this;
        }

        public Builder videoCodecs(List<Codec> v) {
            videoCodecs = v;
            return this;
        }

        public Builder audioExtensions(List<HeaderExtension> v) {
            audioExtensions = v;
            return this;
        }

        public Builder videoExtensions(List<HeaderExtension> v) {
            videoExtensions = v;
            return this;
        }

        public Builder bundlePolicy(BundlePolicy v) {
            bundlePolicy = v;
            return this;
        }

        public Builder answerRole(Setup v) {
            answerRole = v;
            return this;
        }

        public Builder iceLite(boolean v) {
            iceLite = v;
            return this;
        }

        public Builder iceOptions(List<String> v) {
            iceOptions = v;
            return this;
        }

        public LocalState build() {
            return new LocalState(sessionId, ice, fingerprints, candidates, endOfCandidates, transceivers,
                    dataChannel, sctpPort, maxMessageSize, audioCodecs, videoCodecs, audioExtensions,
                    videoExtensions, bundlePolicy, answerRole, iceLite, iceOptions);
        }
    }
}
