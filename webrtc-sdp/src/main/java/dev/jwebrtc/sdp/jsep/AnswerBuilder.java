package dev.jwebrtc.sdp.jsep;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.Origin;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.attribute.Extmap;
import dev.jwebrtc.sdp.attribute.Fingerprint;
import dev.jwebrtc.sdp.attribute.Flags;
import dev.jwebrtc.sdp.attribute.Group;
import dev.jwebrtc.sdp.attribute.MaxMessageSize;
import dev.jwebrtc.sdp.attribute.Mid;
import dev.jwebrtc.sdp.attribute.Rid;
import dev.jwebrtc.sdp.attribute.Simulcast;
import dev.jwebrtc.sdp.attribute.SctpPort;
import dev.jwebrtc.sdp.attribute.Sctpmap;
import dev.jwebrtc.sdp.attribute.Setup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** RFC 8829 §5.3.1 (initial) and §5.3.2 (subsequent) answers, with RFC 8843 BUNDLE and RFC 8842 roles. */
final class AnswerBuilder {
    /** What the answer does with one offered m= section. */
    private record Plan(MediaDescription offered, @Nullable String mid, int transceiver, boolean data,
            List<Codec> codecs, boolean accepted) {
        Plan reject() {
            return new Plan(offered, mid, -1, false, List.of(), false);
        }
    }

    private final SessionDescription offer;
    private final LocalState local;
    private final @Nullable CurrentDescriptions current;
    private final Map<String, MediaDescription> offerByMid = new HashMap<>();
    private @Nullable MediaDescription bundleTag;

    AnswerBuilder(SessionDescription offer, LocalState local, @Nullable CurrentDescriptions current) {
        this.offer = offer;
        this.local = local;
        this.current = current;
    }

