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
import dev.jwebrtc.sctp.chunk.InitAckChunk;
import dev.jwebrtc.sctp.chunk.InitChunk;
import dev.jwebrtc.sctp.chunk.MalformedPacketException;
import dev.jwebrtc.sctp.chunk.ReConfigChunk;
import dev.jwebrtc.sctp.chunk.SackChunk;
import dev.jwebrtc.sctp.chunk.SctpPacket;
import dev.jwebrtc.sctp.chunk.ShutdownAckChunk;
import dev.jwebrtc.sctp.chunk.ShutdownChunk;
import dev.jwebrtc.sctp.chunk.ShutdownCompleteChunk;
import dev.jwebrtc.sctp.chunk.UnknownChunk;
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
 * State and protocol handlers of {@link SctpAssociation}, split from its public API (package-private): the
 * handshake transitions (RFC 9260 §5), shutdown (§9.2), abort (§9.1), heartbeats (§8.3), error counting (§8.1).
 * {@link Dispatcher} calls these handlers for each received chunk.
 */
abstract class AssociationCore {
    static final Logger LOG = LoggerFactory.getLogger(SctpAssociation.class);

    record Control(Chunk chunk, long tag, boolean alone) {}

    record PeerInit(long tag, long initialTsn, long rwnd, int outboundStreams, int inboundStreams,
            int capabilities) {}

    final SctpConfig config;
    final RandomGenerator random;
    final byte[] cookieSecret = new byte[32];
    final RtoEstimator rto;
    final SendQueue queue;
    final ArrayDeque<Control> control = new ArrayDeque<>();
    final EventQueue events = new EventQueue();
    final Timer t1 = new Timer();
    final Timer t2 = new Timer();
    final Heartbeats heartbeat;

    SctpState state = SctpState.CLOSED;
    boolean terminated;
    long myTag;
    long myInitialTsn;
    long peerTag;
    @Nullable PeerInit pendingInitAck;
    byte @Nullable [] cookieToEcho;
    @Nullable DataSender sender;
    @Nullable DataReceiver receiver;
    @Nullable StreamReconfig reconfig;
    boolean zeroChecksumTx;
    int outboundStreams;
    int errorCount;
    long lastNow;

    long packetsSent;
    long packetsReceived;
    long bytesSent;
    long bytesReceived;
    long packetsDropped;
    long messagesSent;
    long retransmissionTimeouts;

    /**
     * @param random source of the verification tag, the initial TSN and the cookie secret (inject a seeded one in
     *        tests, a {@code SecureRandom} in production)
     */
    AssociationCore(SctpConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
        random.nextBytes(cookieSecret);
        this.myTag = randomTag();
        this.myInitialTsn = random.nextLong() & 0xFFFF_FFFFL;
        this.rto = new RtoEstimator(config.rtoInitial().toNanos(), config.rtoMin().toNanos(), config.rtoMax().toNanos());
        this.queue = new SendQueue(events);
        this.heartbeat = new Heartbeats(random, config.heartbeatInterval().toNanos());
        this.outboundStreams = config.outboundStreams();
    }

    long randomTag() {
        long tag;
        do {
            tag = random.nextLong() & 0xFFFF_FFFFL;
        } while (tag == 0);
        return tag;
    }

    void sendInit(long nowNanos) {
        control.add(new Control(new InitChunk(myTag, config.receiveWindow(), config.outboundStreams(),
                config.inboundStreams(), myInitialTsn, Handshake.localParameters(config)), 0, true));
        t1.start(nowNanos, backedOff(config.rtoInitial().toNanos(), t1.expirations()));
    }

    long backedOff(long base, int expirations) {
        long value = base << Math.min(expirations, 20);
        return Math.min(value, Math.max(base, config.rtoMax().toNanos()));
    }

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

    void sendCookieEcho(long nowNanos) {
        control.add(new Control(new CookieEchoChunk(cookieToEcho), peerTag, false));
        t1.start(nowNanos, backedOff(config.rtoInitial().toNanos(), t1.expirations()));
    }

    /** RFC 9260 §5.2.6: our cookie went stale before it was accepted; the handshake starts over. */
    void onStaleCookie(long nowNanos) {
        state = SctpState.COOKIE_WAIT;
        cookieToEcho = null;
        pendingInitAck = null;
        peerTag = 0;
        t1.stop();
        sendInit(nowNanos);
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

    void establish(PeerInit p, boolean restart) {
        peerTag = p.tag();
        outboundStreams = Math.min(config.outboundStreams(), p.inboundStreams());
        int inbound = Math.min(config.inboundStreams(), p.outboundStreams());
        boolean forwardTsn = (p.capabilities() & StateCookie.CAP_FORWARD_TSN) != 0;
        // RFC 8260 §2.2: I-DATA only when both sides offered it; then every message uses it.
        boolean interleaved = config.messageInterleaving() && (p.capabilities() & StateCookie.CAP_IDATA) != 0;
        if (interleaved) {
            queue.useIData();
        }
        DataSender s = new DataSender(queue, rto, config.maxPacketSize(), myInitialTsn, p.rwnd(), forwardTsn);
        DataReceiver r = new DataReceiver(events, p.initialTsn(), config.receiveWindow(), config.maxMessageSize(),
                config.delayedAckTimeout().toNanos(), inbound, interleaved);
        sender = s;
        receiver = r;
        reconfig = new StreamReconfig(events, queue, s, r.tsns(), r.resetTarget(),
                (p.capabilities() & StateCookie.CAP_RECONFIG) != 0, myInitialTsn, p.initialTsn());
        zeroChecksumTx = config.zeroChecksum() && (p.capabilities() & StateCookie.CAP_ZERO_CHECKSUM) != 0;
        state = SctpState.ESTABLISHED;
        t1.stop();
        errorCount = 0;
        heartbeat.start(lastNow);
        LOG.debug("association established (restart={}, zero checksum={}, I-DATA={}, streams out/in {}/{})",
                restart, zeroChecksumTx, interleaved, outboundStreams, inbound);
        events.add(restart ? new SctpEvent.Restarted() : new SctpEvent.Connected());
    }

    /** Builds the cookie our INIT ACK carries (RFC 9260 §5.1.3), with tie-tags for §5.2.1 / §5.2.2. */
    byte[] makeCookie(InitChunk init, long localTag, long localInitialTsn, int capabilities, boolean tieTags) {
        return Handshake.cookie(config, init, localTag, localInitialTsn, capabilities, tieTags ? myTag : 0,
                tieTags ? peerTag : 0, lastNow).sign(cookieSecret);
    }

    boolean cookieExpired(StateCookie c) {
        return Handshake.expired(c, lastNow, config);
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
        long rtt = heartbeat.onAck(ack, nowNanos);
        if (rtt >= 0) {
            errorCount = 0;
            rto.measure(rtt);
        }
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

    void checkShutdownProgress(long nowNanos) {
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

    void resendShutdownChunk(long nowNanos) {
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
    boolean countError(String what) {
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

    void close(boolean graceful, String reason) {
        if (terminated) {
            return;
        }
        terminated = true;
        DataSender s = sender;
        if (s != null && LOG.isDebugEnabled()) {
            LOG.debug("association closing: {} packets sent, {} retransmissions ({} fast, {} tail loss probes), {} T3-rtx "
                    + "expiries, cwnd {}, srtt {} us", packetsSent, s.retransmissions(), s.fastRetransmits(),
                    s.tailLossProbes(), retransmissionTimeouts, s.cwnd(), rto.srttNanos() / 1000);
        }
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
}
