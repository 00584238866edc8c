package dev.jwebrtc.engine;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCIceCandidate;
import dev.jwebrtc.RTCIceConnectionState;
import dev.jwebrtc.RTCIceGatheringState;
import dev.jwebrtc.RTCPeerConnectionState;
import dev.jwebrtc.RTCSettings;
import dev.jwebrtc.dtls.DtlsCertificate;
import dev.jwebrtc.dtls.DtlsConfig;
import dev.jwebrtc.dtls.DtlsEndpoint;
import dev.jwebrtc.dtls.DtlsEvent;
import dev.jwebrtc.dtls.DtlsFingerprint;
import dev.jwebrtc.dtls.DtlsRole;
import dev.jwebrtc.dtls.DtlsState;
import dev.jwebrtc.dtls.DtlsTransmit;
import dev.jwebrtc.ice.IceAgent;
import dev.jwebrtc.ice.IceCandidate;
import dev.jwebrtc.ice.IceCredentials;
import dev.jwebrtc.ice.IceEvent;
import dev.jwebrtc.ice.IceRole;
import dev.jwebrtc.sctp.SctpAssociation;
import dev.jwebrtc.sctp.SctpConfig;
import dev.jwebrtc.sctp.SctpEvent;
import dev.jwebrtc.sctp.dcep.DataChannelEvent;
import dev.jwebrtc.sctp.dcep.DataChannels;
import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Candidate;
import dev.jwebrtc.sdp.attribute.Setup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport half of the engine: ICE carries DTLS, DTLS carries SCTP, SCTP carries the data channels.
 *
 * <p>Datagrams are demultiplexed by their first byte (RFC 7983 §7): 0-3 STUN, 20-63 DTLS, 64-79 TURN ChannelData,
 * 128-191 SRTP/SRTCP (handed to {@link Media}). DTLS and SCTP output leaves through the ICE
 * agent's selected pair. The DTLS role follows {@code a=setup} (RFC 8842 §5.2); the DTLS client starts the handshake
 * once ICE has a selected pair; both sides start SCTP once DTLS is up (RFC 8261 §4; an INIT collision is
 * handled by the association).
 */
public final class Transports {

    private static final Logger LOG = LoggerFactory.getLogger(Transports.class);

    /** The SCTP port this side uses (RFC 8841 §5.1 default). */
    public static final int SCTP_PORT = 5000;
    private static final int MAX_EARLY_DATAGRAMS = 32;

    /** What was dropped, and why (bad remote input is counted, never thrown). */
    public record Counters(long unknownDatagrams, long mediaDatagramsIgnored, long earlyDatagramsDropped,
            long unsendable) {}

    private final RTCConfiguration configuration;
    private final RTCSettings settings;
    private final DtlsCertificate certificate;
    private final RandomGenerator random;
    private final List<InetSocketAddress> hostSockets;
    private final Runnable wakeup;
    private final Queue<EngineEvent> events;
    private final ArrayDeque<Transmit> transmits = new ArrayDeque<>();
    private final ArrayDeque<byte[]> earlyDtls = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer> unsentDtls = new ArrayDeque<>();
    private final List<Candidate> localCandidates = new ArrayList<>();
    private final ChannelRegistry channels;

    private IceCredentials localIce;
    private final Map<String, InetAddress> resolvedHosts;
    private @Nullable IceAgent ice;
    private @Nullable DtlsEndpoint dtls;
    private @Nullable SctpAssociation sctp;
    private @Nullable DataChannels dcep;
    private @Nullable RemoteParameters remote;
    private @Nullable Media media;
    private boolean gathering;
    private @Nullable List<IceEvent> pooled;
    private boolean pooledRoleOpen;
    private boolean gatheringComplete;
    private boolean dtlsClient;
    private boolean dtlsStarted;
    private boolean dtlsFailed;
    private boolean dtlsClosedByPeer;
    private boolean dataSectionNegotiated;
    private boolean closed;
    private boolean closing;
    private String transportMid = "0";
    private int transportIndex;
    private RTCIceConnectionState iceState = RTCIceConnectionState.NEW;
    private RTCPeerConnectionState connectionState = RTCPeerConnectionState.NEW;

    private long packetsSent;
    private long packetsReceived;
    private long bytesSent;
    private long bytesReceived;
    private @Nullable String dtlsCipher;
    private long unknownDatagrams;
    private long mediaIgnored;
    private long earlyDropped;
    private long unsendable;