    JsepResult build() {
        // RFC 8839 §4.4.1.1.1: an answer to an ICE restart carries new local credentials too.
        if (current != null && Jsep.isIceRestart(current.remote(), offer)) {
            Optional<String> before = current.local().media().stream().filter(m -> !m.isRejected())
                    .map(m -> m.value("ice-ufrag")).flatMap(Optional::stream).findFirst()
                    .or(() -> current.local().value("ice-ufrag"));
            if (before.isPresent() && before.get().equals(local.ice().ufrag())) {
                throw new JsepException("the offer restarts ICE (RFC 8839 §4.4.1.1.1): the answer needs new local "
                        + "ICE credentials in LocalState.ice");
            }
        }
        List<Transceiver> ts = new ArrayList<>(local.transceivers());
        boolean[] associated = new boolean[ts.size() + offer.media().size()];
        Set<String> mids = new HashSet<>();
        List<Group> groups = offer.bundleGroups();
        List<String> offeredBundle = groups.isEmpty() ? List.of() : groups.get(0).mids();
        // Sets and maps keep a hostile offer with thousands of sections linear.
        Set<String> offeredBundleSet = new HashSet<>(offeredBundle);
        for (MediaDescription m : offer.media()) {
            m.mid().ifPresent(mid -> offerByMid.putIfAbsent(mid, m));
        }
        bundleTag = offeredBundle.isEmpty() ? null : offerByMid.get(offeredBundle.get(0));
        List<Plan> plans = new ArrayList<>();
        boolean dataTaken = false;
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription m = offer.media().get(i);
            String mid = m.mid().orElse(null);
            if (mid != null && !mids.add(mid)) {
                throw new JsepException("offer m= section " + i + " repeats mid " + mid + " (RFC 8843 §9.1)");
            }
            Plan rejected = new Plan(m, mid, -1, false, List.of(), false);
            if (m.isRejected() || (m.isBundleOnly() && (mid == null || !offeredBundleSet.contains(mid)))) {
                plans.add(rejected);
                continue;
            }
            if (mid == null) {
                throw new JsepException("offer m= section " + i + " has no a=mid (RFC 8829 §5.8)");
            }
            requireTransport(transportOf(m, offeredBundleSet), mid);
            MediaKind kind = MediaKind.fromSdp(m.media());
            if (m.media().equals("application") && Sections.isDataProto(m.protocol())) {
                if (local.dataChannel() && !dataTaken) {
                    dataTaken = true;
                    plans.add(new Plan(m, mid, -1, true, List.of(), true));
                } else {
                    plans.add(rejected);
                }
            } else if (kind != null && Sections.isRtpProto(m.protocol()) && m.has(Flags.RTCP_MUX)) {
                int idx = associate(ts, associated, mid, kind);
                if (idx < 0) {
                    // W3C setRemoteDescription: an offered section no transceiver matches creates a recvonly one.
                    ts.add(new Transceiver(null, kind, Direction.RECVONLY, null, false));
                    idx = ts.size() - 1;
                }
                List<Codec> codecs = CodecMatcher.answer(CodecMatcher.codecsOf(m),
                        ts.get(idx).codecsOr(local.codecs(kind)));
                boolean usable = codecs.stream().anyMatch(c -> !c.isAuxiliary());
                boolean stopped = idx >= 0 && ts.get(idx).stopped();
                if (idx >= 0) {
                    associated[idx] = true;
                    ts.set(idx, ts.get(idx).withMid(mid));
                }
                plans.add(usable && !stopped ? new Plan(m, mid, idx, false, codecs, true) : rejected);
            } else {
                // Unknown media, plain RTP/AVP, or RTCP not multiplexed (mux policy "require", RFC 8829 §4.1.1).
                plans.add(rejected);
            }
        }
        // RFC 8829 §4.1.1: with max-bundle and an offer without BUNDLE, only the first section is kept.
        if (offeredBundle.isEmpty() && local.bundlePolicy() == BundlePolicy.MAX_BUNDLE) {
            boolean kept = false;
            for (int i = 0; i < plans.size(); i++) {
                if (plans.get(i).accepted()) {
                    if (kept) {
                        plans.set(i, plans.get(i).reject());
                    }
                    kept = true;
                }
            }
        }
        // RFC 8843 §7.3: the answer's BUNDLE group holds the accepted mids of the offered group; the first one
        // is the answerer's BUNDLE tag and carries the transport.
        Set<String> acceptedMids = new HashSet<>();
        for (Plan p : plans) {
            if (p.accepted()) {
                acceptedMids.add(p.mid());
            }
        }
        Set<String> answerBundleSet = new LinkedHashSet<>();
        for (String mid : offeredBundle) {
            if (acceptedMids.contains(mid)) {
                answerBundleSet.add(mid);
            }
        }
        List<String> answerBundle = List.copyOf(answerBundleSet);
        String tag = answerBundle.isEmpty() ? null : answerBundle.get(0);
        Setup role = dtlsRole();
        List<MediaDescription> media = new ArrayList<>(plans.size());
        String dataMid = null;
        for (Plan p : plans) {
            if (!p.accepted()) {
                media.add(Sections.rejected(p.offered(), p.mid()));
                continue;
            }
            boolean bundled = answerBundleSet.contains(p.mid());
            boolean withCandidates = !bundled || p.mid().equals(tag);
            Setup setup = answerSetup(transportOf(p.offered(), offeredBundleSet), role);
            if (p.data()) {
                dataMid = p.mid();
                media.add(dataSection(p, setup, withCandidates));
            } else {
                media.add(rtpSection(p, p.transceiver() >= 0 ? ts.get(p.transceiver()) : null, setup,
                        withCandidates));
            }
        }
        for (int i = 0; i < ts.size(); i++) {
            if (!associated[i] && ts.get(i).mid() != null && !offerByMid.containsKey(ts.get(i).mid())) {
                ts.set(i, ts.get(i).withMid(null));
            }
        }

