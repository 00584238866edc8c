package dev.jwebrtc.sdp.jsep;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.Connection;
import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.attribute.Candidate;
import dev.jwebrtc.sdp.attribute.Fingerprint;
import dev.jwebrtc.sdp.attribute.Flags;
import dev.jwebrtc.sdp.attribute.IceOptions;
import dev.jwebrtc.sdp.attribute.Mid;
import dev.jwebrtc.sdp.attribute.Msid;
import dev.jwebrtc.sdp.attribute.RtcpFb;
import dev.jwebrtc.sdp.attribute.Rtpmap;
import dev.jwebrtc.sdp.attribute.Setup;
import dev.jwebrtc.sdp.attribute.Ssrc;
import dev.jwebrtc.sdp.attribute.Simulcast;
import dev.jwebrtc.sdp.attribute.Rid;
import dev.jwebrtc.sdp.attribute.SsrcGroup;
import dev.jwebrtc.sdp.attribute.Fmtp;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes the parts of m= sections that offers and answers share, in the order browsers write them. */
final class Sections {
    static final String RTP_PROTO = "UDP/TLS/RTP/SAVPF";
    static final String SCTP_PROTO = "UDP/DTLS/SCTP";
    static final String DATA_FORMAT = "webrtc-datachannel";
    /** RFC 8829 §5.2.1: port 9 (discard) and 0.0.0.0 stand in until a candidate exists. */
    static final int DUMMY_PORT = 9;

    private Sections() {
    }

    /** The m= port and c= line of a section: the default candidate's, or the dummy values. */
    record Address(int port, Connection connection) {
    }

    // RFC 8829 §5.2.1 / RFC 8839 §4.2.1.2: the default candidate gives the m= port and c= address.
    static Address address(LocalState local, boolean withCandidates) {
        if (withCandidates) {
            Candidate best = null;
            for (Candidate c : local.candidates()) {
                if (c.component() == 1 && c.transport().equalsIgnoreCase("udp") && isIpLiteral(c.address())
                        && (best == null || c.priority() > best.priority())) {
                    best = c;
                }
            }
            if (best != null) {
                String type = best.address().indexOf(':') >= 0 ? "IP6" : "IP4";
                return new Address(best.port(), new Connection("IN", type, best.address()));
            }
        }
        return new Address(DUMMY_PORT, Connection.DUMMY_IP4);
    }

    private static boolean isIpLiteral(String address) {
        if (address.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Candidates (if any), ICE credentials and options, fingerprints and the DTLS role. */
    static void transport(List<Attribute> out, LocalState local, Setup setup, boolean withCandidates) {
        if (withCandidates) {
            for (Candidate c : local.candidates()) {
                out.add(c.toAttribute());
            }
        }
        out.add(Attribute.of("ice-ufrag", local.ice().ufrag()));
        out.add(Attribute.of("ice-pwd", local.ice().password()));
        if (!local.iceOptions().isEmpty()) {
            // RFC 8839 §5.6: ice-options may sit at media level; Chromium writes it there.
            out.add(new IceOptions(local.iceOptions()).toAttribute());
        }
        for (Fingerprint f : local.fingerprints()) {
            out.add(f.toAttribute());
        }
        out.add(setup.toAttribute());
    }

    static void endOfCandidates(List<Attribute> out, LocalState local, boolean withCandidates) {
        if (withCandidates && local.endOfCandidates()) {
            out.add(Attribute.flag(Flags.END_OF_CANDIDATES));
        }
    }

    /** rtpmap, rtcp-fb and fmtp for each format, grouped per payload type as Chromium writes them. */
    static void codecs(List<Attribute> out, List<Codec> codecs) {
        for (Codec c : codecs) {
            out.add(new Rtpmap(c.payloadType(), c.name(), c.clockRate(), c.channels()).toAttribute());
            for (String fb : c.feedback()) {
                int sp = fb.indexOf(' ');
                out.add(new RtcpFb(Integer.toString(c.payloadType()), sp < 0 ? fb : fb.substring(0, sp),
                        sp < 0 ? null : fb.substring(sp + 1)).toAttribute());
            }
            if (!c.fmtp().isEmpty()) {
                out.add(new Fmtp(Integer.toString(c.payloadType()), c.fmtp()).toAttribute());
            }
        }
    }

    static List<String> formats(List<Codec> codecs) {
        List<String> out = new ArrayList<>(codecs.size());
        for (Codec c : codecs) {
            out.add(Integer.toString(c.payloadType()));
        }
        return out;
    }

    static void msid(List<Attribute> out, @Nullable SendStream send) {
        if (send != null) {
            out.add(new Msid(send.streamId(), send.trackId()).toAttribute());
        }
    }

    // RFC 5576 §4.1/§4.2, RFC 4588 §8.7: SSRCs with CNAME, RTX paired by FID.
    static void ssrcs(List<Attribute> out, @Nullable SendStream send, boolean rtx) {
        if (send == null) {
            return;
        }
        boolean withRtx = rtx && send.rtxSsrc() != 0;
        if (withRtx) {
            out.add(new SsrcGroup(SsrcGroup.FID, List.of(send.ssrc(), send.rtxSsrc())).toAttribute());
        }
        String msid = send.streamId() + " " + send.trackId();
        out.add(Ssrc.cname(send.ssrc(), send.cname()).toAttribute());
        out.add(new Ssrc(send.ssrc(), "msid", msid).toAttribute());
        if (withRtx) {
            out.add(Ssrc.cname(send.rtxSsrc(), send.cname()).toAttribute());
            out.add(new Ssrc(send.rtxSsrc(), "msid", msid).toAttribute());
        }
    }

    // RFC 8853 §5.1 / RFC 8851 §4: one a=rid send per simulcast stream, then a=simulcast:send listing them in order.
    static void simulcastSend(List<Attribute> out, List<String> rids) {
        List<List<Simulcast.Stream>> streams = new ArrayList<>();
        for (String rid : rids) {
            out.add(new Rid(rid, true, List.of(), List.of()).toAttribute());
            streams.add(List.of(new Simulcast.Stream(rid, false)));
        }
        out.add(new Simulcast(streams, List.of(), false).toAttribute());
    }

    // RFC 8829 §5.2.2 / §5.3.1: a rejected or stopped section keeps type, proto and formats, port 0, and its mid.
    static MediaDescription rejected(MediaDescription like, @Nullable String mid) {
        List<Attribute> attrs = mid == null ? List.of() : List.of(new Mid(mid).toAttribute());
        return MediaDescription.of(like.media(), 0, like.protocol(), like.formats(), Connection.DUMMY_IP4, attrs);
    }

    static boolean isRtpProto(String proto) {
        return proto.endsWith("RTP/SAVPF") || proto.endsWith("RTP/SAVP");
    }

    static boolean isDataProto(String proto) {
        return proto.endsWith("DTLS/SCTP");
    }
}
