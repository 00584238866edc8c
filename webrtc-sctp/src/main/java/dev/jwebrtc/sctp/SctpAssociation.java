package dev.jwebrtc.sctp;

import dev.jwebrtc.sctp.chunk.AbortChunk;
import dev.jwebrtc.sctp.chunk.Chunk;
import dev.jwebrtc.sctp.chunk.CookieAckChunk;
import dev.jwebrtc.sctp.chunk.CookieEchoChunk;
import dev.jwebrtc.sctp.chunk.ErrorCause;
import dev.jwebrtc.sctp.chunk.ErrorChunk;
import dev.jwebrtc.sctp.chunk.ForwardTsnChunk;
import dev.jwebrtc.sctp.chunk.HeartbeatAckChunk;
import dev.jwebrtc.sctp.chunk.HeartbeatChunk;
import dev.jwebrtc.sctp.chunk.HeartbeatInfoParameter;
import dev.jwebrtc.sctp.chunk.InitAckChunk;
import dev.jwebrtc.sctp.chunk.InitChunk;
import dev.jwebrtc.sctp.chunk.MalformedPacketException;
import dev.jwebrtc.sctp.chunk.Parameter;
import dev.jwebrtc.sctp.chunk.ReConfigChunk;
import dev.jwebrtc.sctp.chunk.SackChunk;
import dev.jwebrtc.sctp.chunk.SctpPacket;
import dev.jwebrtc.sctp.chunk.ShutdownAckChunk;
import dev.jwebrtc.sctp.chunk.ShutdownChunk;
import dev.jwebrtc.sctp.chunk.ShutdownCompleteChunk;
import dev.jwebrtc.sctp.chunk.UnknownChunk;
import dev.jwebrtc.sctp.internal.AssociationListener;
import dev.jwebrtc.sctp.internal.DataReceiver;
import dev.jwebrtc.sctp.internal.DataSender;
import dev.jwebrtc.sctp.internal.OutgoingMessage;
import dev.jwebrtc.sctp.internal.PacketBuilder;
import dev.jwebrtc.sctp.internal.RtoEstimator;
import dev.jwebrtc.sctp.internal.SendQueue;
import dev.jwebrtc.sctp.internal.StateCookie;
import dev.jwebrtc.sctp.internal.StreamReconfig;
import dev.jwebrtc.sctp.internal.Timer;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SCTP association over DTLS (RFC 9260 as profiled by RFC 8261: one path, no multihoming), sans-IO.
 *
 * <p>Packets in: {@link #handleReceive(long, ByteBuffer)} takes one whole SCTP packet as DTLS delivered it.
 * There are no addresses: the DTLS association already identifies the peer, so the SCTP variant of the
 * project-wide {@code handleReceive(now, from, to, datagram)} drops them. Packets out: {@link #pollTransmit()}
 * returns one SCTP packet (a fresh buffer the caller owns) for DTLS to send. Timers: {@link #pollTimeout()} and
 * {@link #handleTimeout(long)}. Events: {@link #pollEvent()}. After every input or call, drain
 * {@code pollTransmit} and {@code pollEvent} until both return null.
 *
 * <p>Not thread-safe: one thread (the peer connection's event loop) drives it. Bad network input never throws; it
 * is dropped and counted in {@link #stats()}. Misuse by the caller throws {@link IllegalArgumentException} or
 * {@link IllegalStateException}.
 */
public final class SctpAssociation {
    private static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);

    private record Control(Chunk chunk, long tag, boolean alone) {}

    private record PeerInit(long tag, long initialTsn, long rwnd, int outboundStreams, int inboundStreams,
            int capabilities) {}

    private final SctpConfig config;
    private final RandomGenerator random;
    private final byte[] cookieSecret = new byte[32];
    private final RtoEstimator rto;
    private final SendQueue queue;
    private final ArrayDeque<Control> control = new ArrayDeque<>();
    private final ArrayDeque<SctpEvent> events = new ArrayDeque<>();
    private final Timer t1 = new Timer();
    private final Timer t2 = new Timer();
    private final Timer heartbeat = new Timer();
    private final Listener listener = new Listener();

    private SctpState state = SctpState.CLOSED;
    private boolean terminated;
    private long myTag;
    private long myInitialTsn;
    private long peerTag;
    private @Nullable PeerInit pendingInitAck;
    private byte @Nullable [] cookieToEcho;
    private @Nullable DataSender sender;
    private @Nullable DataReceiver receiver;
    private @Nullable StreamReconfig reconfig;
    private boolean zeroChecksumTx;
    private int outboundStreams;
    private int errorCount;
    private long heartbeatNonce;
    private boolean heartbeatOutstanding;
    private long lastNow;

    private long packetsSent;
    private long packetsReceived;
    private long bytesSent;
    private long bytesReceived;
    private long packetsDropped;
    private long messagesSent;
    private long messagesReceived;
    private long retransmissionTimeouts;

    /**
     * @param random source of the verification tag, the initial TSN and the cookie secret (inject a seeded one in
     *        tests, a {@code SecureRandom} in production)
     */
    public SctpAssociation(SctpConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
        random.nextBytes(cookieSecret);
        this.myTag = randomTag();
        this.myInitialTsn = random.nextLong() & 0xFFFF_FFFFL;
        this.rto = new RtoEstimator(config.rtoInitial().toNanos(), config.rtoMin().toNanos(), config.rtoMax().toNanos());
        this.queue = new SendQueue(listener);
        this.outboundStreams = config.outboundStreams();
    }

    private long randomTag() {
        long tag;
        do {
            tag = random.nextLong() & 0xFFFF_FFFFL;
        } while (tag == 0);
        return tag;
    }

    public SctpState state() {
        return state;
    }

    public SctpConfig config() {
        return config;
    }

    /** Streams we may send on (the lower of ours and the peer's inbound count, once connected). */
    public int outboundStreams() {
        return outboundStreams;
    }

    // ---------------------------------------------------------------- user operations

    /** RFC 9260 §5.1 A: sends INIT. Both WebRTC peers call this; the collision resolves itself (§5.2.1). */
    public void connect(long nowNanos) {
        lastNow = nowNanos;
        if (state != SctpState.CLOSED || terminated) {
            throw new IllegalStateException("connect() needs a new association, state is " + state);
        }
        state = SctpState.COOKIE_WAIT;
        sendInit(nowNanos);
    }

    private void sendInit(long nowNanos) {
        control.add(new Control(new InitChunk(myTag, config.receiveWindow(), config.outboundStreams(),
                config.inboundStreams(), myInitialTsn, Handshake.localParameters(config)), 0, true));
        t1.start(nowNanos, backedOff(config.rtoInitial().toNanos(), t1.expirations()));
    }

    private long backedOff(long base, int expirations) {
        long value = base << Math.min(expirations, 20);
        return Math.min(value, Math.max(base, config.rtoMax().toNanos()));
    }

    /**
     * Queues one message. Returns false when the send buffer cannot take it (try again after a
     * {@link SctpEvent.TotalBufferedAmountLow}).
     *
     * @param payload read from position to limit; copied, the caller keeps the buffer
     * @throws IllegalArgumentException bad stream id, empty or oversized payload
     * @throws IllegalStateException the association is shutting down or closed, or the stream is being reset
     */
    public boolean send(long nowNanos, int streamId, int ppid, ByteBuffer payload, SendOptions options) {
        lastNow = nowNanos;
        if (terminated || (state != SctpState.CLOSED && state != SctpState.COOKIE_WAIT
                && state != SctpState.COOKIE_ECHOED && state != SctpState.ESTABLISHED)) {
            throw new IllegalStateException("cannot send: association is " + (terminated ? "closed" : state));
        }
        if (streamId < 0 || streamId >= outboundStreams) {
            throw new IllegalArgumentException("stream id " + streamId + " outside 0.." + (outboundStreams - 1));
        }
        int length = payload.remaining();
        if (length == 0) {
            throw new IllegalArgumentException("empty payload on stream " + streamId
                    + " (RFC 8831 §6.6: send one byte with PPID 56 or 57 for an empty message)");
        }
        if (length > config.maxMessageSize()) {
            throw new IllegalArgumentException("message of " + length + " bytes exceeds maxMessageSize "
                    + config.maxMessageSize());
        }
        if (queue.isClosing(streamId)) {
            throw new IllegalStateException("stream " + streamId + " is being reset");
        }
        if (queue.totalBufferedAmount() + length > config.sendBufferSize()) {
            return false;
        }
        byte[] copy = new byte[length];
        payload.duplicate().get(copy);
        long expires = options.lifetime() == null ? Long.MAX_VALUE : nowNanos + options.lifetime().toNanos();
        queue.add(new OutgoingMessage(streamId, ppid, copy, options.unordered(), options.maxRetransmits(), expires));
        messagesSent++;
        return true;
    }

    public long bufferedAmount(int streamId) {
        return queue.bufferedAmount(streamId);
    }

    public long totalBufferedAmount() {
        return queue.totalBufferedAmount();
    }

    /** A {@link SctpEvent.BufferedAmountLow} fires when the stream's unsent bytes fall to this value or below. */
    public void setBufferedAmountLowThreshold(int streamId, long bytes) {
        queue.setLowThreshold(streamId, bytes);
    }

    public void setTotalBufferedAmountLowThreshold(long bytes) {
        queue.setTotalLowThreshold(bytes);
    }

    /**
     * RFC 6525 §5.1.2: resets these outgoing streams once their queued messages are sent (closing data channels).
     * New messages on them are refused until {@link SctpEvent.OutgoingStreamsReset}.
     */
    public void resetStreams(long nowNanos, List<Integer> streamIds) {
        lastNow = nowNanos;
        StreamReconfig r = reconfig;
        if (r == null || !state.carriesData()) {
            throw new IllegalStateException("cannot reset streams: association is " + state);
        }
        for (int id : streamIds) {
            if (id < 0 || id >= outboundStreams) {
                throw new IllegalArgumentException("stream id " + id + " outside 0.." + (outboundStreams - 1));
            }
        }
        r.resetOutgoing(streamIds);
    }

    /** RFC 9260 §9.2: graceful close after all queued data is delivered. */
    public void shutdown(long nowNanos) {
        lastNow = nowNanos;
        switch (state) {
            case ESTABLISHED -> {
                state = SctpState.SHUTDOWN_PENDING;
                checkShutdownProgress(nowNanos);
            }
            case COOKIE_WAIT, COOKIE_ECHOED -> close(false, "shut down before the handshake completed");
            case CLOSED -> close(false, "shut down before connecting");
            default -> { /* already shutting down */ }
        }
    }

    /** RFC 9260 §9.1: ends the association at once, telling the peer why. */
    public void abort(long nowNanos, String reason) {
        lastNow = nowNanos;
        if (terminated) {
            return;
        }
        if (peerTag != 0) {
            control.add(new Control(new AbortChunk(false,
                    List.of(ErrorCause.ofText(ErrorCause.USER_INITIATED_ABORT, reason))), peerTag, false));
        }
        close(false, "aborted locally: " + reason);
    }

    // ---------------------------------------------------------------- sans-IO contract

    /** Takes one SCTP packet delivered by DTLS. The buffer is only read during the call. */
    public void handleReceive(long nowNanos, ByteBuffer packet) {
        lastNow = nowNanos;
        packetsReceived++;
        bytesReceived += packet.remaining();
        SctpPacket p;
        try {
            p = SctpPacket.decode(packet, config.zeroChecksum());
        } catch (MalformedPacketException e) {
            drop("malformed: " + e.getMessage());
            return;
        }
        boolean zeroChecksum = packet.remaining() >= 12 && packet.getInt(packet.position() + 8) == 0;
        if (p.destinationPort() != config.localPort()) {
            drop("destination port " + p.destinationPort());
            return;
        }
        if (terminated) {
            drop("association closed");
            return;
        }
        new Dispatcher(this, p, zeroChecksum, nowNanos).run();
        if (receiver != null) {
            receiver.onPacketProcessed(nowNanos);
        }
        if (reconfig != null) {
            reconfig.onCumulativeTsnAdvanced();
        }
        checkShutdownProgress(nowNanos);
    }

    /** Runs every timer whose deadline has passed. */
    public void handleTimeout(long nowNanos) {
        lastNow = nowNanos;
        if (t1.expire(nowNanos)) {
            if (t1.expirations() > config.maxInitRetransmissions()) {
                close(false, "handshake timed out");
                return;
            }
            if (state == SctpState.COOKIE_WAIT) {
                sendInit(nowNanos);
            } else if (state == SctpState.COOKIE_ECHOED && cookieToEcho != null) {
                sendCookieEcho(nowNanos);
            }
        }
        if (t2.expire(nowNanos)) {
            if (countError("shutdown timed out")) {
                return;
            }
            resendShutdownChunk(nowNanos);
        }
        DataSender s = sender;
        if (s != null && s.onTimeout(nowNanos)) {
            retransmissionTimeouts++;
            if (countError("retransmission limit reached")) {
                return;
            }
        }
        if (receiver != null) {
            receiver.onTimeout(nowNanos);
        }
        if (reconfig != null && reconfig.onTimeout(nowNanos) && countError("stream reset unanswered")) {
            return;
        }
        if (heartbeat.expire(nowNanos) && state.carriesData()) {
            if (heartbeatOutstanding && countError("heartbeat unanswered")) {
                return;
            }
            sendHeartbeat(nowNanos);
        }
    }

    /** The next packet to hand to DTLS, or null. */
    public @Nullable ByteBuffer pollTransmit() {
        long now = lastNow;
        checkShutdownProgress(now);
        PacketBuilder packet = new PacketBuilder(config.maxPacketSize());
        long tag = peerTag;
        Control first = control.peekFirst();
        if (first != null) {
            tag = first.tag();
            if (first.alone()) {
                packet.add(control.pollFirst().chunk());
                return encode(packet, tag);
            }
            while (!control.isEmpty() && !control.peekFirst().alone() && control.peekFirst().tag() == tag
                    && packet.fits(control.peekFirst().chunk())) {
                packet.add(control.pollFirst().chunk());
            }
        }
        if (tag == peerTag && peerTag != 0) {
            addDataPath(packet, now);
        }
        return packet.isEmpty() ? null : encode(packet, tag);
    }

    private void addDataPath(PacketBuilder packet, long now) {
        DataSender s = sender;
        DataReceiver r = receiver;
        if (s == null || r == null) {
            return;
        }
        boolean sending = state == SctpState.ESTABLISHED || state == SctpState.SHUTDOWN_PENDING
                || state == SctpState.SHUTDOWN_RECEIVED;
        if (r.sackDue() || (r.ackPending() && sending && s.wantsToSend(now))) {
            int room = packet.remaining() - 16 - 32 * 4 - 4;
            packet.add(r.takeSack(Math.max(0, room / 4)));
            if (state == SctpState.SHUTDOWN_SENT) {
                packet.add(new ShutdownChunk(r.tsns().cumulative() & 0xFFFF_FFFFL)); // RFC 9260 §9.2
            }
        }
        ForwardTsnChunk forward = s.takeForwardTsn();
        if (forward != null && packet.fits(forward)) {
            packet.add(forward);
        }
        StreamReconfig rc = reconfig;
        if (rc != null && rc.hasSomethingToSend() && packet.remaining() > 64) {
            ReConfigChunk chunk = rc.take(now, rto.rtoNanos());
            if (chunk != null) {
                packet.add(chunk);
            }
        }
        if (sending) {
            s.fill(packet, now);
        }
    }

    private ByteBuffer encode(PacketBuilder packet, long tag) {
        boolean hasInit = packet.chunks().get(0) instanceof InitChunk;
        byte[] bytes = new SctpPacket(config.localPort(), config.remotePort(), tag, packet.chunks())
                .encode(zeroChecksumTx && !hasInit); // RFC 9653 §5.2: never for INIT
        packetsSent++;
        bytesSent += bytes.length;
        if (LOG.isTraceEnabled()) {
            LOG.trace("send {}", packet.chunks());
        }
        return ByteBuffer.wrap(bytes);
    }

    /** The next event, or null. */
    public @Nullable SctpEvent pollEvent() {
        SctpEvent e = events.pollFirst();
        if (e instanceof SctpEvent.MessageReceived m && receiver != null) {
            receiver.onMessageConsumed(m.payload().length);
        }
        return e;
    }

    /** Absolute nanos of the next timer, or {@code Long.MAX_VALUE}. */
    public long pollTimeout() {
        long t = Math.min(t1.deadline(), Math.min(t2.deadline(), heartbeat.deadline()));
        if (sender != null) {
            t = Math.min(t, sender.timerDeadline());
        }
        if (receiver != null) {
            t = Math.min(t, receiver.timerDeadline());
        }
        if (reconfig != null) {
            t = Math.min(t, reconfig.timerDeadline());
        }
        return t;
    }

    /** Counters and congestion state. */
    public SctpStats stats() {
        DataSender s = sender;
        return new SctpStats(packetsSent, packetsReceived, bytesSent, bytesReceived, packetsDropped,
                receiver == null ? 0 : receiver.chunksDropped(), messagesSent, messagesReceived,
                s == null ? 0 : s.retransmissions(), s == null ? 0 : s.fastRetransmits(), retransmissionTimeouts,
                s == null ? 0 : s.abandonedMessages(), s == null ? 0 : s.cwnd(), s == null ? 0 : s.ssthresh(),
                s == null ? 0 : s.flightSize(), s == null ? 0 : s.outstandingChunks(), s == null ? 0 : s.peerRwnd(), rto.rtoNanos(), rto.srttNanos());
    }

    // ---------------------------------------------------------------- internals used by Dispatcher

    void drop(String reason) {
        packetsDropped++;
        LOG.debug("dropped SCTP packet: {}", reason);
    }

    long myTag() { return myTag; }
    long peerTag() { return peerTag; }
    @Nullable DataSender sender() { return sender; }
    @Nullable DataReceiver receiver() { return receiver; }
    @Nullable StreamReconfig reconfig() { return reconfig; }
    byte[] cookieSecret() { return cookieSecret; }
    RandomGenerator random() { return random; }

    void queueControl(Chunk chunk, long tag, boolean alone) {
        control.add(new Control(chunk, tag, alone));
    }

    /** INIT ACK received in COOKIE-WAIT (RFC 9260 §5.1 C). */
    void onInitAck(InitAckChunk ack, int capabilities, byte[] cookie, long nowNanos) {
        pendingInitAck = new PeerInit(ack.initiateTag(), ack.initialTsn(), ack.advertisedReceiverWindow(),
                ack.outboundStreams(), ack.inboundStreams(), capabilities);
        peerTag = ack.initiateTag();
        cookieToEcho = cookie;
        state = SctpState.COOKIE_ECHOED;
        t1.stop();
        sendCookieEcho(nowNanos);
    }

    private void sendCookieEcho(long nowNanos) {
        control.add(new Control(new CookieEchoChunk(cookieToEcho), peerTag, false));
        t1.start(nowNanos, backedOff(config.rtoInitial().toNanos(), t1.expirations()));
    }

    /** COOKIE ACK in COOKIE-ECHOED (RFC 9260 §5.1 E). */
    void onCookieAck() {
        PeerInit p = pendingInitAck;
        if (state == SctpState.COOKIE_ECHOED && p != null) {
            establish(p, false);
        }
    }

    /** A verified cookie says to create (or restart) the association (RFC 9260 §5.1 D, §5.2.4). */
    void onValidCookie(StateCookie c, boolean restart) {
        if (restart) {
            myTag = c.localTag();
            myInitialTsn = c.localInitialTsn();
        }
        establish(new PeerInit(c.peerTag(), c.peerInitialTsn(), c.peerRwnd(), c.inboundStreams(),
                c.outboundStreams(), c.peerCapabilities()), restart);
    }

    private void establish(PeerInit p, boolean restart) {
        peerTag = p.tag();
        outboundStreams = Math.min(config.outboundStreams(), p.inboundStreams());
        int inbound = Math.min(config.inboundStreams(), p.outboundStreams());
        boolean forwardTsn = (p.capabilities() & StateCookie.CAP_FORWARD_TSN) != 0;
        DataSender s = new DataSender(queue, rto, config.maxPacketSize(), myInitialTsn, p.rwnd(), forwardTsn);
        DataReceiver r = new DataReceiver(listener, p.initialTsn(), config.receiveWindow(), config.maxMessageSize(),
                config.delayedAckTimeout().toNanos(), inbound);
        sender = s;
        receiver = r;
        reconfig = new StreamReconfig(listener, queue, s, r.tsns(), r.reassembly(),
                (p.capabilities() & StateCookie.CAP_RECONFIG) != 0, myInitialTsn, p.initialTsn());
        zeroChecksumTx = config.zeroChecksum() && (p.capabilities() & StateCookie.CAP_ZERO_CHECKSUM) != 0;
        state = SctpState.ESTABLISHED;
        t1.stop();
        errorCount = 0;
        heartbeat.start(lastNow, config.heartbeatInterval().toNanos());
        LOG.debug("association established (restart={}, zero checksum={}, streams out/in {}/{})", restart,
                zeroChecksumTx, outboundStreams, inbound);
        events.add(restart ? new SctpEvent.Restarted() : new SctpEvent.Connected());
    }

    /** Builds the cookie our INIT ACK carries. */
    byte[] makeCookie(InitChunk init, long localTag, long localInitialTsn, int capabilities, boolean tieTags) {
        return new StateCookie(localTag, init.initiateTag(), localInitialTsn, init.initialTsn(),
                init.advertisedReceiverWindow(), Math.min(config.outboundStreams(), init.inboundStreams()),
                Math.min(config.inboundStreams(), init.outboundStreams()), capabilities, tieTags ? myTag : 0,
                tieTags ? peerTag : 0, lastNow).sign(cookieSecret);
    }

    boolean cookieExpired(StateCookie c) {
        return lastNow - c.createdNanos() > config.cookieLifetime().toNanos() || lastNow < c.createdNanos();
    }

    long myInitialTsn() { return myInitialTsn; }

    void onSack(SackChunk sack, long nowNanos) {
        DataSender s = sender;
        if (s != null && s.onSack(sack, nowNanos)) {
            errorCount = 0; // RFC 9260 §8.3: acknowledged data proves the peer alive
        }
    }

    /** SHUTDOWN received (RFC 9260 §9.2). */
    void onShutdown(ShutdownChunk chunk, long nowNanos) {
        DataSender s = sender;
        if (s == null) {
            return;
        }
        switch (state) {
            case ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_RECEIVED -> {
                s.onSack(new SackChunk(chunk.cumulativeTsnAck(), s.peerRwnd() + s.flightSize(), List.of(), List.of()),
                        nowNanos);
                state = SctpState.SHUTDOWN_RECEIVED;
                checkShutdownProgress(nowNanos);
            }
            case SHUTDOWN_SENT -> {
                state = SctpState.SHUTDOWN_ACK_SENT;
                t2.stop();
                resendShutdownChunk(nowNanos);
            }
            default -> { /* ignore */ }
        }
    }

    void onShutdownAck() {
        if (state == SctpState.SHUTDOWN_SENT || state == SctpState.SHUTDOWN_ACK_SENT) {
            control.add(new Control(new ShutdownCompleteChunk(false), peerTag, true));
            close(true, "shutdown complete");
        }
    }

    void onShutdownComplete() {
        if (state == SctpState.SHUTDOWN_ACK_SENT) {
            close(true, "shutdown complete");
        }
    }

    void onAbort(AbortChunk abort) {
        StringBuilder why = new StringBuilder("aborted by peer");
        for (ErrorCause c : abort.causes()) {
            why.append("; ").append(c.describe());
        }
        close(false, why.toString());
    }

    void onHeartbeat(HeartbeatChunk hb) {
        control.add(new Control(new HeartbeatAckChunk(hb.parameters()), peerTag, false));
    }

    void onHeartbeatAck(HeartbeatAckChunk ack, long nowNanos) {
        for (Parameter p : ack.parameters()) {
            if (p instanceof HeartbeatInfoParameter info && info.info().length == 16) {
                ByteBuffer b = ByteBuffer.wrap(info.info());
                long sentAt = b.getLong();
                if (b.getLong() == heartbeatNonce && heartbeatOutstanding) {
                    heartbeatOutstanding = false;
                    errorCount = 0;
                    rto.measure(nowNanos - sentAt);
                }
            }
        }
    }

    private void sendHeartbeat(long nowNanos) {
        heartbeatNonce = random.nextLong();
        heartbeatOutstanding = true;
        byte[] info = ByteBuffer.allocate(16).putLong(nowNanos).putLong(heartbeatNonce).array();
        control.add(new Control(new HeartbeatChunk(List.of(new HeartbeatInfoParameter(info))), peerTag, false));
        // RFC 9260 §8.3: the interval plus the RTO.
        heartbeat.start(nowNanos, config.heartbeatInterval().toNanos() + rto.rtoNanos());
    }

    void onMessageDelivered() {
        messagesReceived++;
    }

    void reportUnrecognized(UnknownChunk chunk) {
        ByteBuffer b = ByteBuffer.allocate(chunk.encodedLength());
        chunk.encode(b);
        control.add(new Control(new ErrorChunk(List.of(new ErrorCause(ErrorCause.UNRECOGNIZED_CHUNK_TYPE,
                b.array()))), peerTag, false));
    }

    void protocolViolation(String what, int causeCode) {
        control.add(new Control(new AbortChunk(false, List.of(causeCode == ErrorCause.PROTOCOL_VIOLATION
                ? ErrorCause.ofText(causeCode, what) : new ErrorCause(causeCode, new byte[0]))), peerTag, false));
        close(false, "protocol violation: " + what);
    }

    SctpState currentState() {
        return state;
    }

    boolean terminated() {
        return terminated;
    }

    SctpConfig configuration() {
        return config;
    }

    private void checkShutdownProgress(long nowNanos) {
        DataSender s = sender;
        if (s == null || !s.idle()) {
            return;
        }
        if (state == SctpState.SHUTDOWN_PENDING) {
            state = SctpState.SHUTDOWN_SENT;
            resendShutdownChunk(nowNanos);
        } else if (state == SctpState.SHUTDOWN_RECEIVED) {
            state = SctpState.SHUTDOWN_ACK_SENT;
            resendShutdownChunk(nowNanos);
        }
    }

    private void resendShutdownChunk(long nowNanos) {
        if (state == SctpState.SHUTDOWN_SENT && receiver != null) {
            control.add(new Control(new ShutdownChunk(receiver.tsns().cumulative() & 0xFFFF_FFFFL), peerTag, false));
        } else if (state == SctpState.SHUTDOWN_ACK_SENT) {
            control.add(new Control(ShutdownAckChunk.INSTANCE, peerTag, false));
        } else {
            return;
        }
        t2.start(nowNanos, rto.rtoNanos());
        rto.backOff();
    }

    /** RFC 9260 §8.1: counts an error; past the limit the peer is unreachable and the association ends. */
    private boolean countError(String what) {
        errorCount++;
        if (errorCount > config.maxRetransmissions()) {
            if (peerTag != 0) {
                control.add(new Control(new AbortChunk(false,
                        List.of(ErrorCause.ofText(ErrorCause.PROTOCOL_VIOLATION, what))), peerTag, false));
            }
            close(false, "peer unreachable: " + what);
            return true;
        }
        return false;
    }

    private void close(boolean graceful, String reason) {
        if (terminated) {
            return;
        }
        terminated = true;
        state = SctpState.CLOSED;
        t1.stop();
        t2.stop();
        heartbeat.stop();
        sender = null;
        receiver = null;
        reconfig = null;
        LOG.debug("association closed: {}", reason);
        events.add(new SctpEvent.Closed(graceful, reason));
    }

    private final class Listener implements AssociationListener {
        @Override
        public void messageReceived(int streamId, int ppid, byte[] payload, boolean unordered) {
            onMessageDelivered();
            events.add(new SctpEvent.MessageReceived(streamId, ppid, payload, unordered));
        }

        @Override public void bufferedAmountLow(int streamId) { events.add(new SctpEvent.BufferedAmountLow(streamId)); }
        @Override public void totalBufferedAmountLow() { events.add(new SctpEvent.TotalBufferedAmountLow()); }
        @Override public void incomingStreamsReset(List<Integer> ids) { events.add(new SctpEvent.IncomingStreamsReset(ids)); }
        @Override public void outgoingStreamsReset(List<Integer> ids) { events.add(new SctpEvent.OutgoingStreamsReset(ids)); }

        @Override
        public void outgoingStreamResetFailed(List<Integer> ids, String reason) {
            events.add(new SctpEvent.StreamResetFailed(ids, reason));
        }
    }
}
