package dev.jwebrtc.sdp.internal;

import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.SdpParseException;
import dev.jwebrtc.sdp.attribute.Candidate;
import dev.jwebrtc.sdp.attribute.Extmap;
import dev.jwebrtc.sdp.attribute.Fingerprint;
import dev.jwebrtc.sdp.attribute.Flags;
import dev.jwebrtc.sdp.attribute.Fmtp;
import dev.jwebrtc.sdp.attribute.Group;
import dev.jwebrtc.sdp.attribute.IceOptions;
import dev.jwebrtc.sdp.attribute.IcePwd;
import dev.jwebrtc.sdp.attribute.IceUfrag;
import dev.jwebrtc.sdp.attribute.MaxMessageSize;
import dev.jwebrtc.sdp.attribute.MaxPtime;
import dev.jwebrtc.sdp.attribute.Mid;
import dev.jwebrtc.sdp.attribute.Msid;
import dev.jwebrtc.sdp.attribute.MsidSemantic;
import dev.jwebrtc.sdp.attribute.Ptime;
import dev.jwebrtc.sdp.attribute.Rid;
import dev.jwebrtc.sdp.attribute.Rtcp;
import dev.jwebrtc.sdp.attribute.RtcpFb;
import dev.jwebrtc.sdp.attribute.Rtpmap;
import dev.jwebrtc.sdp.attribute.SctpPort;
import dev.jwebrtc.sdp.attribute.Sctpmap;
import dev.jwebrtc.sdp.attribute.Setup;
import dev.jwebrtc.sdp.attribute.Simulcast;
import dev.jwebrtc.sdp.attribute.Ssrc;
import dev.jwebrtc.sdp.attribute.SsrcGroup;
import dev.jwebrtc.sdp.attribute.TlsId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The attributes whose values the parser checks; any other attribute is kept without checks. */
public final class KnownAttributes {
    private static final Map<String, AttributeType<?>> TYPES = new HashMap<>();

    static {
        for (AttributeType<?> t : List.of(Group.TYPE, MsidSemantic.TYPE, IceUfrag.TYPE, IcePwd.TYPE,
                IceOptions.TYPE, Candidate.TYPE, Fingerprint.TYPE, Setup.TYPE, TlsId.TYPE, Mid.TYPE, Extmap.TYPE,
                Msid.TYPE, Rtcp.TYPE, Rtpmap.TYPE, Fmtp.TYPE, RtcpFb.TYPE, Ssrc.TYPE, SsrcGroup.TYPE, Rid.TYPE,
                Simulcast.TYPE, SctpPort.TYPE, MaxMessageSize.TYPE, Sctpmap.TYPE, Ptime.TYPE, MaxPtime.TYPE)) {
            TYPES.put(t.name(), t);
        }
    }

    private KnownAttributes() {
    }

    /** Names of every attribute with a checked value. */
    public static Set<String> valueAttributes() {
        return Set.copyOf(TYPES.keySet());
    }

    /** The typed view for an attribute name, or null if the name has none. */
    public static @Nullable AttributeType<?> type(String name) {
        return TYPES.get(name);
    }

    /** Throws {@link SdpParseException} (without line number) if a known attribute is malformed. */
    static void validate(String name, @Nullable String value, boolean strict) {
        AttributeType<?> type = TYPES.get(name);
        if (type != null) {
            type.parse(value);
        } else if (strict && value != null && Flags.ALL.contains(name)) {
            throw SdpParseException.inValue("a=" + name + ":" + value, "a=" + name + " without a value");
        }
    }
}
