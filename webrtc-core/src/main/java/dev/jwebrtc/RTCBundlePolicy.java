package dev.jwebrtc;

/** W3C {@code RTCBundlePolicy} (RFC 8829 §4.1.1). */
public enum RTCBundlePolicy {
    BALANCED, MAX_COMPAT, MAX_BUNDLE
}