        List<Attribute> session = new ArrayList<>();
        if (!answerBundle.isEmpty()) {
            session.add(Group.bundle(answerBundle).toAttribute());
        }
        if (offer.has(Flags.EXTMAP_ALLOW_MIXED)) {
            session.add(Attribute.flag(Flags.EXTMAP_ALLOW_MIXED));
        }
        session.add(Jsep.msidSemantic(ts));
        if (local.iceLite()) {
            session.add(Attribute.flag(Flags.ICE_LITE));
        }
        Origin origin = current != null ? current.local().origin().withNextVersion()
                : Origin.jsep(local.sessionId(), 1);
        return new JsepResult(SessionDescription.of(origin, session, media), ts, dataMid);
    }

    // RFC 8843 §7.2: a bundled section may leave the transport attributes to the offerer's BUNDLE-tag section.
    private MediaDescription transportOf(MediaDescription m, Set<String> offeredBundle) {
        String mid = m.mid().orElse(null);
        if (mid != null && bundleTag != null && offeredBundle.contains(mid) && m.value("ice-ufrag").isEmpty()) {
            return bundleTag;
        }
        return m;
    }

    // JSEP §5.8 / RFC 8839 §5.4 / RFC 8842 §5.1: an accepted section needs ICE credentials and a fingerprint,
    // at media or session level.
    private void requireTransport(MediaDescription m, String mid) {
        for (String name : List.of("ice-ufrag", "ice-pwd")) {
            if (m.value(name).isEmpty() && offer.value(name).isEmpty()) {
                throw new JsepException("offer m= section mid " + mid + " has no a=" + name);
            }
        }
        if (m.all(Fingerprint.TYPE).isEmpty() && offer.all(Fingerprint.TYPE).isEmpty()) {
            throw new JsepException("offer m= section mid " + mid + " has no a=fingerprint (RFC 8842 §5.1)");
        }
    }

    // W3C setRemoteDescription: a section is associated with the transceiver of its mid, else with the first
    // unassociated transceiver of its kind.
    private static int associate(List<Transceiver> ts, boolean[] associated, String mid, MediaKind kind) {
        for (int i = 0; i < ts.size(); i++) {
            if (mid.equals(ts.get(i).mid())) {
                if (ts.get(i).kind() != kind) {
                    throw new JsepException("offer m= section mid " + mid + " is " + kind.sdpName()
                            + " but the transceiver with that mid is " + ts.get(i).kind().sdpName());
                }
                return i;
            }
        }
        for (int i = 0; i < ts.size(); i++) {
            Transceiver t = ts.get(i);
            if (!associated[i] && t.mid() == null && !t.stopped() && t.kind() == kind) {
                return i;
            }
        }
        return -1;
    }

    // RFC 8842 §5.5: a renegotiation keeps the DTLS roles; otherwise the configured answer role.
    private Setup dtlsRole() {
        if (current != null) {
            Optional<Setup> mine = firstSetup(current.local());
            if (mine.isPresent() && mine.get() != Setup.ACTPASS) {
                return mine.get();
            }
            Optional<Setup> theirs = firstSetup(current.remote());
            if (theirs.isPresent() && theirs.get() != Setup.ACTPASS) {
                return theirs.get() == Setup.ACTIVE ? Setup.PASSIVE : Setup.ACTIVE;
            }
        }
        return local.answerRole();
    }

    private static Optional<Setup> firstSetup(SessionDescription d) {
        for (MediaDescription m : d.media()) {
            if (!m.isRejected()) {
                Optional<Setup> s = m.first(Setup.TYPE);
                if (s.isPresent()) {
                    return s;
                }
            }
        }
        return d.first(Setup.TYPE);
    }

    // RFC 8842 §5.3: active answers passive, passive answers active, actpass (or nothing) lets us choose.
    private Setup answerSetup(MediaDescription m, Setup role) {
        Setup offered = m.first(Setup.TYPE).or(() -> offer.first(Setup.TYPE)).orElse(Setup.ACTPASS);
        return switch (offered) {
            case ACTIVE -> Setup.PASSIVE;
            case PASSIVE -> Setup.ACTIVE;
            case ACTPASS, HOLDCONN -> role;
        };
    }

    private MediaDescription rtpSection(Plan p, @Nullable Transceiver t, Setup setup, boolean withCandidates) {
        MediaKind kind = MediaKind.fromSdp(p.offered().media());
        // RFC 8829 §5.3.1: the answer's direction is what the offer allows, reversed, limited by the local one.
        Direction wanted = t != null ? t.direction() : Direction.INACTIVE;
        Direction direction = wanted.intersect(offer.directionOf(p.offered()).reverse());
        Sections.Address addr = Sections.address(local, withCandidates);
        List<Attribute> a = new ArrayList<>(48);
        Sections.transport(a, local, setup, withCandidates);
        a.add(new Mid(p.mid()).toAttribute());
        // RFC 8285 §7: answer only extensions both sides know, with the offered ids.
        for (Extmap e : p.offered().all(Extmap.TYPE)) {
            if (local.extensions(kind).stream().anyMatch(h -> h.uri().equals(e.uri()))) {
                a.add(new Extmap(e.id(), null, e.uri(), null).toAttribute());
            }
        }
        a.add(direction.toAttribute());
        SendStream send = t != null && direction.sends() ? t.send() : null;
        Sections.msid(a, send);
        a.add(Attribute.flag(Flags.RTCP_MUX));
        if (p.offered().has(Flags.RTCP_RSIZE)) {
            a.add(Attribute.flag(Flags.RTCP_RSIZE));
        }
        Sections.codecs(a, p.codecs());
        if (direction.receives()) {
            simulcast(a, p, kind);
        }
        Sections.ssrcs(a, send, p.codecs().stream().anyMatch(Codec::isRtx));
        Sections.endOfCandidates(a, local, withCandidates);
        return MediaDescription.of(p.offered().media(), addr.port(), p.offered().protocol(),
                Sections.formats(p.codecs()), addr.connection(), a);
    }

    // RFC 8853 §5.3 / RFC 8851 §7.2: receive the offered simulcast streams when both sides use the RID header
    // extension; rid lines are reversed to recv and pt= lists keep only answered formats.
    private void simulcast(List<Attribute> out, Plan p, MediaKind kind) {
        MediaDescription o = p.offered();
        Optional<Simulcast> offered = o.first(Simulcast.TYPE);
        boolean ridExtension = local.extensions(kind).stream().anyMatch(h -> h.uri().equals(HeaderExtension.RID))
                && o.all(Extmap.TYPE).stream().anyMatch(e -> e.uri().equals(HeaderExtension.RID));
        if (offered.isEmpty() || offered.get().send().isEmpty() || !ridExtension) {
            return;
        }
        Set<String> answered = new HashSet<>(Sections.formats(p.codecs()));
        Set<String> sendRids = new HashSet<>();
        for (Rid rid : o.all(Rid.TYPE)) {
            if (rid.send()) {
                List<String> pts = rid.payloadTypes().stream().filter(answered::contains).toList();
                out.add(new Rid(rid.id(), false, pts, rid.restrictions()).toAttribute());
                sendRids.add(rid.id());
            }
        }
        List<List<Simulcast.Stream>> streams = new ArrayList<>();
        for (List<Simulcast.Stream> alternatives : offered.get().send()) {
            List<Simulcast.Stream> kept = alternatives.stream().filter(s -> sendRids.contains(s.rid())).toList();
            if (!kept.isEmpty()) {
                streams.add(kept);
            }
        }
        if (!streams.isEmpty()) {
            out.add(new Simulcast(List.of(), streams, true).toAttribute());
        }
    }

    private MediaDescription dataSection(Plan p, Setup setup, boolean withCandidates) {
        Sections.Address addr = Sections.address(local, withCandidates);
        List<Attribute> a = new ArrayList<>(12);
        Sections.transport(a, local, setup, withCandidates);
        a.add(new Mid(p.mid()).toAttribute());
        MediaDescription o = p.offered();
        List<String> formats;
        if (o.formats().contains(Sections.DATA_FORMAT)) {
            // RFC 8841 §5.1, §6.1
            a.add(new SctpPort(local.sctpPort()).toAttribute());
            a.add(new MaxMessageSize(local.maxMessageSize()).toAttribute());
            formats = List.of(Sections.DATA_FORMAT);
        } else {
            // Legacy draft-ietf-mmusic-sctp-sdp-05: the format is the SCTP port, described by a=sctpmap.
            a.add(new Sctpmap(local.sctpPort(), Sections.DATA_FORMAT, 1024).toAttribute());
            a.add(new MaxMessageSize(local.maxMessageSize()).toAttribute());
            formats = List.of(Integer.toString(local.sctpPort()));
        }
        Sections.endOfCandidates(a, local, withCandidates);
        return MediaDescription.of("application", addr.port(), o.protocol(), formats, addr.connection(), a);
    }
}
