package dev.jwebrtc.sdp.jsep;

/** W3C RTCBundlePolicy, with the offer rules of RFC 8829 §4.1.1 and §5.2.1. */
public enum BundlePolicy {
    /** First section of each kind (audio, video, data) is not bundle-only; the rest are. */
    BALANCED,
    /** No section is bundle-only: each could stand alone. */
    MAX_COMPAT,
    /** Only the first section is not bundle-only; an answer to an unbundled offer keeps one section. */
    MAX_BUNDLE
}
