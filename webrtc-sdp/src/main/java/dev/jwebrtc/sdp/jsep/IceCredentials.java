package dev.jwebrtc.sdp.jsep;

import dev.jwebrtc.sdp.attribute.IcePwd;
import dev.jwebrtc.sdp.attribute.IceUfrag;

/** Local ICE username fragment and password (RFC 8839 §5.4 lengths and characters are checked). */
public record IceCredentials(String ufrag, String password) {
    public IceCredentials {
        IceUfrag.parse(ufrag);
        IcePwd.parse(password);
    }

    @Override
    public String toString() {
        return "IceCredentials[ufrag=" + ufrag + ", password=redacted]";
    }
}
