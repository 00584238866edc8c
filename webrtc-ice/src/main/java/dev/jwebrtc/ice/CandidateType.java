package dev.jwebrtc.ice;

import java.util.Locale;
import java.util.Optional;

/** Candidate types (RFC 8445 §5.1.1) with their recommended type preferences (RFC 8445 §5.1.2.2). */
public enum CandidateType {
    HOST("host", 126),
    PEER_REFLEXIVE("prflx", 110),
    SERVER_REFLEXIVE("srflx", 100),
    RELAYED("relay", 0);

    private final String sdpName;
    private final int typePreference;

    CandidateType(String sdpName, int typePreference) {
        this.sdpName = sdpName;
        this.typePreference = typePreference;
    }

    /** The name in the SDP candidate attribute (RFC 8839 §5.1). */
    public String sdpName() {
        return sdpName;
    }

    /** RFC 8445 §5.1.2.2: recommended type preference. */
    public int typePreference() {
        return typePreference;
    }

    /** The type for an SDP name, if known. */
    public static Optional<CandidateType> ofSdpName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (CandidateType t : values()) {
            if (t.sdpName.equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
