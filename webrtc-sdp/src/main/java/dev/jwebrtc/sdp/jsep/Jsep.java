package dev.jwebrtc.sdp.jsep;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.IceUfrag;
import dev.jwebrtc.sdp.attribute.MsidSemantic;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * JSEP offer/answer generation (RFC 8829 §5.2, §5.3): pure functions from local state (and the current
 * descriptions, for renegotiation) to a {@link SessionDescription}.
 */
public final class Jsep {
    private Jsep() {
    }

    /**
     * Builds an offer. With {@code current}, it is a subsequent offer: existing sections keep their mid and
     * position, stopped transceivers' sections get port 0, new ones are appended, and the origin version
     * increases. New {@link LocalState#ice()} credentials restart ICE; nothing else changes for that.
     */
    public static JsepResult createOffer(LocalState local, @Nullable CurrentDescriptions current) {
        return new OfferBuilder(Objects.requireNonNull(local, "local"), current).build();
    }

    /**
     * Builds the answer to a remote offer: one section per offered section, in order, each accepted (codec,
     * extension and direction intersection, DTLS role, data channel) or rejected with port 0.
     *
     * @throws JsepException if the offer cannot be answered (duplicate or missing mid, no ICE credentials or
     *     fingerprint in an accepted section, a mid bound to a transceiver of another kind)
     */
    public static JsepResult createAnswer(SessionDescription offer, LocalState local,
            @Nullable CurrentDescriptions current) {
        return new AnswerBuilder(Objects.requireNonNull(offer, "offer"), Objects.requireNonNull(local, "local"),
                current).build();
    }

    /** The formats an RTP m= section offers, in order, with their parameters and feedback. */
    public static List<Codec> codecsOf(MediaDescription section) {
        return CodecMatcher.codecsOf(section);
    }

    /** RFC 8839 §4.4.1.1.1: the remote side restarted ICE when any section's ufrag changed. */
    public static boolean isIceRestart(SessionDescription previous, SessionDescription next) {
        for (MediaDescription m : next.media()) {
            if (m.isRejected() || m.mid().isEmpty()) {
                continue;
            }
            Optional<MediaDescription> before = previous.mediaByMid(m.mid().get());
            if (before.isEmpty()) {
                continue;
            }
            Optional<String> now = ufrag(next, m);
            Optional<String> then = ufrag(previous, before.get());
            if (!now.equals(then)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> ufrag(SessionDescription d, MediaDescription m) {
        return m.first(IceUfrag.TYPE).or(() -> d.first(IceUfrag.TYPE)).map(IceUfrag::ufrag);
    }

    /** {@code a=msid-semantic: WMS <stream ids>}, which Chromium writes and older peers expect. */
    static Attribute msidSemantic(List<Transceiver> ts) {
        List<String> streams = new ArrayList<>();
        for (Transceiver t : ts) {
            if (t.send() != null && !t.stopped() && !streams.contains(t.send().streamId())
                    && !t.send().streamId().equals("-")) {
                streams.add(t.send().streamId());
            }
        }
        return new MsidSemantic("WMS", streams).toAttribute();
    }
}
