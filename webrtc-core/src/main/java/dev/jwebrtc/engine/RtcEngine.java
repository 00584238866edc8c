package dev.jwebrtc.engine;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannelInit;
import dev.jwebrtc.RTCErrorType;
import dev.jwebrtc.RTCException;
import dev.jwebrtc.RTCIceCandidate;
import dev.jwebrtc.RTCSdpType;
import dev.jwebrtc.RTCSettings;
import dev.jwebrtc.RTCSignalingState;
import dev.jwebrtc.dtls.DtlsCertificate;
import dev.jwebrtc.ice.IceCandidate;
import dev.jwebrtc.ice.IceCredentials;
import dev.jwebrtc.sdp.Sdp;
import dev.jwebrtc.sdp.SdpParseException;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Candidate;
import dev.jwebrtc.sdp.attribute.Fingerprint;
import dev.jwebrtc.sdp.jsep.CurrentDescriptions;
import dev.jwebrtc.sdp.jsep.Jsep;
import dev.jwebrtc.sdp.jsep.JsepException;
import dev.jwebrtc.sdp.jsep.LocalState;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer connection's protocol stack under the sans-IO contract: SDP offer/answer (JSEP) on top, and below it
 * ICE, DTLS and SCTP with the data-channel protocol, wired together by {@link Transports}.
 *
 * <p>Inputs are datagrams ({@link #handleReceive}), deadlines ({@link #handleTimeout}) and the W3C calls (offer,
 * answer, descriptions, candidates, channels). Outputs are drained with {@link #pollTransmit()} and
 * {@link #pollEvent()}. Single-threaded: the Netty edge calls it from the peer connection's event loop, tests from
 * the testkit's stepper. The DTLS handshake runs on a Bouncy Castle thread ({@link #busy()} says when); its output
 * is picked up by the poll methods, and {@code wakeup} asks the driver to poll.
 *
 * <p>W3C calls that are used wrongly throw {@link RTCException}; remote input never throws.
 */
public final class RtcEngine implements SansIoCore<EngineEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(RtcEngine.class);

    private final SignalingStateMachine signaling = new SignalingStateMachine();
    private final Transports transports;
    private final Media media;
    private final ArrayDeque<EngineEvent> events;
    private final String sessionId;
    private final DtlsCertificate certificate;
    private final RTCSettings settings;

    private boolean restartPending;
    private @Nullable SessionDescription lastOffer;
    private @Nullable SessionDescription lastAnswer;
    private @Nullable SessionDescription currentLocal;
    private @Nullable SessionDescription pendingLocal;
    private @Nullable SessionDescription currentRemote;
    private @Nullable SessionDescription pendingRemote;
    private @Nullable RemoteParameters remote;
    /** W3C [[NegotiationNeeded]]: set when a change needs an exchange, cleared when one completes. */
    private boolean negotiationNeeded;
    private long lastNowNanos;
    /** Whether the last completed exchange was our offer. */
    private boolean localOfferer;

    /**
     * @param hostSockets the local sockets the driver bound (host candidate bases); datagrams are sent from them
     * @param wakeup called, possibly on another thread, when output appears without an input (DTLS handshake)
     */
    public RtcEngine(RTCConfiguration configuration, RTCSettings settings, DtlsCertificate certificate,
            RandomGenerator random, List<InetSocketAddress> hostSockets, Runnable wakeup, long nowNanos) {
        this(configuration, settings, certificate, random, hostSockets, java.util.Map.of(), wakeup, nowNanos);
    }

    /**
     * @param resolvedHosts addresses of the ICE servers given by name (resolved by the caller: the engine does no I/O)
     */
    public RtcEngine(RTCConfiguration configuration, RTCSettings settings, DtlsCertificate certificate,
            RandomGenerator random, List<InetSocketAddress> hostSockets, java.util.Map<String, java.net.InetAddress>
            resolvedHosts, Runnable wakeup, long nowNanos) {
        this(configuration, settings, certificate, random, hostSockets, resolvedHosts, wakeup, nowNanos, nowNanos);
    }

    /**
     * @param wallClockNanos the wall clock (nanoseconds since 1970) at {@code nowNanos}, for RTCP sender reports'
     *     NTP timestamps (RFC 3550 §6.4.1); the engine reads no clock itself, so tests may pass any value
     */
    public RtcEngine(RTCConfiguration configuration, RTCSettings settings, DtlsCertificate certificate,
            RandomGenerator random, List<InetSocketAddress> hostSockets, java.util.Map<String, java.net.InetAddress>
            resolvedHosts, Runnable wakeup, long nowNanos, long wallClockNanos) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.events = new ArrayDeque<>();
        IceCredentials localIce = IceCredentials.random(random);
        this.sessionId = Long.toString(random.nextLong() >>> 2);
        this.lastNowNanos = nowNanos;
        this.transports = new Transports(configuration, settings, certificate, random, hostSockets, localIce,
                resolvedHosts, wakeup, events);
        this.media = new Media(random, events, transports::sendMedia, wallClockNanos - nowNanos);
        transports.media(media);
        if (configuration.iceCandidatePoolSize() > 0) {
            transports.startPool(nowNanos); // W3C §4.4.1.6 / RFC 8829 §3.5.4: gather before the first description
        }
    }

    // ---- W3C signaling ------------------------------------------------------------------------------------------

    public RTCSignalingState signalingState() {
        return signaling.state();
    }

    /** The current local ICE ufrag (changes with an ICE restart); the shared-port edge routes by it. */
    public String localUfrag() {
        return transports.localIce().ufrag();
    }

    /** W3C {@code createOffer}: an offer from the current local state (RFC 8829 §5.2). */
    public String createOffer(long nowNanos) {
        checkOpen();
        lastNowNanos = nowNanos;
        CurrentDescriptions current = currentDescriptions();
        if (restartPending) {
            // W3C restartIce: the next offer carries new credentials (RFC 8829 §5.2.1, RFC 8445 §9).
            transports.restartIce(nowNanos);
            restartPending = false;
        }
        lastOffer = Jsep.createOffer(localState(true), current).description();
        return Sdp.write(lastOffer);
    }

    /** W3C {@code createAnswer}: the answer to the pending remote offer (RFC 8829 §5.3). */
    public String createAnswer(long nowNanos) {
        checkOpen();
        lastNowNanos = nowNanos;
        if (signaling.state() != RTCSignalingState.HAVE_REMOTE_OFFER
                && signaling.state() != RTCSignalingState.HAVE_LOCAL_PRANSWER) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "createAnswer needs a remote offer; signaling state is "
                    + signaling.state());
        }
        try {
            lastAnswer = Jsep.createAnswer(Objects.requireNonNull(pendingRemote), localState(true),
                    currentDescriptions()).description();
        } catch (JsepException e) {
            throw new RTCException(RTCErrorType.OPERATION, "cannot answer the remote offer: " + e.getMessage(), e);
        }
        return Sdp.write(lastAnswer);
    }

    /**
     * W3C {@code setLocalDescription}. {@code sdp} may be {@code null} for the implicit form, which creates the offer
     * or answer the signaling state calls for. Returns the description applied.
     */
    public String setLocalDescription(long nowNanos, @Nullable RTCSdpType type, @Nullable String sdp) {
        checkOpen();
        lastNowNanos = nowNanos;
        if (type == null) {
            type = switch (signaling.state()) {
                case HAVE_REMOTE_OFFER, HAVE_LOCAL_PRANSWER -> RTCSdpType.ANSWER;
                default -> RTCSdpType.OFFER;
            };
        }
        if (type == RTCSdpType.ROLLBACK) {
            signaling.apply(true, type);
            pendingLocal = null;
            events.add(new EngineEvent.SignalingStateChanged(signaling.state()));
            updateNegotiationNeeded();
            return "";
        }
        if (sdp == null || sdp.isEmpty()) {
            sdp = type == RTCSdpType.OFFER ? createOffer(nowNanos) : createAnswer(nowNanos);
        }
        signaling.next(true, type);
        SessionDescription description = parse(sdp, "local");
        signaling.apply(true, type);
        if (type == RTCSdpType.OFFER) {
            MediaNegotiation.associate(media, description, false);
        }
        if (type == RTCSdpType.ANSWER) {
            currentLocal = description;
            pendingLocal = null;
            currentRemote = pendingRemote;
            pendingRemote = null;
        } else {
            pendingLocal = description;
        }
        events.add(new EngineEvent.SignalingStateChanged(signaling.state()));
        boolean offerer = type == RTCSdpType.OFFER;
        transports.startGathering(nowNanos, offerer, description);
        if (type == RTCSdpType.ANSWER && remote != null) {
            transports.configure(nowNanos, remote, false, description);
        }
        if (type == RTCSdpType.ANSWER && currentRemote != null) {
            localOfferer = false;
            MediaNegotiation.apply(media, description, currentRemote, false, events);
            negotiationNeeded = false;
            updateNegotiationNeeded();
        }
        return sdp;
    }

    /** W3C {@code setRemoteDescription}. */
    public void setRemoteDescription(long nowNanos, RTCSdpType type, String sdp) {
        checkOpen();
        lastNowNanos = nowNanos;
        if (type == RTCSdpType.ROLLBACK) {
            signaling.apply(false, type);
            pendingRemote = null;
            events.add(new EngineEvent.SignalingStateChanged(signaling.state()));
            updateNegotiationNeeded();
            return;
        }
        // W3C §4.4.1.6: the state is checked before the description is looked at.
        signaling.next(false, type);
        SessionDescription description = parse(sdp, "remote");
        boolean hasTransport = description.media().stream().anyMatch(m -> !m.isRejected());
        RemoteParameters parameters = hasTransport ? RemoteParameters.of(description) : null;
        if (signaling.needsImplicitRollback(false, type)) {
            pendingLocal = null;
        }
        if (type == RTCSdpType.OFFER && currentRemote != null && parameters != null && remote != null
                && !parameters.ufrag().equals(remote.ufrag())) {
            // The peer restarts ICE: we answer with new credentials too (RFC 8839 §4.4.1.1.1).
            transports.restartIce(nowNanos);
        }
        signaling.apply(false, type);
        if (parameters != null) {
            remote = parameters;
        }
        if (type == RTCSdpType.ANSWER) {
            currentRemote = description;
            pendingRemote = null;
            currentLocal = pendingLocal;
            pendingLocal = null;
        } else {
            pendingRemote = description;
            MediaNegotiation.associate(media, description, true);
        }
        events.add(new EngineEvent.SignalingStateChanged(signaling.state()));
        MediaNegotiation.announceRemoteTracks(media, description, events);
        if (type == RTCSdpType.ANSWER && currentLocal != null) {
            localOfferer = true;
            MediaNegotiation.apply(media, currentLocal, description, true, events);
            negotiationNeeded = false;
        }
        if (parameters == null) {
            updateNegotiationNeeded();
            return;
        }
        boolean weOffered = type == RTCSdpType.ANSWER || type == RTCSdpType.PRANSWER;
        transports.setRemote(nowNanos, parameters, weOffered);
        if (type == RTCSdpType.ANSWER && currentLocal != null) {
            transports.configure(nowNanos, parameters, true, currentLocal);
            updateNegotiationNeeded();
        }
    }

    /** W3C {@code restartIce}: the next offer restarts ICE; {@code negotiationneeded} follows. */
    public void restartIce(long nowNanos) {
        checkOpen();
        lastNowNanos = nowNanos;
        if (!restartPending) {
            restartPending = true;
            updateNegotiationNeeded();
        }
    }

    /** W3C {@code addIceCandidate}; an empty candidate string is end-of-candidates. */
    public void addIceCandidate(long nowNanos, RTCIceCandidate candidate) {
        checkOpen();
        lastNowNanos = nowNanos;
        if (currentRemote == null && pendingRemote == null) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "addIceCandidate before setRemoteDescription");
        }
        if (candidate.isEndOfCandidates()) {
            transports.endOfRemoteCandidates(nowNanos);
            return;
        }
        IceCandidate parsed;
        try {
            parsed = IceCandidate.parse(candidate.candidate());
        } catch (IllegalArgumentException e) {
            throw new RTCException(RTCErrorType.OPERATION, "cannot add ICE candidate '" + candidate.candidate()
                    + "': " + e.getMessage(), e);
        }
        transports.addRemoteCandidate(nowNanos, parsed);
    }

    /** The local description as signalled now: with the candidates gathered so far (W3C §4.4.1.1). */
    public @Nullable String localDescription() {
        SessionDescription d = pendingLocal != null ? pendingLocal : currentLocal;
        return d == null ? null : Sdp.write(transports.withLocalCandidates(d));
    }

    public @Nullable String remoteDescription() {
        SessionDescription d = pendingRemote != null ? pendingRemote : currentRemote;
        return d == null ? null : Sdp.write(d);
    }

    // ---- media transceivers ---------------------------------------------------------------------------------------

    /** What the API mirrors of a transceiver, taken on the loop after each change. */
    public record TransceiverState(int handle, String kind, @Nullable String mid, String direction,
            @Nullable String currentDirection, boolean stopped, long ssrc, long rtxSsrc,
            @Nullable String sendCodec, List<dev.jwebrtc.sdp.jsep.Codec> codecs,
            java.util.Map<Integer, String> extensions) {}

    /**
     * W3C {@code addTransceiver}/{@code addTrack}: a new transceiver; {@code negotiationneeded} follows.
     *
     * @param kind {@code "audio"} or {@code "video"}
     * @param direction {@code sendrecv}, {@code sendonly}, {@code recvonly} or {@code inactive}
     */
    public int addTransceiver(long nowNanos, String kind, String direction, String trackId, String streamId) {
        return addTransceiver(nowNanos, kind, direction, trackId, streamId, List.of());
    }

    /**
     * A transceiver that sends one stream per rid (simulcast, RFC 8853; the offer says {@code a=simulcast:send}), or
     * one plain stream when {@code rids} is empty.
     */
    public int addTransceiver(long nowNanos, String kind, String direction, String trackId, String streamId,
            List<String> rids) {
        checkOpen();
        lastNowNanos = nowNanos;
        MediaTransceiver t = media.addTransceiver(kindOf(kind), directionOf(direction), trackId, streamId, rids);
        updateNegotiationNeeded();
        return t.handle;
    }

    /** W3C {@code RTCRtpTransceiver.direction} setter. */
    public void setDirection(long nowNanos, int handle, String direction) {
        checkOpen();
        lastNowNanos = nowNanos;
        MediaTransceiver t = requireTransceiver(handle);
        if (t.stopped) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "transceiver " + t.mid + " is stopped");
        }
        dev.jwebrtc.sdp.attribute.Direction d = directionOf(direction);
        if (d != t.direction) {
            t.direction = d;
            updateNegotiationNeeded();
        }
    }

    /** W3C {@code RTCRtpTransceiver.stop()}: stops sending and receiving now; the section is rejected next time. */
    public void stopTransceiver(long nowNanos, int handle) {
        checkOpen();
        lastNowNanos = nowNanos;
        MediaTransceiver t = requireTransceiver(handle);
        if (!t.stopped) {
            t.stopped = true;
            t.sending = false;
            t.receiving = false;
            t.direction = dev.jwebrtc.sdp.attribute.Direction.INACTIVE;
            events.add(new EngineEvent.TransceiverStopped(handle));
            updateNegotiationNeeded();
        }
    }

    /** W3C {@code setCodecPreferences}: the codecs (SDP names with parameters) this transceiver offers, in order. */
    public void setCodecPreferences(int handle, List<dev.jwebrtc.sdp.jsep.Codec> codecs) {
        MediaTransceiver t = requireTransceiver(handle);
        t.preferences = List.copyOf(codecs);
        updateNegotiationNeeded();
    }

    /** The codecs a transceiver of this kind can negotiate by default (W3C {@code getCapabilities}). */
    public List<dev.jwebrtc.sdp.jsep.Codec> defaultCodecs(String kind) {
        return localState(false).codecs(kindOf(kind));
    }

    /** Records whether the sender has a track (W3C {@code replaceTrack}/{@code removeTrack}). */
    public void setTrack(long nowNanos, int handle, @Nullable String trackId, @Nullable String streamId) {
        MediaTransceiver t = requireTransceiver(handle);
        t.hasTrack = trackId != null;
        if (trackId != null) {
            t.trackId = trackId;
        }
        if (streamId != null && !streamId.equals(t.streamId)) {
            t.streamId = streamId;
            updateNegotiationNeeded();
        }
    }

    /** Sends one encoded frame on a transceiver; false (counted) when it does not send now. */
    public boolean sendFrame(long nowNanos, int handle, ByteBuffer frame, long durationNanos) {
        return sendFrame(nowNanos, handle, null, frame, durationNanos);
    }

    /** Sends one encoded frame on a simulcast layer ({@code rid}; null for the first or only stream). */
    public boolean sendFrame(long nowNanos, int handle, @Nullable String rid, ByteBuffer frame, long durationNanos) {
        lastNowNanos = nowNanos;
        MediaTransceiver t = media.transceiver(handle);
        return t != null && media.sendFrame(nowNanos, t, rid, frame, durationNanos);
    }

    /** Sends an application-built RTP packet on a transceiver (forwarding); see {@link Media#sendRaw}. */
    public boolean sendRtp(long nowNanos, int handle, dev.jwebrtc.rtp.RtpPacket packet) {
        return sendRtp(nowNanos, handle, null, packet);
    }

    /** Sends an application-built RTP packet on a simulcast layer ({@code rid}; null for the first or only one). */
    public boolean sendRtp(long nowNanos, int handle, @Nullable String rid, dev.jwebrtc.rtp.RtpPacket packet) {
        lastNowNanos = nowNanos;
        MediaTransceiver t = media.transceiver(handle);
        return t != null && media.sendRaw(nowNanos, t, rid, packet);
    }

    /** Asks the remote sender of a transceiver's incoming streams for a keyframe (PLI). */
    public void requestKeyframe(long nowNanos, int handle) {
        lastNowNanos = nowNanos;
        MediaTransceiver t = media.transceiver(handle);
        if (t != null) {
            media.requestKeyframe(nowNanos, t);
        }
    }

    public List<TransceiverState> transceivers() {
        List<TransceiverState> out = new ArrayList<>();
        for (MediaTransceiver t : media.transceivers()) {
            out.add(new TransceiverState(t.handle, t.kind.sdpName(), t.mid, t.direction.name().toLowerCase(
                    java.util.Locale.ROOT), t.currentDirection == null ? null : t.currentDirection.name().toLowerCase(
                    java.util.Locale.ROOT), t.stopped, t.ssrc, t.rtxSsrc,
                    t.sendCodec == null ? null : t.sendCodec.name(), t.codecs, t.extensions.uris()));
        }
        return out;
    }

    /** Lost packets recovered from RTX (RFC 4588). */
    public long rtxRecovered() {
        return media.rtxReceiver.recovered();
    }

    /** A stats snapshot of the RTP streams. */
    public MediaStats mediaStats() {
        return MediaStats.of(media);
    }

    private MediaTransceiver requireTransceiver(int handle) {
        MediaTransceiver t = media.transceiver(handle);
        if (t == null) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "no transceiver " + handle);
        }
        return t;
    }

    private static dev.jwebrtc.sdp.jsep.MediaKind kindOf(String kind) {
        dev.jwebrtc.sdp.jsep.MediaKind k = dev.jwebrtc.sdp.jsep.MediaKind.fromSdp(kind);
        if (k == null) {
            throw new RTCException(RTCErrorType.TYPE, "media kind must be audio or video, got '" + kind + "'");
        }
        return k;
    }

    private static dev.jwebrtc.sdp.attribute.Direction directionOf(String direction) {
        for (dev.jwebrtc.sdp.attribute.Direction d : dev.jwebrtc.sdp.attribute.Direction.values()) {
            if (d.name().equalsIgnoreCase(direction)) {
                return d;
            }
        }
        throw new RTCException(RTCErrorType.TYPE, "direction must be sendrecv, sendonly, recvonly or inactive, got '"
                + direction + "'");
    }

    // ---- negotiation needed (W3C §4.7.3) --------------------------------------------------------------------------

    /**
     * W3C "update the negotiation-needed flag": fires {@code negotiationneeded} once when a change needs an exchange,
     * and only in the stable state (otherwise it is checked again when the state returns to stable).
     */
    private void updateNegotiationNeeded() {
        if (signaling.state() != RTCSignalingState.STABLE || negotiationNeeded || !isNegotiationNeeded()) {
            return;
        }
        negotiationNeeded = true;
        events.add(new EngineEvent.NegotiationNeeded());
    }

    // W3C §4.7.3 "check if negotiation is needed", for what this engine negotiates.
    private boolean isNegotiationNeeded() {
        if (restartPending) {
            return true;
        }
        if (transports.channels().count() > 0 && !transports.dataSectionNegotiated()) {
            return true;
        }
        return MediaNegotiation.needed(media, currentLocal, currentRemote, localOfferer);
    }

    // ---- data channels ------------------------------------------------------------------------------------------

    /**
     * W3C {@code createDataChannel}. Returns the channel's handle; {@link EngineEvent.DataChannelOpen} follows once
     * the association is up. The first channel of a connection needs negotiation.
     */
    public int createDataChannel(long nowNanos, String label, RTCDataChannelInit init) {
        checkOpen();
        lastNowNanos = nowNanos;
        if (label.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 65535) {
            throw new RTCException(RTCErrorType.TYPE, "data channel label is longer than 65535 bytes");
        }
        int handle = transports.channels().create(nowNanos, label, init);
        updateNegotiationNeeded();
        return handle;
    }

    /**
     * Sends a text message. Messages larger than the remote {@code max-message-size} are refused with a
     * {@code TypeError} (W3C §6.2 {@code send}).
     *
     * @return whether the message was queued (false: the send buffer is full)
     */
    public boolean sendText(long nowNanos, int handle, String text) {
        lastNowNanos = nowNanos;
        checkMessageSize(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        return transports.channels().sendText(nowNanos, handle, text);
    }

    /** Sends a binary message (the bytes from position to limit); see {@link #sendText}. */
    public boolean sendBinary(long nowNanos, int handle, ByteBuffer data) {
        lastNowNanos = nowNanos;
        checkMessageSize(data.remaining());
        return transports.channels().sendBinary(nowNanos, handle, data);
    }

    private void checkMessageSize(long size) {
        long limit = maxMessageSize();
        if (limit > 0 && size > limit) {
            throw new RTCException(RTCErrorType.TYPE, "message of " + size
                    + " bytes exceeds the remote max-message-size of " + limit);
        }
    }

    public void closeDataChannel(long nowNanos, int handle) {
        lastNowNanos = nowNanos;
        transports.channels().close(nowNanos, handle);
    }

    public long bufferedAmount(int handle) {
        return transports.channels().bufferedAmount(handle);
    }

    public void setBufferedAmountLowThreshold(int handle, long bytes) {
        transports.channels().setBufferedAmountLowThreshold(handle, bytes);
    }

    /** The remote's {@code max-message-size} (RFC 8841 §6), 0 for unlimited. */
    public long maxMessageSize() {
        return remote == null ? RemoteParameters.DEFAULT_MAX_MESSAGE_SIZE : remote.maxMessageSize();
    }

    /** Closes everything: channels, SCTP, DTLS (close_notify), ICE; idempotent. */
    public void close(long nowNanos) {
        lastNowNanos = nowNanos;
        if (signaling.state() == RTCSignalingState.CLOSED) {
            return;
        }
        signaling.close();
        transports.close(nowNanos);
        events.add(new EngineEvent.SignalingStateChanged(RTCSignalingState.CLOSED));
    }

    // ---- sans-IO ------------------------------------------------------------------------------------------------

    @Override
    public void handleReceive(long nowNanos, InetSocketAddress from, InetSocketAddress to, ByteBuffer datagram) {
        lastNowNanos = nowNanos;
        transports.receive(nowNanos, from, to, datagram);
    }

    @Override
    public void handleTimeout(long nowNanos) {
        lastNowNanos = nowNanos;
        transports.timeout(nowNanos);
    }

    @Override
    public @Nullable Transmit pollTransmit() {
        transports.pump(lastNowNanos);
        return transports.pollTransmit();
    }

    @Override
    public @Nullable EngineEvent pollEvent() {
        transports.pump(lastNowNanos);
        return events.poll();
    }

    @Override
    public long pollTimeout() {
        return transports.pollTimeout(lastNowNanos);
    }

    /** Whether the DTLS handshake is computing on its own thread (see the testkit's {@code busy()}). */
    public boolean busy() {
        return transports.busy();
    }

    /** A snapshot for {@code getStats()}. */
    public EngineStats stats() {
        return transports.stats();
    }

    /** Counters for stats and tests. */
    public Transports.Counters counters() {
        return transports.counters();
    }

    /** Media input dropped: SRTP failures, malformed, unroutable, before keys; sends dropped. */
    public MediaStats.Counters mediaCounters() {
        return MediaStats.of(media).counters();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private LocalState localState(boolean withDataChannel) {
        LocalState.Builder b = LocalState.builder(sessionId,
                new dev.jwebrtc.sdp.jsep.IceCredentials(transports.localIce().ufrag(), transports.localIce().password()),
                Fingerprint.parse(certificate.fingerprint().format()));
        b.dataChannel(withDataChannel && (transports.channels().count() > 0 || transports.dataSectionNegotiated()
                || pendingRemote != null));
        b.sctp(Transports.SCTP_PORT, settings.maxMessageSize());
        // The builder's defaults: Opus, PCMU, PCMA; VP8, VP9, H.264, AV1 with RTX (what MediaCodecs can carry).
        b.transceivers(media.transceivers().stream().map(MediaTransceiver::toJsep).toList());
        List<Candidate> candidates = new ArrayList<>(transports.localSdpCandidates());
        b.candidates(candidates, transports.gatheringComplete());
        return b.build();
    }

    private @Nullable CurrentDescriptions currentDescriptions() {
        return currentLocal != null && currentRemote != null ? new CurrentDescriptions(currentLocal, currentRemote) : null;
    }

    private static SessionDescription parse(String sdp, String which) {
        try {
            return Sdp.parse(sdp);
        } catch (SdpParseException e) {
            throw new RTCException(RTCErrorType.SYNTAX, "invalid " + which + " description: " + e.getMessage(), e);
        }
    }

    private void checkOpen() {
        if (signaling.state() == RTCSignalingState.CLOSED) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "the peer connection is closed");
        }
    }

    @Override
    public String toString() {
        return "RtcEngine[" + signaling.state() + ", " + transports + "]";
    }

    static Logger log() {
        return LOG;
    }
}
