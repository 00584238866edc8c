package dev.jwebrtc.sctp.internal;

import dev.jwebrtc.sctp.chunk.DataChunk;
import dev.jwebrtc.sctp.chunk.ForwardTsnChunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns received DATA chunks into user messages (RFC 9260 §6.5, §6.6, §6.9): fragments are joined by consecutive
 * TSNs from a B chunk to an E chunk; unordered messages are delivered at once, ordered ones per stream in SSN order.
 * Also applies FORWARD TSN skips (RFC 3758 §3.6) and incoming stream resets (RFC 6525 §5.2.2), holding back
 * messages sent after a deferred reset point.
 *
 * <p>{@link #bufferedBytes()} counts everything held here; the association subtracts it from its window.
 */
public final class Reassembly implements StreamResetTarget {
    private static final Logger LOG = LoggerFactory.getLogger(Reassembly.class);

    /** A complete message waiting for its turn on an ordered stream. */
    private record Message(int streamId, int ppid, byte[] payload, boolean unordered, long firstTsn, int ssn) {}

    private static final class InboundStream {
        long nextSsn;
        final TreeMap<Long, Message> ready = new TreeMap<>();
        long resetAfterTsn = Long.MIN_VALUE;
        final List<Message> heldForReset = new ArrayList<>();
    }

    private final AssociationListener listener;
    private final int maxMessageSize;
    private final TreeMap<Long, DataChunk> fragments = new TreeMap<>();
    private final Map<Integer, InboundStream> streams = new HashMap<>();
    private long bufferedBytes;
    private long oversizedMessages;

    public Reassembly(AssociationListener listener, int maxMessageSize) {
        this.listener = listener;
        this.maxMessageSize = maxMessageSize;
    }

    public long bufferedBytes() {
        return bufferedBytes;
    }

    public long oversizedMessages() {
        return oversizedMessages;
    }

    private InboundStream stream(int id) {
        return streams.computeIfAbsent(id, k -> new InboundStream());
    }

    /** Adds a new (not duplicate) chunk with its unwrapped TSN. */
    public void add(long tsn, DataChunk chunk) {
        if (chunk.beginning() && chunk.ending()) {
            complete(new Message(chunk.streamId(), chunk.ppid(), chunk.payload(), chunk.unordered(), tsn, chunk.ssn()));
            return;
        }
        fragments.put(tsn, chunk);
        bufferedBytes += chunk.payload().length;
        tryAssemble(tsn);
    }

    // RFC 9260 §6.9: the fragments of one message carry consecutive TSNs, B on the first and E on the last.
    private void tryAssemble(long tsn) {
        // Forward first: with fragments arriving in order, the newest one has no successor yet, so this is O(1).
        long last = tsn;
        DataChunk c = fragments.get(last);
        while (c != null && !c.ending()) {
            c = fragments.get(last + 1);
            if (c == null) {
                return;
            }
            last++;
        }
        long first = tsn;
        c = fragments.get(first);
        while (c != null && !c.beginning()) {
            c = fragments.get(first - 1);
            if (c == null) {
                return;
            }
            first--;
        }
        DataChunk head = fragments.get(first);
        long size = 0;
        for (long t = first; t <= last; t++) {
            DataChunk f = fragments.get(t);
            if (f.streamId() != head.streamId() || f.unordered() != head.unordered()
                    || (!head.unordered() && f.ssn() != head.ssn()) || (t > first && f.beginning())) {
                LOG.debug("fragments {}..{} disagree on stream/ssn/flags; dropping them", first, last);
                removeRange(first, last);
                return;
            }
            size += f.payload().length;
        }
        if (size > maxMessageSize) {
            LOG.debug("message of {} bytes on stream {} exceeds the maximum {}; dropped", size, head.streamId(),
                    maxMessageSize);
            oversizedMessages++;
            removeRange(first, last);
            return;
        }
        byte[] payload = new byte[(int) size];
        int at = 0;
        for (long t = first; t <= last; t++) {
            byte[] part = fragments.remove(t).payload();
            System.arraycopy(part, 0, payload, at, part.length);
            at += part.length;
        }
        bufferedBytes -= size;
        complete(new Message(head.streamId(), head.ppid(), payload, head.unordered(), first, head.ssn()));
    }

    private void removeRange(long first, long last) {
        for (long t = first; t <= last; t++) {
            DataChunk f = fragments.remove(t);
            if (f != null) {
                bufferedBytes -= f.payload().length;
            }
        }
    }

    private void complete(Message m) {
        if (m.unordered()) {
            listener.messageReceived(m.streamId(), m.ppid(), m.payload(), true);
            return;
        }
        InboundStream s = stream(m.streamId());
        bufferedBytes += m.payload().length;
        if (s.resetAfterTsn != Long.MIN_VALUE && m.firstTsn() > s.resetAfterTsn) {
            // RFC 6525 §5.2.2: data sent after the peer's reset point waits until the reset is performed.
            s.heldForReset.add(m);
            return;
        }
        long ssn = Serial.unwrap16(s.nextSsn, m.ssn());
        if (ssn < s.nextSsn) {
            LOG.debug("stale ordered message ssn {} on stream {}; dropped", ssn, m.streamId());
            bufferedBytes -= m.payload().length;
            return;
        }
        s.ready.put(ssn, m);
        deliverReady(m.streamId(), s);
    }

    private void deliverReady(int streamId, InboundStream s) {
        Map.Entry<Long, Message> e;
        while ((e = s.ready.firstEntry()) != null && e.getKey() == s.nextSsn) {
            s.ready.pollFirstEntry();
            s.nextSsn++;
            bufferedBytes -= e.getValue().payload().length;
            listener.messageReceived(streamId, e.getValue().ppid(), e.getValue().payload(), false);
        }
    }

    /**
     * RFC 3758 §3.6: drops fragments up to {@code newCumulative}, then, per listed ordered stream, delivers what is
     * complete up to the skipped SSN and moves the expected SSN past it.
     */
    public void forwardTsn(long newCumulative, List<ForwardTsnChunk.StreamSsn> skipped) {
        Iterator<Map.Entry<Long, DataChunk>> it = fragments.headMap(newCumulative, true).entrySet().iterator();
        while (it.hasNext()) {
            bufferedBytes -= it.next().getValue().payload().length;
            it.remove();
        }
        for (ForwardTsnChunk.StreamSsn skip : skipped) {
            InboundStream s = stream(skip.streamId());
            long ssn = Serial.unwrap16(s.nextSsn, skip.ssn());
            if (ssn < s.nextSsn) {
                continue;
            }
            while (!s.ready.isEmpty() && s.ready.firstKey() <= ssn) {
                Map.Entry<Long, Message> e = s.ready.pollFirstEntry();
                bufferedBytes -= e.getValue().payload().length;
                listener.messageReceived(skip.streamId(), e.getValue().ppid(), e.getValue().payload(), false);
            }
            s.nextSsn = ssn + 1;
            deliverReady(skip.streamId(), s);
        }
    }

    /** RFC 6525 §5.2.2: the peer resets these streams once everything up to {@code lastTsn} has arrived. */
    @Override
    public void deferReset(List<Integer> streamIds, long lastTsn) {
        for (int id : streamIds) {
            stream(id).resetAfterTsn = lastTsn;
        }
    }

    /** RFC 6525 §5.2.2: performs the reset: the next expected SSN becomes 0; held messages are replayed. */
    @Override
    public void performReset(List<Integer> streamIds) {
        for (int id : streamIds) {
            InboundStream s = stream(id);
            for (Message m : s.ready.values()) {
                bufferedBytes -= m.payload().length;
            }
            s.ready.clear();
            s.nextSsn = 0;
            s.resetAfterTsn = Long.MIN_VALUE;
            List<Message> held = new ArrayList<>(s.heldForReset);
            s.heldForReset.clear();
            for (Message m : held) {
                bufferedBytes -= m.payload().length;
                complete(m);
            }
        }
    }
}
