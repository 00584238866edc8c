package dev.jwebrtc.sctp.internal;

import dev.jwebrtc.sctp.chunk.Chunk;
import dev.jwebrtc.sctp.chunk.DataChunk;
import dev.jwebrtc.sctp.chunk.IDataChunk;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * Messages waiting to be sent, per stream, and their fragmentation into DATA chunks (RFC 9260 §6.9). Streams take
 * turns message by message, weighted by priority (weighted fair queueing as in RFC 8260 §3.6, with the data-channel
 * priority of RFC 8831 §6.4 as the weight; equal weights give round robin); once a message has started, its
 * fragments go out back to back because DATA fragments need consecutive TSNs. Keeps the buffered amount (unsent
 * bytes) per stream and in total, with low-threshold notifications.
 */
public final class SendQueue {

    /** One fragment cut from a message: the chunk (DATA or I-DATA) and what it belongs to. */
    public record Fragment(Chunk chunk, OutgoingMessage message, int length) {}

    private static final class OutStream {
        final int id;
        final ArrayDeque<OutgoingMessage> messages = new ArrayDeque<>();
        int nextSsn;
        long nextMid;
        long nextUnorderedMid;
        long buffered;
        long lowThreshold;
        boolean queued;
        boolean closing;
        int weight = 256;
        double virtualTime;
        long order;

        OutStream(int id) {
            this.id = id;
        }
    }

    private final AssociationListener listener;
    private final Map<Integer, OutStream> streams = new HashMap<>();
    private final PriorityQueue<OutStream> ready = new PriorityQueue<>(
            Comparator.comparingDouble((OutStream s) -> s.virtualTime).thenComparingLong(s -> s.order));
    private double virtualClock;
    private long nextOrder;
    private @Nullable OutStream current;
    private long totalBuffered;
    private long totalLowThreshold;
    private long expiredUnsent;
    private boolean interleaved;

    public SendQueue(AssociationListener listener) {
        this.listener = listener;
    }

    private OutStream stream(int id) {
        return streams.computeIfAbsent(id, OutStream::new);
    }

    public void add(OutgoingMessage m) {
        OutStream s = stream(m.streamId);
        s.messages.addLast(m);
        s.buffered += m.data.length;
        totalBuffered += m.data.length;
        if (!s.queued && s != current) {
            s.virtualTime = Math.max(s.virtualTime, virtualClock); // an idle stream earns no credit
            enqueue(s);
        }
    }

    private void enqueue(OutStream s) {
        s.queued = true;
        s.order = nextOrder++;
        ready.add(s);
    }

    public boolean hasData() {
        return current != null || !ready.isEmpty();
    }

    /**
     * RFC 8260: cut I-DATA instead of DATA. Streams then take turns fragment by fragment, so one large message no
     * longer holds back the others.
     */
    public void useIData() {
        interleaved = true;
    }

    public boolean interleaved() {
        return interleaved;
    }

    /** Sets a stream's scheduling weight (the data-channel priority: 128, 256, 512, 1024; at least 1). */
    public void setPriority(int streamId, int weight) {
        stream(streamId).weight = Math.max(1, weight);
    }

    public long bufferedAmount(int streamId) {
        OutStream s = streams.get(streamId);
        return s == null ? 0 : s.buffered;
    }

    public long totalBufferedAmount() {
        return totalBuffered;
    }

    public void setLowThreshold(int streamId, long bytes) {
        stream(streamId).lowThreshold = bytes;
    }

    public void setTotalLowThreshold(long bytes) {
        totalLowThreshold = bytes;
    }

    /** Messages dropped before their first fragment was sent because their lifetime ran out. */
    public long expiredUnsent() {
        return expiredUnsent;
    }

    /** Marks a stream as closing: the association refuses new messages on it until the reset completes. */
    public void setClosing(int streamId, boolean closing) {
        stream(streamId).closing = closing;
    }

    public boolean isClosing(int streamId) {
        OutStream s = streams.get(streamId);
        return s != null && s.closing;
    }

    /** Whether nothing of this stream waits to be sent (the reset request may go out). */
    public boolean isDrained(int streamId) {
        OutStream s = streams.get(streamId);
        return s == null || (s.messages.isEmpty() && s != current);
    }

    /** RFC 6525 §5.1.2: after an outgoing reset, the stream's SSN (or MIDs, RFC 8260 §2.3.2) start again at 0. */
    public void resetSsn(int streamId) {
        OutStream s = stream(streamId);
        s.nextSsn = 0;
        s.nextMid = 0;
        s.nextUnorderedMid = 0;
    }

    /** Payload length of the next fragment, or 0 when nothing is queued (expired messages are dropped first). */
    public int nextFragmentLength(int maxPayload, long nowNanos) {
        OutgoingMessage m = peek(nowNanos);
        return m == null ? 0 : Math.min(maxPayload, m.remaining());
    }