    Transports(RTCConfiguration configuration, RTCSettings settings, DtlsCertificate certificate, RandomGenerator random,
            List<InetSocketAddress> hostSockets, IceCredentials localIce, Map<String, InetAddress> resolvedHosts,
            Runnable wakeup, Queue<EngineEvent> events) {
        this.localIce = localIce;
        this.resolvedHosts = Map.copyOf(resolvedHosts);
        this.configuration = configuration;
        this.settings = settings;
        this.certificate = certificate;
        this.random = random;
        this.hostSockets = List.copyOf(hostSockets);
        this.wakeup = wakeup;
        this.events = events;
        this.channels = new ChannelRegistry(events);
    }

    ChannelRegistry channels() {
        return channels;
    }

    /** The RTP half, fed with SRTP datagrams and keys from here. */
    void media(Media m) {
        this.media = m;
    }

    /** Sends an SRTP/SRTCP datagram on the selected pair; false when there is none yet (media is not queued). */
    boolean sendMedia(java.nio.ByteBuffer datagram) {
        return !closed && ice != null && ice.send(datagram);
    }

    boolean dataSectionNegotiated() {
        return dataSectionNegotiated;
    }

    List<Candidate> localSdpCandidates() {
        return List.copyOf(localCandidates);
    }

    boolean gatheringComplete() {
        return gatheringComplete;
    }

    Counters counters() {
        return new Counters(unknownDatagrams, mediaIgnored, earlyDropped, unsendable);
    }

    boolean busy() {
        return dtls != null && dtls.busy();
    }

    // ---- configuration from the descriptions ---------------------------------------------------------------------

    private IceAgent agent(boolean controlling) {
        if (ice != null && pooledRoleOpen) { // candidate pool: the agent existed before signalling chose the role
            pooledRoleOpen = false;
            if (!settings.iceLite()) {
                ice.setRole(controlling ? IceRole.CONTROLLING : IceRole.CONTROLLED);
            }
        }
        if (ice == null) {
            ice = new IceAgent(IceSetup.config(configuration, settings, localIce, hostSockets, resolvedHosts,
                    controlling), random);
        }
        return ice;
    }

    void startGathering(long nowNanos, boolean offerer, SessionDescription local) {
        IceAgent agent = agent(offerer);
        for (int i = 0; i < local.media().size(); i++) {
            MediaDescription m = local.media().get(i);
            if (!m.isRejected()) {
                transportMid = m.mid().orElse(Integer.toString(i));
                transportIndex = i;
                break;
            }
        }
        if (!gathering) {
            gathering = true;
            agent.gather(nowNanos, hostSockets);
        }
        releasePool(nowNanos);
    }

    // ---- candidate pool (W3C iceCandidatePoolSize, RFC 8829 §3.5.4) ----------------------------------------------

    /**
     * Starts gathering before any description (the pool): the agent gathers at once, but what it finds is held back
     * until the first {@code setLocalDescription}, as browsers do (the gathering state stays {@code new}). One
     * transport is pooled whatever the size: with BUNDLE it is all a connection uses.
     */
    void startPool(long nowNanos) {
        if (ice == null && !gathering) {
            agent(true).gather(nowNanos, hostSockets);
            gathering = true;
            pooledRoleOpen = true;
            pooled = new ArrayList<>();
        }
    }

    /**
     * Surfaces the pooled candidates through the usual events, now that they belong to a description: the gathering
     * state moves to {@code gathering}, the candidates follow, and {@code complete} if the pool is already complete
     * (otherwise the agent reports it later, as without a pool).
     */
    private void releasePool(long nowNanos) {
        if (pooled == null || ice == null) {
            return;
        }
        pump(nowNanos); // what the agent reported meanwhile (a restart's regathering) joins the pool first
        List<IceEvent> held = pooled;
        if (held != null) {
            pooled = null;
            events.add(new EngineEvent.IceGatheringStateChanged(RTCIceGatheringState.GATHERING));
            for (IceEvent e : held) {
                if (!(e instanceof IceEvent.GatheringStateChanged)) {
                    onIceEvent(nowNanos, e);
                }
            }
            if (ice.gatheringState() == dev.jwebrtc.ice.IceGatheringState.COMPLETE) {
                events.add(new EngineEvent.IceGatheringStateChanged(RTCIceGatheringState.COMPLETE));
            }
        }
    }

