package dev.jwebrtc.sdp.jsep;

import java.util.Objects;

/**
 * The last negotiated local and remote descriptions (W3C currentLocalDescription, currentRemoteDescription):
 * subsequent offers and answers keep their mids, m= line order, origin and DTLS role.
 */
public record CurrentDescriptions(dev.jwebrtc.sdp.SessionDescription local,
        dev.jwebrtc.sdp.SessionDescription remote) {
    public CurrentDescriptions {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
    }
}
