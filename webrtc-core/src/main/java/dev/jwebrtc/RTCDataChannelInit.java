package dev.jwebrtc;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * W3C {@code RTCDataChannelInit}: how a data channel delivers (RFC 8831 §6.1, RFC 8832).
 *
 * <p>Validated as W3C {@code createDataChannel} does: at most one of {@code maxPacketLifeTime} and
 * {@code maxRetransmits} ({@code TypeError}); a negotiated channel needs an {@code id} ({@code TypeError});
 * ids go up to 65534 and the protocol up to 65535 bytes of UTF-8 ({@code TypeError}).
 *
 * @param ordered whether messages arrive in the order sent
 * @param maxPacketLifeTime partial reliability: milliseconds a message may be retransmitted, or {@code null}
 * @param maxRetransmits partial reliability: retransmissions allowed per message, or {@code null}
 * @param protocol the sub-protocol name, may be empty
 * @param negotiated whether the application negotiates the channel out of band (no DCEP open message)
 * @param id the SCTP stream id, or {@code null} to let the peer connection choose (required when negotiated)
 */
public record RTCDataChannelInit(
        boolean ordered,
        @Nullable Integer maxPacketLifeTime,
        @Nullable Integer maxRetransmits,
        String protocol,
        boolean negotiated,
        @Nullable Integer id) {

    /** Reliable and ordered, like TCP: the W3C default. */
    public static final RTCDataChannelInit RELIABLE = builder().build();

    /** The largest stream id a data channel may use (W3C §6.2: 65535 is reserved). */
    public static final int MAX_ID = 65534;

    public RTCDataChannelInit {
        if (protocol == null) {
            throw RTCException.typeError("protocol must not be null (use \"\")");
        }
        if (maxPacketLifeTime != null && maxRetransmits != null) {
            throw RTCException.typeError("set maxPacketLifeTime or maxRetransmits, not both");
        }
        if (maxPacketLifeTime != null && (maxPacketLifeTime < 0 || maxPacketLifeTime > 65535)) {
            throw RTCException.typeError("maxPacketLifeTime must be 0..65535 ms, got " + maxPacketLifeTime);
        }
        if (maxRetransmits != null && (maxRetransmits < 0 || maxRetransmits > 65535)) {
            throw RTCException.typeError("maxRetransmits must be 0..65535, got " + maxRetransmits);
        }
        if (negotiated && id == null) {
            throw RTCException.typeError("a negotiated data channel needs an id");
        }
        if (id != null && (id < 0 || id > MAX_ID)) {
            throw RTCException.typeError("data channel id must be 0.." + MAX_ID + ", got " + id);
        }
        if (protocol.getBytes(StandardCharsets.UTF_8).length > 65535) {
            throw RTCException.typeError("protocol is longer than 65535 bytes");
        }
    }

    /** Reliable and ordered. */
    public static RTCDataChannelInit reliable() {
        return RELIABLE;
    }

    /** Whether messages may be abandoned (either limit is set). */
    public boolean isPartiallyReliable() {
        return maxPacketLifeTime != null || maxRetransmits != null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link RTCDataChannelInit}; starts reliable, ordered, not negotiated. */
    public static final class Builder {
        private boolean ordered = true;
        private @Nullable Integer maxPacketLifeTime;
        private @Nullable Integer maxRetransmits;
        private String protocol = "";
        private boolean negotiated;
        private @Nullable Integer id;

        private Builder() {}

        public Builder ordered(boolean ordered) {
            this.ordered = ordered;
            return this;
        }

        public Builder maxPacketLifeTime(@Nullable Integer millis) {
            this.maxPacketLifeTime = millis;
            return this;
        }

        public Builder maxRetransmits(@Nullable Integer count) {
            this.maxRetransmits = count;
            return this;
        }

        public Builder protocol(String protocol) {
            this.protocol = protocol;
            return this;
        }

        /** A channel negotiated out of band on stream {@code id}: both peers create it with the same id. */
        public Builder negotiated(int id) {
            this.negotiated = true;
            this.id = id;
            return this;
        }

        public Builder id(@Nullable Integer id) {
            this.id = id;
            return this;
        }

        public RTCDataChannelInit build() {
            return new RTCDataChannelInit(ordered, maxPacketLifeTime, maxRetransmits, protocol, negotiated, id);
        }
    }
}
