package dev.jwebrtc;

import dev.jwebrtc.dtls.DtlsCertificate;
import dev.jwebrtc.engine.EngineEvent;
import dev.jwebrtc.engine.OperationsChain;
import dev.jwebrtc.engine.RtcEngine;
import dev.jwebrtc.transport.CoreDriver;
import dev.jwebrtc.transport.EventLoops;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * W3C {@code RTCPeerConnection}: one connection to one remote peer, created by an {@link RTCPeerConnectionFactory}.
 *
 * <p>Operations return {@link CompletableFuture}s and run through the W3C operations chain, one at a time in call
 * order. Events go to the {@link Listener} given at creation, on the connection's own event loop, in order and never
 * re-entrantly; a listener must not block that thread (in particular it must not {@code join()} a future of this
 * connection). Everything else is thread-safe.
 */
public final class RTCPeerConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RTCPeerConnection.class);

    /** Events of a peer connection; every method has a default that does nothing. */
    public interface Listener {
        /** A local candidate to signal; {@link RTCIceCandidate#isEndOfCandidates()} marks the end of gathering. */
        default void onIceCandidate(RTCIceCandidate candidate) {}

        default void onIceGatheringStateChange(RTCIceGatheringState state) {}

        default void onIceConnectionStateChange(RTCIceConnectionState state) {}

        default void onConnectionStateChange(RTCPeerConnectionState state) {}

        default void onSignalingStateChange(RTCSignalingState state) {}

        /** Something changed that needs an offer/answer exchange (the first data channel, say). */
        default void onNegotiationNeeded() {}

        /** The peer opened a data channel; set its listener here to see its {@code open} event. */
        default void onDataChannel(RTCDataChannel channel) {}

        /** W3C {@code track}: the remote sends media on a transceiver; set the track's listener here. */
        default void onTrack(RTCTrackEvent event) {}

        /** The send-side bandwidth estimate from transport-wide congestion control feedback changed. */
        default void onBandwidthEstimate(long bitsPerSecond) {}
    }

    private final RTCPeerConnectionFactory factory;
    private final Listener listener;
    private final CoreDriver<EngineEvent> driver;
    private final OperationsChain chain = new OperationsChain();
    private final Map<Integer, RTCDataChannel> channels = new HashMap<>();
    /** Every channel this connection has had, for getStats (W3C keeps closed channels' stats). */
    private final List<RTCDataChannel> everyChannel = new ArrayList<>();
    private final TransceiverList transceivers = new TransceiverList(this);
    private int dataChannelsOpened;
    private int dataChannelsClosed;
    private final List<InetSocketAddress> localSockets;
    private final DtlsCertificate certificate;
    private volatile @Nullable RtcEngine engine;
    private volatile boolean closed;
    private volatile RTCSignalingState signalingState = RTCSignalingState.STABLE;
    private volatile RTCIceGatheringState iceGatheringState = RTCIceGatheringState.NEW;
    private volatile RTCIceConnectionState iceConnectionState = RTCIceConnectionState.NEW;
    private volatile RTCPeerConnectionState connectionState = RTCPeerConnectionState.NEW;
    private volatile @Nullable RTCSessionDescription localDescription;
    private volatile @Nullable RTCSessionDescription remoteDescription;
    private volatile long remoteMaxMessageSize = 65536;

    RTCPeerConnection(RTCPeerConnectionFactory factory, EventLoops loops, RTCConfiguration configuration,
            RTCSettings settings, DtlsCertificate certificate, List<InetAddress> addresses, Listener listener) {
        this.factory = factory;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.certificate = certificate;
        this.driver = new CoreDriver<>(loops, this::onEvent, this::onFailure);
        List<InetSocketAddress> bound = new ArrayList<>();
        dev.jwebrtc.transport.UdpMux mux = settings.sharedUdpPort() == null ? null // shared port (edge work, issue 8)
                : factory.sharedPort(settings.sharedUdpPort());
        try {
            if (mux != null) {
                bound.addAll(mux.bind(addresses));
            } else {
                for (InetAddress address : addresses) {
                    bound.add(driver.bind(new InetSocketAddress(address, 0), settings.minPort(), settings.maxPort()));
                }
            }
        } catch (RuntimeException e) {
            driver.close();
            throw new RTCException(RTCErrorType.OPERATION, "cannot bind UDP sockets: " + e.getMessage(), e);
        }
        this.localSockets = List.copyOf(bound);
        if (settings.mdnsMode() != RTCSettings.MdnsMode.DISABLED) { // mDNS sockets (edge work, issue 8)
            driver.enableMdns(addresses, settings.mdnsMode() == RTCSettings.MdnsMode.QUERY_AND_GATHER);
        }
        long now = System.nanoTime();
        RtcEngine created = new RtcEngine(configuration, settings, certificate, new SecureRandom(), localSockets,
                resolveIceServers(configuration), driver::wakeup, now, System.currentTimeMillis() * 1_000_000L);
        this.engine = created;
        if (mux != null) {
            driver.joinMux(mux, localSockets, created::localUfrag);
        }
        driver.setAfterDrain(this::refreshBufferedAmounts);
        driver.attach(created);
        LOG.info("peer connection created on {}", localSockets);
    }

    /**
     * Resolves ICE servers given by name, once, on the caller's thread (the event loop must never wait on DNS).
     * A name that does not resolve is logged and skipped, as browsers skip unreachable servers.
     */
    private static Map<String, InetAddress> resolveIceServers(RTCConfiguration configuration) {
        Map<String, InetAddress> resolved = new HashMap<>();
        for (RTCIceServer server : configuration.iceServers()) {
            for (IceServerUrl url : server.parsedUrls()) {
                if (!dev.jwebrtc.engine.Transports.isIpLiteral(url.host()) && !resolved.containsKey(url.host())) {
                    try {
                        resolved.put(url.host(), InetAddress.getByName(url.host()));
                    } catch (java.net.UnknownHostException e) {
                        LOG.warn("ICE server {} does not resolve; skipped", url);
                    }
                }
            }
        }
        return resolved;
    }

    // ---- W3C operations ----

    public CompletableFuture<RTCSessionDescription> createOffer() {
        return operation(e -> RTCSessionDescription.offer(e.createOffer(now())));
    }

    public CompletableFuture<RTCSessionDescription> createAnswer() {
        return operation(e -> RTCSessionDescription.answer(e.createAnswer(now())));
    }

    /** The implicit form: creates and applies the offer or answer the signaling state calls for. */
    public CompletableFuture<Void> setLocalDescription() {
        return operation(e -> {
            e.setLocalDescription(now(), null, null);
            snapshotDescriptions(e);
            return null;
        });
    }

    public CompletableFuture<Void> setLocalDescription(RTCSessionDescription description) {
        Objects.requireNonNull(description, "description");
        return operation(e -> {
            e.setLocalDescription(now(), description.type(), description.sdp());
            snapshotDescriptions(e);
            return null;
        });
    }

    public CompletableFuture<Void> setRemoteDescription(RTCSessionDescription description) {
        Objects.requireNonNull(description, "description");
        return operation(e -> {
            e.setRemoteDescription(now(), description.type(), description.sdp());
            remoteMaxMessageSize = e.maxMessageSize();
            snapshotDescriptions(e);
            return null;
        });
    }

    public CompletableFuture<Void> addIceCandidate(RTCIceCandidate candidate) {
        Objects.requireNonNull(candidate, "candidate");
        return operation(e -> {
            e.addIceCandidate(now(), candidate);
            return null;
        });
    }

    /** W3C {@code restartIce()}: the next offer gets new ICE credentials; {@code onNegotiationNeeded} follows. */
    public void restartIce() {
        if (closed) {
            return;
        }
        onLoop(e -> e.restartIce(now()));
    }

    /** Creates a reliable, ordered data channel. */
    public RTCDataChannel createDataChannel(String label) {
        return createDataChannel(label, RTCDataChannelInit.reliable());
    }

    /** W3C {@code createDataChannel}; the channel opens once the connection is up. */
    public RTCDataChannel createDataChannel(String label, RTCDataChannelInit init) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(init, "init");
        if (closed) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "the peer connection is closed");
        }
        if (driver.eventLoop().inEventLoop()) {
            return newChannel(label, init);
        }
        CompletableFuture<RTCDataChannel> created = new CompletableFuture<>();
        driver.execute(() -> {
            try {
                created.complete(newChannel(label, init));
            } catch (RuntimeException ex) {
                created.completeExceptionally(ex);
            }
        });
        try {
            return created.join();
        } catch (java.util.concurrent.CompletionException ex) {
            throw ex.getCause() instanceof RuntimeException r ? r : ex;
        }
    }

    private RTCDataChannel newChannel(String label, RTCDataChannelInit init) {
        int handle = requireEngine().createDataChannel(now(), label, init);
        RTCDataChannel channel = new RTCDataChannel(this, handle, label, init);
        channels.put(handle, channel);
        everyChannel.add(channel);
        return channel;
    }

    // ---- media ----

    /**
     * W3C {@code addTrack}: sends a track, on a transceiver the remote offered that has never sent (it becomes
     * sending), or on a new {@code sendrecv} one. Negotiation steers towards the track's codec.
     *
     * @param streamIds the stream ids for {@code a=msid}; the track's own stream id when none are given
     */
    public RTCRtpSender addTrack(LocalMediaStreamTrack track, String... streamIds) {
        Objects.requireNonNull(track, "track");
        List<dev.jwebrtc.sdp.jsep.Codec> preferred = TransceiverList.sdpCodecs(track.kind(), List.of(track.codec()));
        String stream = streamIds.length > 0 ? streamIds[0] : track.streamId();
        return onLoopNow(() -> transceivers.addTrack(requireEngine(), now(), track, stream, preferred));
    }

    /** W3C {@code addTransceiver(kind, init)}: a transceiver with no track yet. */
    public RTCRtpTransceiver addTransceiver(String kind, RTCRtpTransceiverInit init) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(init, "init");
        if (!kind.equals("audio") && !kind.equals("video")) {
            throw RTCException.typeError("addTransceiver kind must be 'audio' or 'video', got '" + kind + "'");
        }
        return onLoopNow(() -> transceivers.addTransceiver(requireEngine(), now(), kind, init));
    }

    /** W3C {@code addTransceiver(track, init)}: a transceiver sending this track. */
    public RTCRtpTransceiver addTransceiver(LocalMediaStreamTrack track, RTCRtpTransceiverInit init) {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(init, "init");
        List<dev.jwebrtc.sdp.jsep.Codec> preferred = TransceiverList.sdpCodecs(track.kind(), List.of(track.codec()));
        return onLoopNow(() -> transceivers.addTransceiver(requireEngine(), now(), track, init, preferred));
    }

    /** W3C {@code removeTrack}: the sender stops sending; its direction loses "send" at the next negotiation. */
    public void removeTrack(RTCRtpSender sender) {
        Objects.requireNonNull(sender, "sender");
        onLoopNow(() -> {
            transceivers.removeTrack(requireEngine(), now(), sender);
            return null;
        });
    }

    public List<RTCRtpTransceiver> getTransceivers() {
        return transceivers.all();
    }

    public List<RTCRtpSender> getSenders() {
        return transceivers.senders();
    }

    public List<RTCRtpReceiver> getReceivers() {
        return transceivers.all().stream().map(RTCRtpTransceiver::receiver).toList();
    }

    /** The SDP codecs (with their RTX) for W3C codec objects; {@code InvalidModificationError} for unknown ones. */
    List<dev.jwebrtc.sdp.jsep.Codec> sdpCodecs(String kind, List<RTCRtpCodec> codecs) {
        return TransceiverList.sdpCodecs(kind, codecs);
    }

    private @Nullable RTCRtpTransceiver transceiver(int handle) {
        return transceivers.find(handle);
    }

    /** Mirrors the engine's transceivers (new ones from a remote offer, mids, current directions). Loop only. */
    private void syncTransceivers(RtcEngine e) {
        transceivers.sync(e);
    }

    /** Runs on the loop and waits for the result (or runs at once on the loop); W3C calls that return at once. */
    private <T> T onLoopNow(java.util.function.Supplier<T> body) {
        if (closed) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "the peer connection is closed");
        }
        if (driver.eventLoop().inEventLoop()) {
            return body.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        driver.execute(() -> {
            try {
                result.complete(body.get());
            } catch (RuntimeException ex) {
                result.completeExceptionally(ex);
            }
        });
        driver.closeFuture().thenRun(() -> result.completeExceptionally(
                new RTCException(RTCErrorType.INVALID_STATE, "the peer connection is closed")));
        try {
            return result.join();
        } catch (java.util.concurrent.CompletionException ex) {
            throw ex.getCause() instanceof RuntimeException r ? r : ex;
        }
    }

    /** W3C {@code getStats()}: a snapshot of the connection's statistics, taken on its event loop. */
    public CompletableFuture<RTCStatsReport> getStats() {
        CompletableFuture<RTCStatsReport> result = new CompletableFuture<>();
        driver.execute(() -> {
            try {
                result.complete(buildStats());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        driver.closeFuture().thenRun(() -> result.completeExceptionally(
                new RTCException(RTCErrorType.INVALID_STATE, "the peer connection is closed")));
        return result;
    }

    private RTCStatsReport buildStats() {
        return StatsCollector.collect(certificate, engine, dataChannelsOpened, dataChannelsClosed, everyChannel,
                transceivers.all());
    }

    // ---- W3C attributes ----

    public RTCSignalingState signalingState() {
        return signalingState;
    }

    public RTCIceGatheringState iceGatheringState() {
        return iceGatheringState;
    }

    public RTCIceConnectionState iceConnectionState() {
        return iceConnectionState;
    }

    public RTCPeerConnectionState connectionState() {
        return connectionState;
    }

    /** The local description with the candidates gathered so far, or {@code null}. */
    public @Nullable RTCSessionDescription localDescription() {
        return localDescription;
    }

    public @Nullable RTCSessionDescription remoteDescription() {
        return remoteDescription;
    }

    /** The UDP sockets this connection gathers host candidates on. */
    public List<InetSocketAddress> localSockets() {
        return localSockets;
    }

    /**
     * Closes the connection: data channels close, DTLS sends close_notify, sockets are released. Non-blocking and
     * idempotent; later operations fail with {@code InvalidStateError}.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        driver.execute(() -> {
            chain.close();
            RtcEngine e = engine;
            if (e != null) {
                e.close(now());
            }
        });
        driver.execute(() -> {
            signalingState = RTCSignalingState.CLOSED;
            connectionState = RTCPeerConnectionState.CLOSED;
            for (RTCRtpTransceiver t : transceivers.all()) {
                t.receiver().track().end();
                t.sender().setTrack(null);
            }
            driver.close();
        });
        factory.forget(this);
        LOG.info("peer connection closed");
    }

    /** Completes when the connection's sockets are closed. */
    public CompletableFuture<Void> closeFuture() {
        return driver.closeFuture();
    }

    // ---- internals ----

    long now() {
        return System.nanoTime();
    }

    long remoteMaxMessageSize() {
        return remoteMaxMessageSize;
    }

    /** Runs an action against the engine on the loop (data channel sends and settings). */
    void onLoop(Consumer<RtcEngine> action) {
        driver.execute(() -> {
            RtcEngine e = engine;
            if (e != null && !closed) {
                action.accept(e);
            }
        });
    }

    private <T> CompletableFuture<T> operation(Function<RtcEngine, T> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new RTCException(RTCErrorType.INVALID_STATE, "the peer connection is closed"));
            return result;
        }
        driver.execute(() -> chain.chain(() -> {
            try {
                RtcEngine e = requireEngine();
                T value = body.apply(e);
                // W3C: the attribute changes before the promise resolves (its event follows on the loop).
                signalingState = e.signalingState();
                syncTransceivers(e);
                return CompletableFuture.completedFuture(value);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }).whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        }));
        return result;
    }

    private RtcEngine requireEngine() {
        RtcEngine e = engine;
        if (e == null || closed) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "the peer connection is closed");
        }
        return e;
    }

    private void snapshotDescriptions(RtcEngine e) {
        String local = e.localDescription();
        String remote = e.remoteDescription();
        localDescription = local == null ? null : new RTCSessionDescription(
                e.signalingState() == RTCSignalingState.HAVE_LOCAL_OFFER ? RTCSdpType.OFFER : RTCSdpType.ANSWER, local);
        remoteDescription = remote == null ? null : new RTCSessionDescription(
                e.signalingState() == RTCSignalingState.HAVE_REMOTE_OFFER ? RTCSdpType.OFFER : RTCSdpType.ANSWER, remote);
    }

    private void onEvent(EngineEvent event) {
        RtcEngine e = engine;
        if (event instanceof EngineEvent.SignalingStateChanged changed) {
            signalingState = changed.state();
            call(() -> listener.onSignalingStateChange(changed.state()));
        } else if (event instanceof EngineEvent.IceCandidateGathered gathered) {
            if (e != null) {
                snapshotDescriptions(e);
            }
            call(() -> listener.onIceCandidate(gathered.candidate()));
        } else if (event instanceof EngineEvent.IceGatheringStateChanged changed) {
            iceGatheringState = changed.state();
            if (e != null) {
                snapshotDescriptions(e);
            }
            call(() -> listener.onIceGatheringStateChange(changed.state()));
        } else if (event instanceof EngineEvent.IceConnectionStateChanged changed) {
            iceConnectionState = changed.state();
            call(() -> listener.onIceConnectionStateChange(changed.state()));
        } else if (event instanceof EngineEvent.ConnectionStateChanged changed) {
            if (changed.state() == connectionState) {
                return; // already reported (a failure path may set it first)
            }
            connectionState = changed.state();
            call(() -> listener.onConnectionStateChange(changed.state()));
        } else if (event instanceof EngineEvent.NegotiationNeeded) {
            call(listener::onNegotiationNeeded);
        } else if (event instanceof EngineEvent.RemoteDataChannel remote) {
            RTCDataChannelInit init = new RTCDataChannelInit(remote.ordered(), remote.maxPacketLifeTime(),
                    remote.maxRetransmits(), remote.protocol(), false, remote.id());
            RTCDataChannel channel = new RTCDataChannel(this, remote.handle(), remote.label(), init);
            channels.put(remote.handle(), channel);
            everyChannel.add(channel);
            call(() -> listener.onDataChannel(channel));
        } else if (event instanceof EngineEvent.DataChannelOpen open) {
            dataChannelsOpened++;
            withChannel(open.handle(), c -> c.opened(open.id()));
        } else if (event instanceof EngineEvent.DataChannelMessage message) {
            withChannel(message.handle(), c -> c.received(message.binary(), message.data()));
        } else if (event instanceof EngineEvent.BufferedAmountLow low) {
            withChannel(low.handle(), c -> c.bufferedAmountLow(e == null ? 0 : e.bufferedAmount(low.handle())));
        } else if (event instanceof EngineEvent.DataChannelClosing closing) {
            withChannel(closing.handle(), RTCDataChannel::closing);
        } else if (event instanceof EngineEvent.DataChannelClosed closedChannel) {
            RTCDataChannel channel = channels.remove(closedChannel.handle());
            if (channel != null) {
                dataChannelsClosed++;
                channel.closed();
            }
        } else if (event instanceof EngineEvent.RtpReceived rtp) {
            RTCRtpTransceiver t = transceiver(rtp.transceiver());
            if (t != null) {
                t.receiver().track().rtp(rtp.packet(), rtp.rid());
            }
        } else if (event instanceof EngineEvent.FrameReceived frame) {
            RTCRtpTransceiver t = transceiver(frame.transceiver());
            if (t != null) {
                t.receiver().track().frame(frame.frame(), frame.rid());
            }
        } else if (event instanceof EngineEvent.TrackAdded added) {
            if (e != null) {
                syncTransceivers(e);
            }
            RTCRtpTransceiver t = transceiver(added.transceiver());
            if (t != null) {
                t.receiver().track().id(added.trackId());
                RTCTrackEvent trackEvent = new RTCTrackEvent(t.receiver(), t.receiver().track(), added.streamIds(), t);
                call(() -> listener.onTrack(trackEvent));
            }
        } else if (event instanceof EngineEvent.KeyframeRequested request) {
            RTCRtpTransceiver t = transceiver(request.transceiver());
            if (t != null) {
                t.sender().keyFrameRequested();
            }
        } else if (event instanceof EngineEvent.TransceiverStopped) {
            if (e != null) {
                syncTransceivers(e);
            }
        } else if (event instanceof EngineEvent.BandwidthEstimate estimate) {
            call(() -> listener.onBandwidthEstimate(estimate.bitsPerSecond()));
        } else if (event instanceof EngineEvent.DataChannelError error) {
            withChannel(error.handle(), c -> c.fireError(new RTCException(RTCErrorType.OPERATION, error.message())));
        }
    }

    /** Keeps each channel's {@code bufferedAmount} current as SCTP sends (W3C §6.2: it decreases as data goes out). */
    private void refreshBufferedAmounts() {
        RtcEngine e = engine;
        if (e == null) {
            return;
        }
        for (RTCDataChannel channel : channels.values()) {
            if (channel.hasSctpBuffered()) {
                channel.bufferedAmountLow(e.bufferedAmount(channel.handle()));
            }
        }
    }

    private void withChannel(int handle, Consumer<RTCDataChannel> action) {
        RTCDataChannel channel = channels.get(handle);
        if (channel != null) {
            action.accept(channel);
        }
    }

    private void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("peer connection listener threw; ignored", e);
        }
    }

    private void onFailure(Throwable error) {
        LOG.error("peer connection engine failed; the connection is closed", error);
        closed = true;
        connectionState = RTCPeerConnectionState.FAILED;
        call(() -> listener.onConnectionStateChange(RTCPeerConnectionState.FAILED));
        for (RTCDataChannel channel : List.copyOf(channels.values())) {
            channel.closed();
        }
        channels.clear();
        factory.forget(this);
    }
}
