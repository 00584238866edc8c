package dev.jwebrtc.sdp.jsep;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.Origin;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Extmap;
import dev.jwebrtc.sdp.attribute.Flags;
import dev.jwebrtc.sdp.attribute.Group;
import dev.jwebrtc.sdp.attribute.MaxMessageSize;
import dev.jwebrtc.sdp.attribute.Mid;
import dev.jwebrtc.sdp.attribute.SctpPort;
import dev.jwebrtc.sdp.attribute.Setup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** RFC 8829 §5.2.1 (initial) and §5.2.2 (subsequent) offers. */
final class OfferBuilder {
    /** One planned m= section. */
    private record Entry(String mid, int transceiver, boolean data, @Nullable MediaDescription rejectedLike,
            boolean isNew) {
        boolean rejected() {
            return rejectedLike != null;
        }
    }

    private final LocalState local;
    private final @Nullable CurrentDescriptions current;
    private final Set<String> usedMids = new HashSet<>();
    private int nextMid;

    OfferBuilder(LocalState local, @Nullable CurrentDescriptions current) {
        this.local = local;
        this.current = current;
    }

    JsepResult build() {
        List<Transceiver> ts = new ArrayList<>(local.transceivers());
        for (Transceiver t : ts) {
            if (t.mid() != null && !usedMids.add(t.mid())) {
                throw new IllegalArgumentException("two transceivers share mid " + t.mid());
            }
        }
        List<Entry> plan = new ArrayList<>();
        boolean[] placed = new boolean[ts.size()];
        boolean dataPlaced = false;
        if (current != null) {
            Map<String, MediaDescription> remoteByMid = new HashMap<>();
            for (MediaDescription m : current.remote().media()) {
                m.mid().ifPresent(mid -> remoteByMid.putIfAbsent(mid, m));
            }
            // RFC 8829 §5.2.2: existing m= sections keep their mid and position.
            for (MediaDescription prev : current.local().media()) {
                String mid = prev.mid().orElse(null);
                if (mid == null) {
                    throw new JsepException("the current local description has an m= section without a=mid");
                }
                usedMids.add(mid);
                // W3C/RFC 8829 §5.2.2: a section either side rejected stays rejected (its transceiver is stopped).
                MediaDescription remote = remoteByMid.get(mid);
                boolean rejected = prev.isRejected() || (remote != null && remote.isRejected());
                if (Sections.isDataProto(prev.protocol())) {
                    if (local.dataChannel() && !dataPlaced && !rejected) {
                        plan.add(new Entry(mid, -1, true, null, false));
                    } else {
                        plan.add(new Entry(mid, -1, false, prev, false));
                    }
                    dataPlaced = true;
                    continue;
                }
                int idx = indexOfMid(ts, mid);
                if (idx >= 0 && !ts.get(idx).kind().sdpName().equals(prev.media())) {
                    throw new JsepException("transceiver with mid " + mid + " is " + ts.get(idx).kind().sdpName()
                            + " but its m= section is " + prev.media());
                }
                if (idx >= 0 && !ts.get(idx).stopped() && !rejected) {
                    plan.add(new Entry(mid, idx, false, null, false));
                } else {
                    plan.add(new Entry(mid, -1, false, prev, false));
                }
                if (idx >= 0) {
                    placed[idx] = true;
                }
            }
        }
        for (int i = 0; i < ts.size(); i++) {
            Transceiver t = ts.get(i);
            if (placed[i] || t.stopped()) {
                continue;
            }
            String mid = t.mid() != null ? t.mid() : freshMid();
            ts.set(i, t.withMid(mid));
            plan.add(new Entry(mid, i, false, null, true));
        }
        if (local.dataChannel() && !dataPlaced) {
            plan.add(new Entry(freshMid(), -1, true, null, true));
        }

        List<MediaDescription> media = new ArrayList<>(plan.size());
        List<String> bundle = new ArrayList<>();
        Set<String> kindsSeen = new HashSet<>();
        boolean firstSeen = false;
        String dataMid = null;
        for (Entry e : plan) {
            if (e.rejected()) {
                media.add(Sections.rejected(e.rejectedLike(), e.mid()));
                continue;
            }
            String kind = e.data() ? "application" : ts.get(e.transceiver()).kind().sdpName();
            boolean bundleOnly = e.isNew() && switch (local.bundlePolicy()) {
                case MAX_BUNDLE -> firstSeen;
                case BALANCED -> kindsSeen.contains(kind);
                case MAX_COMPAT -> false;
            };
            firstSeen = true;
            kindsSeen.add(kind);
            bundle.add(e.mid());
            if (e.data()) {
                dataMid = e.mid();
                media.add(dataSection(e.mid(), bundleOnly));
            } else {
                media.add(rtpSection(ts.get(e.transceiver()), e.mid(), bundleOnly));
            }
        }

        List<Attribute> session = new ArrayList<>();
        if (!bundle.isEmpty()) {
            session.add(Group.bundle(bundle).toAttribute());
        }
        session.add(Attribute.flag(Flags.EXTMAP_ALLOW_MIXED));
        session.add(Jsep.msidSemantic(ts));
        if (local.iceLite()) {
            session.add(Attribute.flag(Flags.ICE_LITE));
        }
        Origin origin = current != null ? current.local().origin().withNextVersion()
                : Origin.jsep(local.sessionId(), 1);
        return new JsepResult(SessionDescription.of(origin, session, media), ts, dataMid);
    }

