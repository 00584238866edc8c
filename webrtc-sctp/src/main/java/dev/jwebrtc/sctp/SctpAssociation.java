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
public final class SctpAssociation extends AssociationCore {

    /**
     * @param random source of the verification tag, the initial TSN and the cookie secret (inject a seeded one in
     *        tests, a {@code SecureRandom} in production)
     */
    public SctpAssociation(SctpConfig config, RandomGenerator random) {
        super(config, random);
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

    /**
     * Weight of a stream in the send scheduler (weighted fair queueing between streams, message by message); the
     * data-channel priorities of RFC 8831 §6.4 (128, 256, 512, 1024) are used as weights. Default 256.
     */
    public void setStreamPriority(int streamId, int priority) {
        if (priority < 1) {
            throw new IllegalArgumentException("priority of stream " + streamId + " must be positive: " + priority);
        }
        queue.setPriority(streamId, priority);
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
            if (heartbeat.outstanding() && countError("heartbeat unanswered")) {
                return;
            }
            control.add(new Control(heartbeat.next(nowNanos, rto.rtoNanos()), peerTag, false));
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
        Chunk forward = s.takeForwardTsn();
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
        SctpEvent e = events.poll();
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
                receiver == null ? 0 : receiver.chunksDropped(), messagesSent, events.messagesReceived(),
                s == null ? 0 : s.retransmissions(), s == null ? 0 : s.fastRetransmits(), retransmissionTimeouts,
                s == null ? 0 : s.abandonedMessages(), s == null ? 0 : s.cwnd(), s == null ? 0 : s.ssthresh(),
                s == null ? 0 : s.flightSize(), s == null ? 0 : s.outstandingChunks(), s == null ? 0 : s.peerRwnd(), rto.rtoNanos(), rto.srttNanos(),
                s == null ? 0 : s.tailLossProbes());
    }
}
