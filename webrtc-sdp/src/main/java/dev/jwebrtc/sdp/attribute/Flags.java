package dev.jwebrtc.sdp.attribute;

import java.util.Set;

/** Names of the property (value-less) attributes WebRTC uses. */
public final class Flags {
    /** RFC 8839 §5.3: the agent is ICE-lite (session level). */
    public static final String ICE_LITE = "ice-lite";
    /** RFC 8840 §8.2: no more candidates will follow. */
    public static final String END_OF_CANDIDATES = "end-of-candidates";
    /** RFC 8285 §6: one- and two-byte header extensions may be mixed. */
    public static final String EXTMAP_ALLOW_MIXED = "extmap-allow-mixed";
    /** RFC 5761 §5.1.1: RTP and RTCP share a port. */
    public static final String RTCP_MUX = "rtcp-mux";
    /** RFC 8858 §3: RTCP multiplexing is required. */
    public static final String RTCP_MUX_ONLY = "rtcp-mux-only";
    /** RFC 5506 §5: reduced-size RTCP. */
    public static final String RTCP_RSIZE = "rtcp-rsize";
    /** RFC 8843 §6: the section is usable only inside a BUNDLE group. */
    public static final String BUNDLE_ONLY = "bundle-only";

    /** Every property attribute the parser knows, including the four directions. */
    public static final Set<String> ALL = Set.of(ICE_LITE, END_OF_CANDIDATES, EXTMAP_ALLOW_MIXED, RTCP_MUX,
            RTCP_MUX_ONLY, RTCP_RSIZE, BUNDLE_ONLY, "sendrecv", "sendonly", "recvonly", "inactive");

    private Flags() {
    }
}
