package dev.jwebrtc.sctp.dcep;

import org.jspecify.annotations.Nullable;

/**
 * How to create a data channel (the W3C {@code RTCDataChannelInit} fields that reach the wire).
 *
 * @param maxRetransmits null: no limit
 * @param maxPacketLifeTimeMillis null: no limit; at most one of the two limits
 * @param negotiated true: both sides create the channel with the same {@code id}; no DCEP is exchanged
 * @param id the stream id for negotiated channels (or a chosen id); null: allocate by DTLS role
 * @param priority RFC 8832 §5.1 priority (256 = normal)
 */
public record DataChannelOptions(String label, String protocol, boolean ordered, @Nullable Integer maxRetransmits,
        @Nullable Integer maxPacketLifeTimeMillis, boolean negotiated, @Nullable Integer id, int priority) {
    public static final int PRIORITY_BELOW_NORMAL = 128;
    public static final int PRIORITY_NORMAL = 256;
    public static final int PRIORITY_HIGH = 512;
    public static final int PRIORITY_EXTRA_HIGH = 1024;

    public DataChannelOptions {
        if (maxRetransmits != null && maxPacketLifeTimeMillis != null) {
            throw new IllegalArgumentException("data channel '" + label
                    + "': maxRetransmits and maxPacketLifeTime are mutually exclusive");
        }
        if (negotiated && id == null) {
            throw new IllegalArgumentException("data channel '" + label + "': a negotiated channel needs an id");
        }
        if (id != null && (id < 0 || id > 65534)) {
            throw new IllegalArgumentException("data channel '" + label + "': id " + id + " outside 0..65534");
        }
    }

    /** A reliable, ordered channel with this label. */
    public static DataChannelOptions reliable(String label) {
        return new DataChannelOptions(label, "", true, null, null, false, null, PRIORITY_NORMAL);
    }

    public ChannelType channelType() {
        return ChannelType.of(ordered, maxRetransmits != null, maxPacketLifeTimeMillis != null);
    }
}
