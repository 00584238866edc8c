package dev.jwebrtc.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of an {@link IceAgent}. Defaults follow the RFCs: Ta 50 ms (RFC 8445 §14.2), consent every
 * 4-6 s and lost after 30 s (RFC 7675 §5.1), at most 100 pairs (RFC 8445 §6.1.2.5).
 *
 * @param role the initial role (the offerer is controlling, RFC 8445 §6.1.1)
 * @param lite whether this is a lite agent (RFC 8445 §2.5): host candidates only, never sends checks
 * @param localCredentials fixed local credentials, or {@code null} to generate them
 * @param stunServers STUN servers for server-reflexive candidates
 * @param turnServers TURN servers for relayed candidates
 * @param includeLoopback whether loopback addresses become host candidates
 * @param includeIpv6 whether IPv6 addresses become host candidates
 * @param addressFilter which interface addresses may become host candidates (after the checks above)
 * @param interfaceFilter which interfaces (by name) {@link HostAddresses#select} takes addresses from
 * @param ta the pacing interval between new checks
 * @param checkRto the first retransmission timeout of a check; doubled per retransmission up to {@code maxRto}
 * @param maxRto the largest retransmission timeout
 * @param maxCheckTransmissions transmissions of a check (or consent request) before it fails
 * @param maxStunTransmissions transmissions of a request to a STUN/TURN server before it fails
 * @param nominationDelay how long the controlling agent waits after the first valid pair for a better one
 * @param consentInterval the mean consent check interval (randomised to 0.8..1.2 times)
 * @param consentTimeout consent is lost this long after the last response
 * @param disconnectedAfterMissed a consent request unanswered after this many transmissions marks the
 *        connection disconnected
 * @param maxPairs the checklist size limit
 * @param relayOnly W3C {@code iceTransportPolicy: "relay"}: only relayed candidates are signalled, paired or
 *        answered
 * @param mdnsHostCandidates whether host candidates are signalled as {@code <uuid>.local} names
 *        (draft-ietf-mmusic-mdns-ice-candidates) and the agent answers mDNS queries for them
 * @param nat1To1Addresses the public addresses of a 1:1 NAT in front of the host sockets, at most one per address
 *        family; each applies to every host socket of its family (as Pion's {@code SetNAT1To1IPs})
 * @param nat1To1CandidateType {@link CandidateType#HOST}: a host socket is signalled with the public address in
 *        place of its own; {@link CandidateType#SERVER_REFLEXIVE}: the host candidate stays and a server-reflexive
 *        candidate with the public address (related address: the socket) is added, as if a STUN server had said so
 */
public record IceConfig(IceRole role, boolean lite, @Nullable IceCredentials localCredentials,
        List<InetSocketAddress> stunServers, List<TurnServer> turnServers, boolean includeLoopback,
        boolean includeIpv6, Predicate<InetAddress> addressFilter, Predicate<String> interfaceFilter, Duration ta, Duration checkRto, Duration maxRto,
        int maxCheckTransmissions, int maxStunTransmissions, Duration nominationDelay, Duration consentInterval,
        Duration consentTimeout, int disconnectedAfterMissed, int maxPairs, boolean relayOnly,
        boolean mdnsHostCandidates, List<InetAddress> nat1To1Addresses, CandidateType nat1To1CandidateType) {

    public IceConfig {
        Objects.requireNonNull(role, "role");
        stunServers = List.copyOf(stunServers);
        turnServers = List.copyOf(turnServers);
        Objects.requireNonNull(addressFilter, "addressFilter");
        Objects.requireNonNull(interfaceFilter, "interfaceFilter");
        positive(ta, "ta");
        positive(checkRto, "checkRto");
        positive(maxRto, "maxRto");
        positive(consentInterval, "consentInterval");
        positive(consentTimeout, "consentTimeout");
        Objects.requireNonNull(nominationDelay, "nominationDelay");
        if (maxCheckTransmissions < 1 || maxStunTransmissions < 1 || disconnectedAfterMissed < 1 || maxPairs < 1) {
            throw new IllegalArgumentException("transmission counts and maxPairs must be at least 1");
        }
        for (InetSocketAddress s : stunServers) {
            if (s.isUnresolved()) {
                throw new IllegalArgumentException("STUN server address must be resolved by the caller: " + s);
            }
        }
        nat1To1Addresses = List.copyOf(nat1To1Addresses);
        checkNat1To1(nat1To1Addresses, Objects.requireNonNull(nat1To1CandidateType, "nat1To1CandidateType"), lite,
                mdnsHostCandidates);
    }

    private static void checkNat1To1(List<InetAddress> addresses, CandidateType type, boolean lite, boolean mdns) {
        if (type != CandidateType.HOST && type != CandidateType.SERVER_REFLEXIVE) {
            throw new IllegalArgumentException("nat1To1CandidateType must be HOST or SERVER_REFLEXIVE, got " + type);
        }
        boolean v4 = false;
        boolean v6 = false;
        for (InetAddress a : addresses) {
            if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
                throw new IllegalArgumentException("a NAT 1:1 address must be a unicast address, got "
                        + a.getHostAddress());
            }
            boolean four = a instanceof java.net.Inet4Address;
            if ((four && v4) || (!four && v6)) {
                throw new IllegalArgumentException("at most one NAT 1:1 address per address family, got "
                        + addresses.stream().map(InetAddress::getHostAddress).toList());
            }
            v4 |= four;
            v6 |= !four;
        }
        if (addresses.isEmpty()) {
            return;
        }
        if (type == CandidateType.SERVER_REFLEXIVE && lite) {
            throw new IllegalArgumentException(
                    "a lite agent signals host candidates only (RFC 8445 §5.1.1): use NAT 1:1 as HOST");
        }
        if (type == CandidateType.HOST && mdns) {
            throw new IllegalArgumentException(
                    "NAT 1:1 host addresses are public: they cannot also be hidden behind mDNS names");
        }
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with the defaults described on {@link IceConfig}. */
    public static final class Builder {
        private IceRole role = IceRole.CONTROLLING;
        private boolean lite;
        private @Nullable IceCredentials localCredentials;
        private final List<InetSocketAddress> stunServers = new ArrayList<>();
        private final List<TurnServer> turnServers = new ArrayList<>();
        private boolean includeLoopback;
        private boolean includeIpv6 = true;
        private Predicate<InetAddress> addressFilter = a -> true;
        private Predicate<String> interfaceFilter = n -> true;
        private Duration ta = Duration.ofMillis(50);
        private Duration checkRto = Duration.ofMillis(500);
        private Duration maxRto = Duration.ofMillis(1600);
        private int maxCheckTransmissions = 7;
        private int maxStunTransmissions = 5;
        private Duration nominationDelay = Duration.ofMillis(500);
        private Duration consentInterval = Duration.ofSeconds(5);
        private Duration consentTimeout = Duration.ofSeconds(30);
        private int disconnectedAfterMissed = 2;
        private int maxPairs = 100;
        private boolean relayOnly;
        private boolean mdnsHostCandidates;
        private List<InetAddress> nat1To1Addresses = List.of();
        private CandidateType nat1To1CandidateType = CandidateType.HOST;

        public Builder role(IceRole v) {
            role = v;
            return this;
        }

        public Builder lite(boolean v) {
            lite = v;
            return this;
        }

        public Builder localCredentials(@Nullable IceCredentials v) {
            localCredentials = v;
            return this;
        }

        public Builder stunServer(InetSocketAddress v) {
            stunServers.add(v);
            return this;
        }

        public Builder turnServer(TurnServer v) {
            turnServers.add(v);
            return this;
        }

        public Builder includeLoopback(boolean v) {
            includeLoopback = v;
            return this;
        }

        public Builder includeIpv6(boolean v) {
            includeIpv6 = v;
            return this;
        }

        public Builder addressFilter(Predicate<InetAddress> v) {
            addressFilter = v;
            return this;
        }

        public Builder interfaceFilter(Predicate<String> v) {
            interfaceFilter = v;
            return this;
        }

        public Builder ta(Duration v) {
            ta = v;
            return this;
        }

        public Builder checkRto(Duration v) {
            checkRto = v;
            return this;
        }

        public Builder maxRto(Duration v) {
            maxRto = v;
            return this;
        }

        public Builder maxCheckTransmissions(int v) {
            maxCheckTransmissions = v;
            return this;
        }

        public Builder maxStunTransmissions(int v) {
            maxStunTransmissions = v;
            return this;
        }

        public Builder nominationDelay(Duration v) {
            nominationDelay = v;
            return this;
        }

        public Builder consentInterval(Duration v) {
            consentInterval = v;
            return this;
        }

        public Builder consentTimeout(Duration v) {
            consentTimeout = v;
            return this;
        }

        public Builder disconnectedAfterMissed(int v) {
            disconnectedAfterMissed = v;
            return this;
        }

        public Builder maxPairs(int v) {
            maxPairs = v;
            return this;
        }

        public Builder relayOnly(boolean v) {
            relayOnly = v;
            return this;
        }

        public Builder mdnsHostCandidates(boolean v) {
            mdnsHostCandidates = v;
            return this;
        }

        /** The public addresses of a 1:1 NAT and how they are signalled (see {@link IceConfig}). */
        public Builder nat1To1(List<InetAddress> addresses, CandidateType type) {
            nat1To1Addresses = addresses;
            nat1To1CandidateType = type;
            return this;
        }

        public IceConfig build() {
            return new IceConfig(role, lite, localCredentials, stunServers, turnServers, includeLoopback, includeIpv6,
                    addressFilter, interfaceFilter, ta, checkRto, maxRto, maxCheckTransmissions, maxStunTransmissions,
                    nominationDelay, consentInterval, consentTimeout, disconnectedAfterMissed, maxPairs, relayOnly,
                    mdnsHostCandidates, nat1To1Addresses, nat1To1CandidateType);
        }
    }
}
