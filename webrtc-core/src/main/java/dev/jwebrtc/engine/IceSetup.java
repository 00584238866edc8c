package dev.jwebrtc.engine;

import dev.jwebrtc.IceServerUrl;
import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCIceServer;
import dev.jwebrtc.RTCIceTransportPolicy;
import dev.jwebrtc.RTCSettings;
import dev.jwebrtc.ice.CandidateType;
import dev.jwebrtc.ice.IceConfig;
import dev.jwebrtc.ice.IceCredentials;
import dev.jwebrtc.ice.IceRole;
import dev.jwebrtc.ice.TurnServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ICE agent's configuration from the W3C configuration and our settings: role, lite, relay-only policy, address
 * filters, consent timeout, mDNS hiding, NAT 1:1 addresses, and the STUN/TURN servers (by IP, or by name as resolved
 * by the caller: the engine does no I/O).
 */
final class IceSetup {

    private static final Logger LOG = LoggerFactory.getLogger(IceSetup.class);

    private IceSetup() {
    }

    static IceConfig config(RTCConfiguration configuration, RTCSettings settings, IceCredentials localIce,
            List<InetSocketAddress> hostSockets, Map<String, InetAddress> resolvedHosts, boolean controlling) {
        IceConfig.Builder b = IceConfig.builder()
                .role(controlling && !settings.iceLite() ? IceRole.CONTROLLING : IceRole.CONTROLLED)
                .lite(settings.iceLite())
                .localCredentials(localIce)
                // W3C iceTransportPolicy "relay": only relayed candidates are gathered and paired.
                .relayOnly(configuration.iceTransportPolicy() == RTCIceTransportPolicy.RELAY)
                .includeLoopback(hostSockets.stream().anyMatch(s -> s.getAddress().isLoopbackAddress()))
                .addressFilter(settings.addressFilter())
                .consentTimeout(settings.iceFailedTimeout())
                // mDNS (issue 8 edge work): hide host addresses behind <uuid>.local names when asked to.
                .mdnsHostCandidates(settings.mdnsMode() == RTCSettings.MdnsMode.QUERY_AND_GATHER)
                .nat1To1(settings.nat1To1Addresses(),
                        settings.nat1To1CandidateType() == RTCSettings.Nat1To1CandidateType.SRFLX
                                ? CandidateType.SERVER_REFLEXIVE : CandidateType.HOST)
                // Measured on loopback: 500 ms (the agent's default) made setup take about 1.2 s, 50 ms about 0.45 s.
                // The first valid pair is usually the best host pair already; later better pairs still win
                // while the controlled side accepts them.
                .nominationDelay(java.time.Duration.ofMillis(50));
        for (RTCIceServer server : configuration.iceServers()) {
            for (IceServerUrl url : server.parsedUrls()) {
                InetSocketAddress address = address(url, resolvedHosts);
                if (address == null || url.transport() != IceServerUrl.Transport.UDP || url.scheme().isSecure()) {
                    LOG.debug("ICE server {} skipped: unresolved, or not over UDP (TCP/TLS come later)", url);
                } else if (url.scheme().isTurn()) {
                    b.turnServer(new TurnServer(address, server.username(), server.credential()));
                } else if (configuration.iceTransportPolicy() == RTCIceTransportPolicy.ALL) {
                    b.stunServer(address);
                }
            }
        }
        return b.build();
    }

    /** The server's address: an IP literal as it is, a name as resolved by the caller. */
    private static @Nullable InetSocketAddress address(IceServerUrl url, Map<String, InetAddress> resolvedHosts) {
        String host = url.host();
        if (isIpLiteral(host)) {
            try {
                return new InetSocketAddress(InetAddress.getByName(host), url.port());
            } catch (UnknownHostException e) {
                return null;
            }
        }
        InetAddress resolved = resolvedHosts.get(host);
        return resolved == null ? null : new InetSocketAddress(resolved, url.port());
    }

    /** Whether a host is an IP literal, which {@link InetAddress#getByName} turns into an address without DNS. */
    static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    }
}
