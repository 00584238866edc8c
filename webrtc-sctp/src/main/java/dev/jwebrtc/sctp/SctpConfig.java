package dev.jwebrtc.sctp;

import java.time.Duration;

/**
 * Settings of one association. Defaults suit WebRTC data channels over DTLS (RFC 8831 §6.2, RFC 8841 for the
 * port and max-message-size). Build with {@link #builder()}.
 *
 * @param localPort SCTP port of this side (SDP {@code a=sctp-port}, default 5000)
 * @param remotePort SCTP port of the peer
 * @param maxPacketSize largest SCTP packet handed to DTLS (the DTLS send limit, default 1200)
 * @param maxMessageSize largest message sent or accepted (default 256 KiB, up to 1 GiB)
 * @param receiveWindow receive buffer in bytes, advertised as a_rwnd; raised to {@code maxMessageSize} if smaller
 * @param sendBufferSize largest total of unsent bytes; {@code send} refuses messages beyond it
 * @param outboundStreams streams we ask for (at most 65535)
 * @param inboundStreams streams we accept (at most 65535)
 * @param rtoInitial RTO before the first RTT measurement (RFC 9260 §16: 1 s)
 * @param rtoMin lower RTO bound; 200 ms here instead of RFC 9260's 1 s, as browser stacks do, so that a lost
 *        retransmission on a 20 ms path costs a fifth of a second rather than a full second
 * @param rtoMax upper RTO bound
 * @param delayedAckTimeout longest delay of a SACK (RFC 9260 §6.2: at most 500 ms; 200 ms default)
 * @param heartbeatInterval idle time between HEARTBEATs (RFC 9260 §8.3)
 * @param maxRetransmissions association error threshold (RFC 9260 Association.Max.Retrans)
 * @param maxInitRetransmissions INIT / COOKIE ECHO retransmissions before giving up
 * @param cookieLifetime validity of our State Cookie (RFC 9260 Valid.Cookie.Life)
 * @param zeroChecksum offer and use the zero checksum over DTLS (RFC 9653); used only if both sides offer it
 * @param messageInterleaving offer I-DATA (RFC 8260) so that a large message does not hold back other streams;
 *        used only if both sides offer it (off by default, as in browsers)
 */
