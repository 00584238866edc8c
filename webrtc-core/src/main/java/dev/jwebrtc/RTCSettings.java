package dev.jwebrtc;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The non-standard knobs of a peer connection, kept apart from the W3C {@link RTCConfiguration} (as Pion keeps its
 * {@code SettingEngine} apart from its {@code Configuration}). Every field has a default that suits a server or a
 * desktop peer talking to browsers; build with {@link #builder()}.
 *
 * @param minPort lowest UDP port for host candidates (0: any port the OS gives)
 * @param maxPort highest UDP port for host candidates (0: any)
 * @param bindAddresses gather host candidates on exactly these addresses (empty: every address of every interface
 *     that passes the filters); tests pin {@code 127.0.0.1}
 * @param interfaceFilter which network interfaces (by name) to gather on
 * @param addressFilter which local addresses to gather on
 * @param nat1To1Addresses public addresses of a 1:1 NAT in front of this host, advertised instead of (HOST) or
 *     beside (SRFLX, with the local address as {@code raddr}/{@code rport}) the local ones, as on a cloud VM with a
 *     known public IP (Pion's {@code SetNAT1To1IPs}); at most one per address family, each applied to every host
 *     candidate of its family with the host candidate's port (a 1:1 NAT keeps ports). HOST cannot be combined
 *     with {@code QUERY_AND_GATHER} (a public address is not hidden), SRFLX not with ICE-lite (host candidates only)
 * @param nat1To1CandidateType how {@code nat1To1Addresses} are advertised
 * @param iceLite run ICE-lite (RFC 8445 §2.5): answer checks only, for servers with public addresses
 * @param iceDisconnectedTimeout no response for this long: {@code disconnected}
 * @param iceFailedTimeout no response for this long: {@code failed} (RFC 7675 consent expires after 30 s)
 * @param iceKeepaliveInterval how often to send keepalive checks on an idle selected pair
 * @param mdnsMode whether remote {@code .local} candidates are resolved and local ones hidden (RFC 8828 style;
 *     draft-ietf-mmusic-mdns-ice-candidates): unless {@code DISABLED}, the connection joins 224.0.0.251:5353 on
 *     the interfaces of its host addresses (with address reuse, beside any system responder); in
 *     {@code QUERY_ONLY} that socket opens when a remote name first needs resolving, in {@code QUERY_AND_GATHER}
 *     at once, to answer queries for this connection's random {@code <uuid>.local} names
 * @param dtlsRetransmitInitial the first DTLS retransmission timeout (RFC 6347 §4.2.4.1 suggests 1 s; 100-400 ms
 *     connects faster on lossy links)
 * @param dtlsHandshakeTimeout give up the DTLS handshake after this long
 * @param mtu the largest UDP payload sent (DTLS records and SCTP packets are sized to fit)
 * @param sctpReceiveBuffer bytes of receive window the SCTP association advertises
 * @param sctpSendBuffer bytes of unacknowledged data SCTP keeps in flight at most
 * @param maxMessageSize the {@code a=max-message-size} this peer advertises (RFC 8841 §6)
 * @param sharedUdpPort when set, every peer connection of the factory that has it shares this one UDP port per bind
 *     address (it replaces the port range) and datagrams are routed to connections by the ICE ufrag of a Binding
 *     request's USERNAME, by STUN transaction ID for responses, and by remote address for the rest (for servers with
 *     many peers, as Pion's ICEUDPMux); the factory opens the port with the first such connection and closes it when
 *     it closes; datagrams no connection claims are counted and dropped. One remote address reaches one connection;
 *     TURN gives one allocation per 5-tuple, so relayed candidates work for one connection of a shared port only
 * @param srtpReplayWindow packets the SRTP replay window remembers per stream (RFC 3711 §3.3.2: at least 64)
 */
public record RTCSettings(
        int minPort,
        int maxPort,
        List<InetAddress> bindAddresses,
        Predicate<String> interfaceFilter,
        Predicate<InetAddress> addressFilter,
        List<InetAddress> nat1To1Addresses,
        Nat1To1CandidateType nat1To1CandidateType,
        boolean iceLite,
        Duration iceDisconnectedTimeout,
        Duration iceFailedTimeout,
        Duration iceKeepaliveInterval,
        MdnsMode mdnsMode,
        Duration dtlsRetransmitInitial,
        Duration dtlsHandshakeTimeout,
        int mtu,
        int sctpReceiveBuffer,
        int sctpSendBuffer,
        long maxMessageSize,
        @Nullable Integer sharedUdpPort,
        int srtpReplayWindow) {

    /** How {@code .local} (mDNS) candidates are handled. */
    public enum MdnsMode {
        /** Remote {@code .local} candidates are ignored; local addresses are advertised as they are. */
        DISABLED,
        /** Remote {@code .local} candidates are resolved by mDNS; local addresses are advertised as they are. */
        QUERY_ONLY,
        /** Remote ones resolved, and local host addresses hidden behind random {@code .local} names. */
        QUERY_AND_GATHER
    }

    /** How 1:1 NAT addresses are advertised. */
    public enum Nat1To1CandidateType {
        /** In place of the local address, as a host candidate. */
        HOST,
        /** As a server-reflexive candidate beside the local host candidate. */
        SRFLX
    }

    /** The defaults. */
    public static final RTCSettings DEFAULT = builder().build();

    /** The largest message a data channel accepts by default (RFC 8841 §6; browsers use 256 KiB). */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 256 * 1024;

    public RTCSettings {
        if (minPort < 0 || maxPort < 0 || minPort > 65535 || maxPort > 65535 || (maxPort != 0 && minPort > maxPort)
                || (minPort == 0) != (maxPort == 0)) {
            throw range("port range " + minPort + ".." + maxPort + " (both 0, or 1 <= min <= max <= 65535)");
        }
        bindAddresses = List.copyOf(bindAddresses);
        Objects.requireNonNull(interfaceFilter, "interfaceFilter");
        Objects.requireNonNull(addressFilter, "addressFilter");
        nat1To1Addresses = List.copyOf(nat1To1Addresses);
        Objects.requireNonNull(nat1To1CandidateType, "nat1To1CandidateType");
        positive("iceDisconnectedTimeout", iceDisconnectedTimeout);
        positive("iceFailedTimeout", iceFailedTimeout);
        positive("iceKeepaliveInterval", iceKeepaliveInterval);
        Objects.requireNonNull(mdnsMode, "mdnsMode");
        checkNat1To1(nat1To1Addresses, nat1To1CandidateType, iceLite, mdnsMode);
        positive("dtlsRetransmitInitial", dtlsRetransmitInitial);
        positive("dtlsHandshakeTimeout", dtlsHandshakeTimeout);
        if (mtu < 576 || mtu > 65507) {
            throw range("mtu " + mtu + " (576..65507)");
        }
        if (sctpReceiveBuffer < 1500 || sctpSendBuffer < 1500) {
            throw range("SCTP buffers must be at least 1500 bytes");
        }
        if (maxMessageSize < 0) {
            throw range("maxMessageSize " + maxMessageSize + " (0 means unlimited, otherwise positive)");
        }
        if (sharedUdpPort != null && (sharedUdpPort < 1 || sharedUdpPort > 65535)) {
            throw range("sharedUdpPort " + sharedUdpPort);
        }
        if (srtpReplayWindow < 64 || srtpReplayWindow > 32768) {
            throw range("srtpReplayWindow " + srtpReplayWindow + " (64..32768)");
        }
    }

    private static void checkNat1To1(List<InetAddress> addresses, Nat1To1CandidateType type, boolean lite,
            MdnsMode mdns) {
        long v4 = addresses.stream().filter(a -> a instanceof java.net.Inet4Address).count();
        if (v4 > 1 || addresses.size() - v4 > 1) {
            throw new RTCException(RTCErrorType.INVALID_ACCESS, "nat1To1Addresses: at most one address per family, got "
                    + addresses.stream().map(InetAddress::getHostAddress).toList());
        }
        for (InetAddress a : addresses) {
            if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
                throw new RTCException(RTCErrorType.INVALID_ACCESS, "nat1To1Addresses: " + a.getHostAddress()
                        + " is not a unicast address");
            }
        }
        if (!addresses.isEmpty() && type == Nat1To1CandidateType.HOST && mdns == MdnsMode.QUERY_AND_GATHER) {
            throw new RTCException(RTCErrorType.INVALID_ACCESS,
                    "nat1To1 HOST advertises public addresses: it cannot be combined with mdnsMode QUERY_AND_GATHER");
        }
        if (!addresses.isEmpty() && type == Nat1To1CandidateType.SRFLX && lite) {
            throw new RTCException(RTCErrorType.INVALID_ACCESS,
                    "nat1To1 SRFLX with iceLite: a lite agent signals host candidates only (RFC 8445 §5.1.1); use HOST");
        }
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw range(name + " must be positive, got " + d);
        }
    }

    private static RTCException range(String message) {
        return new RTCException(RTCErrorType.RANGE, message);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.minPort = minPort;
        b.maxPort = maxPort;
        b.bindAddresses = bindAddresses;
        b.interfaceFilter = interfaceFilter;
        b.addressFilter = addressFilter;
        b.nat1To1Addresses = nat1To1Addresses;
        b.nat1To1CandidateType = nat1To1CandidateType;
        b.iceLite = iceLite;
        b.iceDisconnectedTimeout = iceDisconnectedTimeout;
        b.iceFailedTimeout = iceFailedTimeout;
        b.iceKeepaliveInterval = iceKeepaliveInterval;
        b.mdnsMode = mdnsMode;
        b.dtlsRetransmitInitial = dtlsRetransmitInitial;
        b.dtlsHandshakeTimeout = dtlsHandshakeTimeout;
        b.mtu = mtu;
        b.sctpReceiveBuffer = sctpReceiveBuffer;
        b.sctpSendBuffer = sctpSendBuffer;
        b.maxMessageSize = maxMessageSize;
        b.sharedUdpPort = sharedUdpPort;
        b.srtpReplayWindow = srtpReplayWindow;
        return b;
    }

    /** Builds {@link RTCSettings}, starting from the defaults. */
    public static final class Builder {
        private int minPort;
        private int maxPort;
        private List<InetAddress> bindAddresses = List.of();
        private Predicate<String> interfaceFilter = name -> true;
        private Predicate<InetAddress> addressFilter = address -> true;
        private List<InetAddress> nat1To1Addresses = List.of();
        private Nat1To1CandidateType nat1To1CandidateType = Nat1To1CandidateType.HOST;
        private boolean iceLite;
        private Duration iceDisconnectedTimeout = Duration.ofSeconds(5);
        private Duration iceFailedTimeout = Duration.ofSeconds(30);
        private Duration iceKeepaliveInterval = Duration.ofSeconds(2);
        private MdnsMode mdnsMode = MdnsMode.QUERY_ONLY;
        private Duration dtlsRetransmitInitial = Duration.ofMillis(200);
        private Duration dtlsHandshakeTimeout = Duration.ofSeconds(30);
        private int mtu = 1200;
        private int sctpReceiveBuffer = 4 * 1024 * 1024;
        private int sctpSendBuffer = 4 * 1024 * 1024;
        private long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private @Nullable Integer sharedUdpPort;
        private int srtpReplayWindow = 64;

        private Builder() {}

        /** Host candidates on ports {@code min..max} only (firewall-friendly servers). */
        public Builder portRange(int min, int max) {
            this.minPort = min;
            this.maxPort = max;
            return this;
        }

        public Builder bindAddresses(List<InetAddress> addresses) {
            this.bindAddresses = addresses;
            return this;
        }

        public Builder interfaceFilter(Predicate<String> filter) {
            this.interfaceFilter = filter;
            return this;
        }

        public Builder addressFilter(Predicate<InetAddress> filter) {
            this.addressFilter = filter;
            return this;
        }

        public Builder nat1To1(List<InetAddress> publicAddresses, Nat1To1CandidateType type) {
            this.nat1To1Addresses = publicAddresses;
            this.nat1To1CandidateType = type;
            return this;
        }

        public Builder iceLite(boolean lite) {
            this.iceLite = lite;
            return this;
        }

        public Builder iceTimeouts(Duration disconnected, Duration failed, Duration keepalive) {
            this.iceDisconnectedTimeout = disconnected;
            this.iceFailedTimeout = failed;
            this.iceKeepaliveInterval = keepalive;
            return this;
        }

        public Builder mdnsMode(MdnsMode mode) {
            this.mdnsMode = mode;
            return this;
        }

        public Builder dtlsTimers(Duration retransmitInitial, Duration handshakeTimeout) {
            this.dtlsRetransmitInitial = retransmitInitial;
            this.dtlsHandshakeTimeout = handshakeTimeout;
            return this;
        }

        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        public Builder sctpBuffers(int receiveBytes, int sendBytes) {
            this.sctpReceiveBuffer = receiveBytes;
            this.sctpSendBuffer = sendBytes;
            return this;
        }

        public Builder maxMessageSize(long bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        public Builder sharedUdpPort(@Nullable Integer port) {
            this.sharedUdpPort = port;
            return this;
        }

        public Builder srtpReplayWindow(int packets) {
            this.srtpReplayWindow = packets;
            return this;
        }

        public RTCSettings build() {
            return new RTCSettings(minPort, maxPort, bindAddresses, interfaceFilter, addressFilter, nat1To1Addresses,
                    nat1To1CandidateType, iceLite, iceDisconnectedTimeout, iceFailedTimeout, iceKeepaliveInterval,
                    mdnsMode, dtlsRetransmitInitial, dtlsHandshakeTimeout, mtu, sctpReceiveBuffer, sctpSendBuffer,
                    maxMessageSize, sharedUdpPort, srtpReplayWindow);
        }
    }
}