    void setRemote(long nowNanos, RemoteParameters parameters, boolean localOfferer) {
        IceAgent agent = agent(localOfferer || parameters.iceLite());
        remote = parameters;
        agent.setRemoteCredentials(nowNanos, new IceCredentials(parameters.ufrag(), parameters.password()));
        for (Candidate c : parameters.candidates()) {
            try {
                agent.addRemoteCandidate(nowNanos, IceCandidate.parse(c.toAttribute().value()));
            } catch (IllegalArgumentException e) {
                LOG.debug("remote candidate ignored: {}", e.getMessage());
            }
        }
        if (parameters.endOfCandidates()) {
            agent.endOfRemoteCandidates(nowNanos);
        }
    }

    /**
     * ICE restart (RFC 8445 §9): new local credentials and a fresh checklist; the selected pair keeps carrying data
     * until a new one is chosen. Returns the new credentials for the next description.
     */
    IceCredentials restartIce(long nowNanos) {
        if (ice != null) {
            if (pooled != null) {
                pump(nowNanos);
                pooled.clear(); // the restart offers every candidate again, under the new credentials
            }
            ice.restart(nowNanos);
            localIce = ice.localCredentials();
            localCandidates.clear();
            gatheringComplete = false;
        }
        return localIce;
    }

    IceCredentials localIce() {
        return localIce;
    }

    void addRemoteCandidate(long nowNanos, IceCandidate candidate) {
        if (ice != null) {
            ice.addRemoteCandidate(nowNanos, candidate);
        }
    }

    void endOfRemoteCandidates(long nowNanos) {
        if (ice != null) {
            ice.endOfRemoteCandidates(nowNanos);
        }
    }

    /**
     * Both descriptions are in place: fixes the DTLS role (RFC 8842 §5.2, RFC 8829 §5.3.1: the answerer's
     * {@code a=setup} decides) and creates the DTLS endpoint.
     */
    void configure(long nowNanos, RemoteParameters parameters, boolean localOfferer, SessionDescription local) {
        remote = parameters;
        dataSectionNegotiated = parameters.sctpPort() != null
                && local.media().stream().anyMatch(m -> !m.isRejected() && m.media().equals("application"));
        if (dtls != null) {
            return;
        }
        if (localOfferer) {
            dtlsClient = parameters.setup() != Setup.ACTIVE;
        } else {
            Setup ours = local.media().stream().filter(m -> !m.isRejected()).findFirst()
                .flatMap(m -> m.first(Setup.TYPE)).orElse(Setup.ACTIVE);
            dtlsClient = ours == Setup.ACTIVE;
        }
        List<DtlsFingerprint> fingerprints = parameters.fingerprints().stream()
                .map(f -> DtlsFingerprint.parse(f.hashFunction() + " " + f.fingerprint())).toList();
        DtlsConfig config = DtlsConfig.builder(dtlsClient ? DtlsRole.CLIENT : DtlsRole.SERVER, certificate)
                .remoteFingerprints(fingerprints)
                .mtu(settings.mtu())
                .initialRetransmit(settings.dtlsRetransmitInitial())
                .handshakeTimeout(settings.dtlsHandshakeTimeout())
                .build();
        dtls = new DtlsEndpoint(config, wakeup);
        LOG.debug("DTLS {} configured", dtlsClient ? "client" : "server");
        while (!earlyDtls.isEmpty()) {
            dtls.handleReceive(nowNanos, ByteBuffer.wrap(earlyDtls.poll()));
        }
        maybeStartDtls(nowNanos);
        updateConnectionState();
    }

    /** The local description with the gathered candidates in its transport section (W3C §4.4.1.1). */
    SessionDescription withLocalCandidates(SessionDescription description) {
        if (localCandidates.isEmpty() && !gatheringComplete) {
            return description;
        }
        List<MediaDescription> media = new ArrayList<>(description.media());
        for (int i = 0; i < media.size(); i++) {
            MediaDescription m = media.get(i);
            if (m.isRejected() || m.has("candidate")) {
                continue;
            }
            List<Attribute> attributes = new ArrayList<>(m.attributes());
            for (Candidate c : localCandidates) {
                attributes.add(c.toAttribute());
            }
            if (gatheringComplete) {
                attributes.add(new Attribute("end-of-candidates", null));
            }
            media.set(i, m.withAttributes(attributes));
            if (description.has("group")) {
                break; // BUNDLE: one transport, its candidates in the first section are enough
            }
        }
        return new SessionDescription(description.version(), description.origin(), description.sessionName(),
                description.information(), description.uri(), description.emails(), description.phones(),
                description.connection(), description.bandwidths(), description.timings(), description.timeZones(),
                description.encryptionKey(), description.attributes(), media);
    }