    private static int indexOfMid(List<Transceiver> ts, String mid) {
        for (int i = 0; i < ts.size(); i++) {
            if (mid.equals(ts.get(i).mid())) {
                return i;
            }
        }
        return -1;
    }

    private String freshMid() {
        while (usedMids.contains(Integer.toString(nextMid))) {
            nextMid++;
        }
        String mid = Integer.toString(nextMid++);
        usedMids.add(mid);
        return mid;
    }

    // RFC 8829 §5.2.1: ICE, DTLS (setup:actpass, RFC 8842 §5.2), mid, extmaps, direction, msid, rtcp-mux
    // (and rtcp-mux-only: the mux policy is "require"), rtcp-rsize, formats, SSRCs.
    private MediaDescription rtpSection(Transceiver t, String mid, boolean bundleOnly) {
        List<Codec> codecs = t.codecsOr(local.codecs(t.kind()));
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("no " + t.kind().sdpName() + " codecs configured for mid " + mid);
        }
        boolean withCandidates = !bundleOnly;
        Sections.Address addr = Sections.address(local, withCandidates);
        List<Attribute> a = new ArrayList<>(64);
        Sections.transport(a, local, Setup.ACTPASS, withCandidates);
        a.add(new Mid(mid).toAttribute());
        for (HeaderExtension h : local.extensions(t.kind())) {
            a.add(new Extmap(h.id(), null, h.uri(), null).toAttribute());
        }
        a.add(t.direction().toAttribute());
        boolean sends = t.direction().sends() && t.send() != null;
        Sections.msid(a, sends ? t.send() : null);
        a.add(Attribute.flag(Flags.RTCP_MUX));
        a.add(Attribute.flag(Flags.RTCP_MUX_ONLY));
        a.add(Attribute.flag(Flags.RTCP_RSIZE));
        Sections.codecs(a, codecs);
        if (sends && !t.send().rids().isEmpty()) {
            Sections.simulcastSend(a, t.send().rids());
        } else {
            Sections.ssrcs(a, sends ? t.send() : null, codecs.stream().anyMatch(Codec::isRtx));
        }
        if (bundleOnly) {
            a.add(Attribute.flag(Flags.BUNDLE_ONLY));
        }
        Sections.endOfCandidates(a, local, withCandidates);
        return MediaDescription.of(t.kind().sdpName(), bundleOnly ? 0 : addr.port(), Sections.RTP_PROTO,
                Sections.formats(codecs), addr.connection(), a);
    }

    // RFC 8829 §5.2.1 and RFC 8841 §4-6: UDP/DTLS/SCTP webrtc-datachannel with sctp-port and max-message-size.
    private MediaDescription dataSection(String mid, boolean bundleOnly) {
        boolean withCandidates = !bundleOnly;
        Sections.Address addr = Sections.address(local, withCandidates);
        List<Attribute> a = new ArrayList<>(12);
        Sections.transport(a, local, Setup.ACTPASS, withCandidates);
        a.add(new Mid(mid).toAttribute());
        a.add(new SctpPort(local.sctpPort()).toAttribute());
        a.add(new MaxMessageSize(local.maxMessageSize()).toAttribute());
        if (bundleOnly) {
            a.add(Attribute.flag(Flags.BUNDLE_ONLY));
        }
        Sections.endOfCandidates(a, local, withCandidates);
        return MediaDescription.of("application", bundleOnly ? 0 : addr.port(), Sections.SCTP_PROTO,
                List.of(Sections.DATA_FORMAT), addr.connection(), a);
    }
}
