package dev.jwebrtc.sdp.jsep;

import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.attribute.Fmtp;
import dev.jwebrtc.sdp.attribute.RtcpFb;
import dev.jwebrtc.sdp.attribute.Rtpmap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Codec intersection for answers (RFC 8829 §5.3.1, RFC 3264 §6.1): name, clock rate, channels, key fmtp. */
final class CodecMatcher {
    private CodecMatcher() {
    }

    /** RFC 3551 §6: static payload types a section may use without a=rtpmap. */
    private static @Nullable Codec staticPayloadType(int pt) {
        return switch (pt) {
            case 0 -> Codec.pcmu();
            case 8 -> Codec.pcma();
            case 9 -> new Codec(9, "G722", 8000, 0, "", List.of());
            case 13 -> new Codec(13, "CN", 8000, 0, "", List.of());
            default -> null;
        };
    }

    /** The formats of a remote RTP section, in m= line order, with their fmtp and feedback. */
    static List<Codec> codecsOf(MediaDescription m) {
        Map<Integer, Rtpmap> maps = new HashMap<>();
        for (Rtpmap r : m.all(Rtpmap.TYPE)) {
            maps.putIfAbsent(r.payloadType(), r);
        }
        Map<Integer, String> fmtps = new HashMap<>();
        for (Fmtp f : m.all(Fmtp.TYPE)) {
            if (f.payloadType() >= 0) {
                fmtps.putIfAbsent(f.payloadType(), f.parameters());
            }
        }
        // One pass over rtcp-fb: per payload type, and the wildcard list (RFC 4585 §4.2 "*").
        Map<String, List<String>> fbByPt = new HashMap<>();
        List<String> wildcard = new ArrayList<>();
        for (RtcpFb fb : m.all(RtcpFb.TYPE)) {
            boolean all = fb.payloadType().equals(RtcpFb.WILDCARD);
            String key = all ? "" : Integer.toString(Integer.parseInt(fb.payloadType()));
            List<String> list = all ? wildcard : fbByPt.computeIfAbsent(key, k -> new ArrayList<>());
            list.add(fb.mechanism());
        }
        List<Codec> out = new ArrayList<>();
        for (String fmt : m.formats()) {
            int pt = fmt.length() <= 3 && fmt.chars().allMatch(Character::isDigit) ? Integer.parseInt(fmt) : -1;
            if (pt < 0 || pt > 127) {
                continue;
            }
            Rtpmap r = maps.get(pt);
            Codec base = r != null ? new Codec(pt, r.encodingName(), r.clockRate(), r.channels(), "", List.of())
                    : staticPayloadType(pt);
            if (base == null) {
                continue;
            }
            List<String> feedback = new ArrayList<>();
            for (String mechanism : fbByPt.getOrDefault(Integer.toString(pt), List.of())) {
                if (!feedback.contains(mechanism)) {
                    feedback.add(mechanism);
                }
            }
            for (String mechanism : wildcard) {
                if (!feedback.contains(mechanism)) {
                    feedback.add(mechanism);
                }
            }
            out.add(new Codec(pt, base.name(), base.clockRate(), base.channels(), fmtps.getOrDefault(pt, ""),
                    feedback));
        }
        return out;
    }

    /** The formats of an answer: remote formats the local side supports, in the offer's order. */
    static List<Codec> answer(List<Codec> remote, List<Codec> local) {
        Map<Integer, Codec> accepted = new LinkedHashMap<>();
        Map<Integer, Codec> localFor = new HashMap<>();
        for (Codec r : remote) {
            if (r.isRtx()) {
                continue;
            }
            for (Codec l : local) {
                if (!l.isRtx() && sameFormat(l, r)) {
                    accepted.put(r.payloadType(), new Codec(r.payloadType(), r.name(), r.clockRate(), r.channels(),
                            answerFmtp(l, r), intersect(r.feedback(), l.feedback())));
                    localFor.put(r.payloadType(), l);
                    break;
                }
            }
        }
        // RFC 4588 §8.6: an RTX format is kept when its apt was accepted and the local side repairs that codec.
        for (Codec r : remote) {
            if (!r.isRtx() || !localFor.containsKey(r.apt())) {
                continue;
            }
            Codec protectedLocal = localFor.get(r.apt());
            boolean localRtx = local.stream().anyMatch(l -> l.isRtx() && l.apt() == protectedLocal.payloadType()
                    && l.clockRate() == r.clockRate());
            if (localRtx) {
                accepted.put(r.payloadType(), new Codec(r.payloadType(), r.name(), r.clockRate(), r.channels(),
                        r.fmtp(), List.of()));
            }
        }
        List<Codec> out = new ArrayList<>(accepted.size());
        for (Codec r : remote) {
            Codec a = accepted.get(r.payloadType());
            if (a != null && !out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private static List<String> intersect(List<String> remote, List<String> local) {
        List<String> out = new ArrayList<>();
        for (String fb : remote) {
            if (local.contains(fb)) {
                out.add(fb);
            }
        }
        return out;
    }

    // Codecs whose parameters describe the stream echo the offer's fmtp; others announce the local receive
    // parameters (e.g. opus useinbandfec).
    private static String answerFmtp(Codec local, Codec remote) {
        return switch (remote.key()) {
            case "h264", "vp9", "av1", "red", "h265" -> remote.fmtp();
            default -> local.fmtp().isEmpty() ? remote.fmtp() : local.fmtp();
        };
    }

    static boolean sameFormat(Codec a, Codec b) {
        if (!a.key().equals(b.key()) || a.clockRate() != b.clockRate()
                || Math.max(a.channels(), 1) != Math.max(b.channels(), 1)) {
            return false;
        }
        Map<String, String> pa = a.parameters();
        Map<String, String> pb = b.parameters();
        return switch (a.key()) {
            // RFC 6184 §8.2.2: packetization-mode must match; the profile (not the level) must match.
            case "h264" -> pa.getOrDefault("packetization-mode", "0").equals(pb.getOrDefault("packetization-mode",
                    "0")) && h264Profile(pa.getOrDefault("profile-level-id", "42000a"))
                            .equals(h264Profile(pb.getOrDefault("profile-level-id", "42000a")));
            case "vp9" -> pa.getOrDefault("profile-id", "0").equals(pb.getOrDefault("profile-id", "0"));
            case "av1" -> pa.getOrDefault("profile", "0").equals(pb.getOrDefault("profile", "0"));
            default -> true;
        };
    }

    /**
     * RFC 6184 §8.1: profile_idc and profile-iop of a profile-level-id, reduced to the profile a decoder cares
     * about; constraint_set1 on Baseline (set0 on Main) means Constrained Baseline;
     * constraint_set4 and 5 on High mean Constrained High.
     */
    static String h264Profile(String profileLevelId) {
        String s = profileLevelId.toLowerCase(Locale.ROOT);
        if (s.length() != 6 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return "invalid:" + s;
        }
        int idc = Integer.parseInt(s.substring(0, 2), 16);
        int iop = Integer.parseInt(s.substring(2, 4), 16);
        boolean set0 = (iop & 0x80) != 0;
        boolean set1 = (iop & 0x40) != 0;
        return switch (idc) {
            case 0x42 -> set1 ? "constrained-baseline" : "baseline";
            case 0x4d -> set0 ? "constrained-baseline" : "main";
            case 0x58 -> set0 && set1 ? "constrained-baseline" : set0 ? "baseline" : "extended";
            case 0x64 -> (iop & 0x0c) == 0x0c ? "constrained-high" : "high";
            case 0xf4 -> "predictive-high-444";
            default -> "idc-" + idc;
        };
    }
}