public record SctpConfig(int localPort, int remotePort, int maxPacketSize, int maxMessageSize, int receiveWindow,
        long sendBufferSize, int outboundStreams, int inboundStreams, Duration rtoInitial, Duration rtoMin,
        Duration rtoMax, Duration delayedAckTimeout, Duration heartbeatInterval, int maxRetransmissions,
        int maxInitRetransmissions, Duration cookieLifetime, boolean zeroChecksum, boolean messageInterleaving) {

    public SctpConfig {
        check(localPort > 0 && localPort <= 0xFFFF, "localPort must be 1..65535: " + localPort);
        check(remotePort > 0 && remotePort <= 0xFFFF, "remotePort must be 1..65535: " + remotePort);
        check(maxPacketSize >= 256 && maxPacketSize <= 65535, "maxPacketSize must be 256..65535: " + maxPacketSize);
        check(maxMessageSize >= 1 && maxMessageSize <= (1 << 30), "maxMessageSize must be 1..1 GiB: " + maxMessageSize);
        check(receiveWindow >= 1500, "receiveWindow must be >= 1500: " + receiveWindow);
        receiveWindow = Math.max(receiveWindow, maxMessageSize);
        check(sendBufferSize >= 1, "sendBufferSize must be positive: " + sendBufferSize);
        check(outboundStreams >= 1 && outboundStreams <= 0xFFFF, "outboundStreams must be 1..65535");
        check(inboundStreams >= 1 && inboundStreams <= 0xFFFF, "inboundStreams must be 1..65535");
        check(!rtoMin.isNegative() && rtoMin.compareTo(rtoMax) <= 0, "rtoMin must be in 0..rtoMax");
        check(maxRetransmissions >= 1 && maxInitRetransmissions >= 1, "retransmission limits must be >= 1");
        check(rtoInitial.toNanos() > 0 && rtoMax.toNanos() > 0, "RTO durations must be positive");
        // RFC 9260 §6.2: a SACK may be delayed by at most 500 ms.
        check(!delayedAckTimeout.isNegative() && delayedAckTimeout.toMillis() <= 500,
                "delayedAckTimeout must be 0..500 ms: " + delayedAckTimeout);
        check(heartbeatInterval.toNanos() > 0, "heartbeatInterval must be positive");
        check(cookieLifetime.toNanos() > 0, "cookieLifetime must be positive");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("SctpConfig: " + message);
        }
    }

    /** The defaults. */
    public static SctpConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.localPort = localPort;
        b.remotePort = remotePort;
        b.maxPacketSize = maxPacketSize;
        b.maxMessageSize = maxMessageSize;
        b.receiveWindow = receiveWindow;
        b.sendBufferSize = sendBufferSize;
        b.outboundStreams = outboundStreams;
        b.inboundStreams = inboundStreams;
        b.rtoInitial = rtoInitial;
        b.rtoMin = rtoMin;
        b.rtoMax = rtoMax;
        b.delayedAckTimeout = delayedAckTimeout;
        b.heartbeatInterval = heartbeatInterval;
        b.maxRetransmissions = maxRetransmissions;
        b.maxInitRetransmissions = maxInitRetransmissions;
        b.cookieLifetime = cookieLifetime;
        b.zeroChecksum = zeroChecksum;
        b.messageInterleaving = messageInterleaving;
        return b;
    }

    /** Builder with WebRTC defaults. */
    public static final class Builder {
        private int localPort = 5000;
        private int remotePort = 5000;
        private int maxPacketSize = 1200;
        private int maxMessageSize = 256 * 1024;
        private int receiveWindow = 5 * 1024 * 1024;
        private long sendBufferSize = 16L * 1024 * 1024;
        private int outboundStreams = 65535;
        private int inboundStreams = 65535;
        private Duration rtoInitial = Duration.ofSeconds(1);
        private Duration rtoMin = Duration.ofMillis(200);
        private Duration rtoMax = Duration.ofSeconds(10);
        private Duration delayedAckTimeout = Duration.ofMillis(200);
        private Duration heartbeatInterval = Duration.ofSeconds(30);
        private int maxRetransmissions = 10;
        private int maxInitRetransmissions = 8;
        private Duration cookieLifetime = Duration.ofSeconds(60);
        private boolean zeroChecksum = true;
        private boolean messageInterleaving;

        private Builder() {}

        public Builder localPort(int v) { localPort = v; return this; }
        public Builder remotePort(int v) { remotePort = v; return this; }
        public Builder maxPacketSize(int v) { maxPacketSize = v; return this; }
        public Builder maxMessageSize(int v) { maxMessageSize = v; return this; }
        public Builder receiveWindow(int v) { receiveWindow = v; return this; }
        public Builder sendBufferSize(long v) { sendBufferSize = v; return this; }
        public Builder outboundStreams(int v) { outboundStreams = v; return this; }
        public Builder inboundStreams(int v) { inboundStreams = v; return this; }
        public Builder rtoInitial(Duration v) { rtoInitial = v; return this; }
        public Builder rtoMin(Duration v) { rtoMin = v; return this; }
        public Builder rtoMax(Duration v) { rtoMax = v; return this; }
        public Builder delayedAckTimeout(Duration v) { delayedAckTimeout = v; return this; }
        public Builder heartbeatInterval(Duration v) { heartbeatInterval = v; return this; }
        public Builder maxRetransmissions(int v) { maxRetransmissions = v; return this; }
        public Builder maxInitRetransmissions(int v) { maxInitRetransmissions = v; return this; }
        public Builder cookieLifetime(Duration v) { cookieLifetime = v; return this; }
        public Builder zeroChecksum(boolean v) { zeroChecksum = v; return this; }
        public Builder messageInterleaving(boolean v) { messageInterleaving = v; return this; }

        public SctpConfig build() {
            return new SctpConfig(localPort, remotePort, maxPacketSize, maxMessageSize, receiveWindow, sendBufferSize,
                    outboundStreams, inboundStreams, rtoInitial, rtoMin, rtoMax, delayedAckTimeout, heartbeatInterval,
                    maxRetransmissions, maxInitRetransmissions, cookieLifetime, zeroChecksum, messageInterleaving);
        }
    }
}