    // ---- datagrams and time --------------------------------------------------------------------------------------

    void receive(long nowNanos, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
        if (closed || !datagram.hasRemaining()) {
            return;
        }
        if (to.getAddress().isMulticastAddress()) { // mDNS from the edge's group socket: not transport traffic
            if (ice != null) {
                ice.handleReceive(nowNanos, from, to, datagram);
                pump(nowNanos);
            }
            return;
        }
        packetsReceived++;
        bytesReceived += datagram.remaining();
        int first = datagram.get(datagram.position()) & 0xff;
        if (first <= 3 || (first >= 64 && first <= 79)) {
            if (ice != null) {
                ice.handleReceive(nowNanos, from, to, datagram);
            } else {
                unknownDatagrams++;
            }
        } else if (first >= 20 && first <= 63) {
            receiveDtls(nowNanos, datagram);
        } else if (first >= 128 && first <= 191) {
            if (media != null) {
                media.receive(nowNanos, datagram);
            } else {
                mediaIgnored++;
            }
        } else {
            unknownDatagrams++;
        }
        pump(nowNanos);
    }

    private void receiveDtls(long nowNanos, ByteBuffer datagram) {
        if (dtls != null) {
            dtls.handleReceive(nowNanos, datagram);
        } else if (earlyDtls.size() < MAX_EARLY_DATAGRAMS) {
            // A ClientHello can beat our answer's application: keep it until the role is known.
            byte[] copy = new byte[datagram.remaining()];
            datagram.duplicate().get(copy);
            earlyDtls.add(copy);
        } else {
            earlyDropped++;
        }
    }

    void timeout(long nowNanos) {
        if (ice != null && ice.pollTimeout() <= nowNanos) {
            ice.handleTimeout(nowNanos);
        }
        if (dtls != null && dtls.pollTimeout() <= nowNanos) {
            dtls.handleTimeout(nowNanos);
        }
        if (sctp != null && sctp.pollTimeout() <= nowNanos) {
            sctp.handleTimeout(nowNanos);
        }
        if (media != null && !closed && media.pollTimeout() <= nowNanos) {
            media.timeout(nowNanos);
        }
        pump(nowNanos);
    }

    long pollTimeout(long nowNanos) {
        long next = Long.MAX_VALUE;
        if (ice != null) {
            next = Math.min(next, ice.pollTimeout());
        }
        if (dtls != null) {
            next = Math.min(next, dtls.pollTimeout());
        }
        if (sctp != null) {
            next = Math.min(next, sctp.pollTimeout());
        }
        if (media != null && !closed) {
            next = Math.min(next, media.pollTimeout());
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("deadlines: ice {} dtls {} sctp {} now {}", ice == null ? "-" : ice.pollTimeout(),
                    dtls == null ? "-" : dtls.pollTimeout(), sctp == null ? "-" : sctp.pollTimeout(), nowNanos);
        }
        return next;
    }

    @Nullable Transmit pollTransmit() {
        Transmit t = transmits.poll();
        if (t != null) {
            packetsSent++;
            bytesSent += t.payload().remaining();
        }
        return t;
    }

    EngineStats stats() {
        return new EngineStats(
                ice == null ? "unknown" : ice.role().name().toLowerCase(java.util.Locale.ROOT),
                iceState.name().toLowerCase(java.util.Locale.ROOT),
                dtls == null ? "new" : dtls.state().name().toLowerCase(java.util.Locale.ROOT),
                dtls == null ? null : dtlsClient ? "client" : "server",
                dtlsCipher,
                ice == null ? List.of() : ice.candidatePairs(),
                ice == null ? List.of() : ice.localCandidates(),
                packetsSent, packetsReceived, bytesSent, bytesReceived);
    }