    private @Nullable OutgoingMessage peek(long nowNanos) {
        if (current != null) {
            return current.messages.peekFirst();
        }
        while (!ready.isEmpty()) {
            OutStream s = ready.peek();
            OutgoingMessage m = s.messages.peekFirst();
            // RFC 3758 §3.5: a message whose lifetime ended before any of it was sent is dropped without a TSN.
            while (m != null && m.offset == 0 && nowNanos >= m.expiresAtNanos) {
                s.messages.pollFirst();
                m.abandoned = true;
                expiredUnsent++;
                consumed(s, m.data.length);
                m = s.messages.peekFirst();
            }
            if (m != null) {
                return m;
            }
            ready.poll();
            s.queued = false;
        }
        return null;
    }

    /** Cuts the next fragment and gives it the TSN; null when nothing is queued. */
    public @Nullable Fragment nextFragment(long wireTsn, int maxPayload, long nowNanos) {
        OutgoingMessage m = peek(nowNanos);
        if (m == null) {
            return null;
        }
        if (interleaved) {
            return nextInterleaved(wireTsn, maxPayload, m);
        }
        OutStream s;
        if (current == null) {
            s = ready.poll();
            s.queued = false;
            current = s;
            virtualClock = s.virtualTime;
            if (!m.unordered) {
                m.ssn = s.nextSsn;
                s.nextSsn = (s.nextSsn + 1) & 0xFFFF;
            }
        } else {
            s = current;
        }
        int length = Math.min(maxPayload, m.remaining());
        boolean beginning = m.offset == 0;
        byte[] payload = cut(m, length);
        boolean ending = m.remaining() == 0;
        if (ending) {
            finishCurrent(s);
        }
        consumed(s, length);
        return new Fragment(new DataChunk(false, m.unordered, beginning, ending, wireTsn, s.id,
                m.unordered ? 0 : m.ssn, m.ppid, payload), m, length);
    }

    private static byte[] cut(OutgoingMessage m, int length) {
        byte[] payload = m.offset == 0 && length == m.data.length ? m.data
                : Arrays.copyOfRange(m.data, m.offset, m.offset + length);
        m.offset += length;
        return payload;
    }

    // RFC 8260 §2.1: MID per stream (ordered and unordered counted apart), FSN per fragment, PPID in the first.
    private Fragment nextInterleaved(long wireTsn, int maxPayload, OutgoingMessage m) {
        OutStream s = ready.poll();
        s.queued = false;
        virtualClock = s.virtualTime;
        boolean beginning = m.offset == 0;
        if (beginning) {
            if (m.unordered) {
                m.mid = s.nextUnorderedMid;
                s.nextUnorderedMid = (s.nextUnorderedMid + 1) & 0xFFFF_FFFFL;
            } else {
                m.mid = s.nextMid;
                s.nextMid = (s.nextMid + 1) & 0xFFFF_FFFFL;
            }
            m.fsn = 0;
        }
        int length = Math.min(maxPayload, m.remaining());
        long fsn = m.fsn++;
        byte[] payload = cut(m, length);
        boolean ending = m.remaining() == 0;
        s.virtualTime += (double) length / s.weight;
        if (ending) {
            s.messages.pollFirst();
        }
        if (!s.messages.isEmpty()) {
            enqueue(s);
        }
        consumed(s, length);
        return new Fragment(new IDataChunk(false, m.unordered, beginning, ending, wireTsn, s.id, m.mid,
                beginning ? m.ppid & 0xFFFF_FFFFL : fsn, payload), m, length);
    }

    private void finishCurrent(OutStream s) {
        OutgoingMessage done = s.messages.pollFirst();
        current = null;
        s.virtualTime += (double) (done == null ? 0 : done.data.length) / s.weight;
        if (!s.messages.isEmpty()) {
            enqueue(s);
        }
    }

    /** RFC 3758 §3.5: an abandoned message that is partly sent loses its unsent rest too. */
    public void discardRest(OutgoingMessage m) {
        if (interleaved) {
            OutStream s = streams.get(m.streamId);
            if (s != null && s.messages.peekFirst() == m && m.offset > 0) {
                int rest = m.remaining();
                m.offset = m.data.length;
                s.messages.pollFirst();
                consumed(s, rest);
            }
            return;
        }
        if (current == null || current.messages.peekFirst() != m) {
            return;
        }
        OutStream s = current;
        int rest = m.remaining();
        m.offset = m.data.length;
        finishCurrent(s);
        consumed(s, rest);
    }

    private void consumed(OutStream s, long bytes) {
        if (bytes == 0) {
            return;
        }
        long before = s.buffered;
        s.buffered -= bytes;
        if (before > s.lowThreshold && s.buffered <= s.lowThreshold) {
            listener.bufferedAmountLow(s.id);
        }
        long totalBefore = totalBuffered;
        totalBuffered -= bytes;
        if (totalBefore > totalLowThreshold && totalBuffered <= totalLowThreshold) {
            listener.totalBufferedAmountLow();
        }
    }
}
