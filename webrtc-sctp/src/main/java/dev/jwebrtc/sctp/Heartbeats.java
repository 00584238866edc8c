package dev.jwebrtc.sctp;

import dev.jwebrtc.sctp.chunk.HeartbeatAckChunk;
import dev.jwebrtc.sctp.chunk.HeartbeatChunk;
import dev.jwebrtc.sctp.chunk.HeartbeatInfoParameter;
import dev.jwebrtc.sctp.chunk.Parameter;
import dev.jwebrtc.sctp.internal.Timer;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Path heartbeats (RFC 9260 §8.3): one HEARTBEAT per interval plus RTO, carrying the send time and a nonce;
 * a matching HEARTBEAT ACK gives an RTT sample and proves the peer alive.
 */
final class Heartbeats {
    private final Timer timer = new Timer();
    private final RandomGenerator random;
    private final long intervalNanos;
    private long nonce;
    private boolean outstanding;

    Heartbeats(RandomGenerator random, long intervalNanos) {
        this.random = random;
        this.intervalNanos = intervalNanos;
    }

    void start(long nowNanos) {
        timer.start(nowNanos, intervalNanos);
    }

    void stop() {
        timer.stop();
    }

    long deadline() {
        return timer.deadline();
    }

    boolean expire(long nowNanos) {
        return timer.expire(nowNanos);
    }

    /** Whether the previous HEARTBEAT is still unanswered (an association error, §8.1). */
    boolean outstanding() {
        return outstanding;
    }

    HeartbeatChunk next(long nowNanos, long rtoNanos) {
        nonce = random.nextLong();
        outstanding = true;
        byte[] info = ByteBuffer.allocate(16).putLong(nowNanos).putLong(nonce).array();
        timer.start(nowNanos, intervalNanos + rtoNanos); // §8.3: interval plus RTO
        return new HeartbeatChunk(List.of(new HeartbeatInfoParameter(info)));
    }

    /** The RTT of the answered HEARTBEAT, or -1 if the ACK does not match the one outstanding. */
    long onAck(HeartbeatAckChunk ack, long nowNanos) {
        for (Parameter p : ack.parameters()) {
            if (p instanceof HeartbeatInfoParameter info && info.info().length == 16) {
                ByteBuffer b = ByteBuffer.wrap(info.info());
                long sentAt = b.getLong();
                if (b.getLong() == nonce && outstanding) {
                    outstanding = false;
                    return nowNanos - sentAt;
                }
            }
        }
        return -1;
    }
}