    /** Moves data between the layers until none of them has anything more to say. */
    void pump(long nowNanos) {
        boolean progress = true;
        while (progress) {
            progress = false;
            if (ice != null) {
                dev.jwebrtc.ice.Transmit t;
                while ((t = ice.pollTransmit()) != null) {
                    transmits.add(new Transmit(t.source(), t.destination(), t.payload()));
                }
                IceEvent e;
                while ((e = ice.pollEvent()) != null) {
                    onIceEvent(nowNanos, e);
                    progress = true;
                }
            }
            if (dtls != null) {
                DtlsTransmit t;
                while ((t = dtls.pollTransmit()) != null) {
                    sendOverIce(t.payload());
                    progress = true;
                }
                DtlsEvent e;
                while ((e = dtls.pollEvent()) != null) {
                    onDtlsEvent(nowNanos, e);
                    progress = true;
                }
            }
            if (sctp != null && dtls != null && dcep != null) {
                ByteBuffer p;
                while ((p = sctp.pollTransmit()) != null) {
                    dtls.send(nowNanos, p);
                    progress = true;
                }
                DataChannelEvent e;
                while ((e = dcep.pollEvent(nowNanos)) != null) {
                    onChannelEvent(nowNanos, e);
                    progress = true;
                }
            }
        }
    }

