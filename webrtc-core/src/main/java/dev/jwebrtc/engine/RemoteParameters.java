package dev.jwebrtc.engine;

import dev.jwebrtc.RTCErrorType;
import dev.jwebrtc.RTCException;
import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Candidate;
import dev.jwebrtc.sdp.attribute.Fingerprint;
import dev.jwebrtc.sdp.attribute.IcePwd;
import dev.jwebrtc.sdp.attribute.IceUfrag;
import dev.jwebrtc.sdp.attribute.MaxMessageSize;
import dev.jwebrtc.sdp.attribute.SctpPort;
import dev.jwebrtc.sdp.attribute.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the engine takes from a remote description for its transports: the ICE credentials, candidates and mode,
 * the DTLS fingerprints and role, and the SCTP port and message size limit, all from the section that carries the
 * transport (the first non-rejected one: with BUNDLE every section shares it).
 *
 * @param mid the mid of the transport section
 * @param mLineIndex its index
 * @param ufrag the remote ICE ufrag (RFC 8839 §5.4: media level, else session level)
 * @param password the remote ICE password
 * @param candidates candidate lines found in the description
 * @param endOfCandidates whether {@code a=end-of-candidates} was present
 * @param iceLite whether the remote is ICE-lite (RFC 8839 §5.3, session level)
 * @param fingerprints the remote certificate fingerprints (RFC 8122 §5, media or session level)
 * @param setup the remote {@code a=setup} (RFC 8842 §5.2)
 * @param sctpPort the remote SCTP port, or {@code null} without a data channel section
 * @param maxMessageSize the remote {@code a=max-message-size}; RFC 8841 §6.1: 65536 when absent, 0 for unlimited
 */
record RemoteParameters(String mid, int mLineIndex, String ufrag, String password, List<Candidate> candidates,
        boolean endOfCandidates, boolean iceLite, List<Fingerprint> fingerprints, Setup setup,
        @Nullable Integer sctpPort, long maxMessageSize) {

    static final long DEFAULT_MAX_MESSAGE_SIZE = 65536;

    /**
     * Reads the parameters.
     *
     * @throws RTCException {@code InvalidAccessError} when something a WebRTC transport needs is missing
     */
    static RemoteParameters of(SessionDescription description) {
        int index = -1;
        MediaDescription section = null;
        for (int i = 0; i < description.media().size(); i++) {
            if (!description.media().get(i).isRejected()) {
                index = i;
                section = description.media().get(i);
                break;
            }
        }
        if (section == null) {
            throw invalid("the remote description has no accepted media section");
        }
        String mid = section.mid().orElse(Integer.toString(index));
        String ufrag = first(section, description, IceUfrag.TYPE).map(IceUfrag::ufrag)
                .orElseThrow(() -> invalid("no a=ice-ufrag in the remote description (RFC 8839 §5.4)"));
        String password = first(section, description, IcePwd.TYPE).map(IcePwd::password)
                .orElseThrow(() -> invalid("no a=ice-pwd in the remote description (RFC 8839 §5.4)"));
        List<Fingerprint> fingerprints = new ArrayList<>(section.all(Fingerprint.TYPE));
        if (fingerprints.isEmpty()) {
            fingerprints.addAll(description.attributes().stream()
                    .filter(a -> a.name().equals("fingerprint") && a.value() != null)
                    .map(a -> Fingerprint.parse(a.value())).toList());
        }
        if (fingerprints.isEmpty()) {
            throw invalid("no a=fingerprint in the remote description (RFC 8842 §5.1)");
        }
        Setup setup = section.first(Setup.TYPE).orElse(Setup.ACTPASS);
        MediaDescription data = description.media().stream()
                .filter(m -> !m.isRejected() && m.media().equals("application") && m.protocol().contains("SCTP"))
                .findFirst().orElse(null);
        Integer sctpPort = null;
        long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        if (data != null) {
            sctpPort = data.first(SctpPort.TYPE).map(SctpPort::port).orElse(5000);
            maxMessageSize = data.first(MaxMessageSize.TYPE).map(MaxMessageSize::size).orElse(DEFAULT_MAX_MESSAGE_SIZE);
        }
        return new RemoteParameters(mid, index, ufrag, password, List.copyOf(section.all(Candidate.TYPE)),
                section.has("end-of-candidates"), description.has("ice-lite"), List.copyOf(fingerprints), setup,
                sctpPort, maxMessageSize);
    }

    private static <T> Optional<T> first(MediaDescription section, SessionDescription description,
            dev.jwebrtc.sdp.AttributeType<T> type) {
        Optional<T> media = section.first(type);
        if (media.isPresent()) {
            return media;
        }
        return description.attributes().stream().filter(a -> a.name().equals(type.name()) && a.value() != null)
                .findFirst().map(a -> type.parse(a.value()));
    }

    private static RTCException invalid(String message) {
        return new RTCException(RTCErrorType.INVALID_ACCESS, message);
    }
}