    private void sendOverIce(ByteBuffer payload) {
        if (ice != null && ice.send(payload)) {
            return;
        }
        if (unsentDtls.size() < MAX_EARLY_DATAGRAMS) {
            // No selected pair yet (the peer's checks succeeded before ours): hold the flight until there is one.
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload.duplicate()).flip();
            unsentDtls.add(copy);
        } else {
            unsendable++;
        }
    }

    private void onIceEvent(long nowNanos, IceEvent event) {
        if (pooled != null && (event instanceof IceEvent.CandidateGathered || event instanceof IceEvent.GatheringComplete
                || event instanceof IceEvent.GatheringStateChanged)) {
            pooled.add(event);
            return;
        }
        if (event instanceof IceEvent.CandidateGathered gathered) {
            String line = gathered.candidate().toSdpAttribute();
            try {
                localCandidates.add(Candidate.parse(line.substring("candidate:".length())));
            } catch (RuntimeException e) {
                LOG.warn("local candidate not representable in SDP: {}", line);
            }
            events.add(new EngineEvent.IceCandidateGathered(
                    new RTCIceCandidate(line, transportMid, transportIndex, null)));
        } else if (event instanceof IceEvent.GatheringComplete) {
            gatheringComplete = true;
            events.add(new EngineEvent.IceCandidateGathered(
                    RTCIceCandidate.endOfCandidates(transportMid, transportIndex)));
        } else if (event instanceof IceEvent.GatheringStateChanged changed) {
            events.add(new EngineEvent.IceGatheringStateChanged(RTCIceGatheringState.valueOf(changed.state().name())));
        } else if (event instanceof IceEvent.ConnectionStateChanged changed) {
            iceState = RTCIceConnectionState.valueOf(changed.state().name());
            events.add(new EngineEvent.IceConnectionStateChanged(iceState));
            updateConnectionState();
        } else if (event instanceof IceEvent.SelectedPairChanged) {
            while (!unsentDtls.isEmpty() && ice != null && ice.send(unsentDtls.peek())) {
                unsentDtls.poll();
            }
            maybeStartDtls(nowNanos);
        } else if (event instanceof IceEvent.RelayedDataReceived relayed) {
            byte[] data = relayed.data();
            if (data.length > 0 && (data[0] & 0xff) >= 20 && (data[0] & 0xff) <= 63) {
                receiveDtls(nowNanos, ByteBuffer.wrap(data));
            } else if (data.length > 0 && (data[0] & 0xff) >= 128 && (data[0] & 0xff) <= 191 && media != null) {
                media.receive(nowNanos, ByteBuffer.wrap(data));
            } else {
                unknownDatagrams++;
            }
        } else if (event instanceof IceEvent.RoleChanged changed) {
            LOG.debug("ICE role is now {}", changed.role());
        }
    }

    private void maybeStartDtls(long nowNanos) {
        if (dtls != null && dtlsClient && !dtlsStarted && ice != null && ice.selectedPair().isPresent()) {
            dtlsStarted = true;
            dtls.start(nowNanos);
        }
    }

    private void onDtlsEvent(long nowNanos, DtlsEvent event) {
        if (event instanceof DtlsEvent.Connected connected) {
            LOG.debug("DTLS connected: {}", connected.cipherSuite());
            dtlsCipher = "TLS_" + connected.cipherSuite().name();
            if (connected.srtpKeys() != null && media != null) {
                media.keys(nowNanos, connected.srtpKeys());
            }
            updateConnectionState();
            startSctp(nowNanos);
        } else if (event instanceof DtlsEvent.HandshakeFailed failed) {
            LOG.debug("DTLS handshake failed: {}", failed.message());
            dtlsFailed = true;
            channels.failAll("DTLS handshake failed: " + failed.message());
            updateConnectionState();
        } else if (event instanceof DtlsEvent.ApplicationData data) {
            if (sctp != null) {
                sctp.handleReceive(nowNanos, data.data());
            }
        } else if (event instanceof DtlsEvent.Closed closedEvent) {
            channels.closeAll();
            if (closedEvent.byPeer()) {
                // The peer closed (close_notify): as in a browser, the connection is "disconnected" now and turns
                // "failed" when ICE consent expires (RFC 7675), not failed at once.
                dtlsClosedByPeer = true;
                updateConnectionState();
            }
        } else if (event instanceof DtlsEvent.AlertReceived alert) {
            LOG.debug("DTLS alert received: {}", alert.alert());
        } else if (event instanceof DtlsEvent.AlertSent alert) {
            LOG.debug("DTLS alert sent: {}", alert.alert());
        }
    }

    private void startSctp(long nowNanos) {
        if (sctp != null || dtls == null) {
            return;
        }
        int remotePort = remote != null && remote.sctpPort() != null ? remote.sctpPort() : SCTP_PORT;
        SctpConfig config = SctpConfig.builder()
                .localPort(SCTP_PORT)
                .remotePort(remotePort)
                // Exactly DTLS's limit (1163 bytes with AES-GCM at MTU 1200); SCTP keeps padded packets within it.
                .maxPacketSize(dtls.maxApplicationDataSize())
                .maxMessageSize((int) Math.min(Integer.MAX_VALUE,
                        settings.maxMessageSize() == 0 ? Integer.MAX_VALUE : settings.maxMessageSize()))
                .receiveWindow(settings.sctpReceiveBuffer())
                .sendBufferSize(settings.sctpSendBuffer())
                .build();
        sctp = new SctpAssociation(config, random);
        dcep = new DataChannels(sctp, dtlsClient);
        sctp.connect(nowNanos);
    }

    private void onChannelEvent(long nowNanos, DataChannelEvent event) {
        if (event instanceof DataChannelEvent.Association association) {
            if (association.event() instanceof SctpEvent.Connected && dcep != null) {
            channels.transportReady(nowNanos, dcep);
            }
        } else {
            channels.onEvent(event);
        }
    }

    private void updateConnectionState() {
        RTCPeerConnectionState next;
        DtlsState d = dtls == null ? DtlsState.NEW : dtls.state();
        if (closed || closing) {
            next = RTCPeerConnectionState.CLOSED;
        } else if (iceState == RTCIceConnectionState.FAILED || dtlsFailed) {
            next = RTCPeerConnectionState.FAILED;
        } else if (iceState == RTCIceConnectionState.DISCONNECTED || dtlsClosedByPeer) {
            next = RTCPeerConnectionState.DISCONNECTED;
        } else if ((iceState == RTCIceConnectionState.CONNECTED || iceState == RTCIceConnectionState.COMPLETED)
                && d == DtlsState.CONNECTED) {
            next = RTCPeerConnectionState.CONNECTED;
        } else if (iceState == RTCIceConnectionState.NEW && d == DtlsState.NEW) {
            next = RTCPeerConnectionState.NEW;
        } else {
            next = RTCPeerConnectionState.CONNECTING;
        }
        if (next != connectionState) {
            connectionState = next;
            events.add(new EngineEvent.ConnectionStateChanged(next));
        }
    }

    void close(long nowNanos) {
        if (closed) {
            return;
        }
        closing = true; // the layers shutting down must not report "connecting" on the way to "closed"
        channels.closeAll();
        if (sctp != null) {
            sctp.abort(nowNanos, "peer connection closed");
        }
        pump(nowNanos);
        if (dtls != null) {
            dtls.close(nowNanos);
            pump(nowNanos);
            dtls.close();
        }
        if (ice != null) {
            ice.close(nowNanos);
        }
        pump(nowNanos);
        closed = true;
        iceState = RTCIceConnectionState.CLOSED;
        events.add(new EngineEvent.IceConnectionStateChanged(iceState));
        updateConnectionState();
    }

    /** Whether a host is an IP literal, which {@link InetAddress#getByName} turns into an address without DNS. */
    public static boolean isIpLiteral(String host) {
        return IceSetup.isIpLiteral(host);
    }

    @Override
    public String toString() {
        return "ice=" + iceState + ", dtls=" + (dtls == null ? "-" : dtls.state()) + ", sctp="
                + (sctp == null ? "-" : sctp.state()) + ", " + connectionState;
    }
}
