package dev.jwebrtc.sctp.internal;

import dev.jwebrtc.sctp.chunk.IDataChunk;
import dev.jwebrtc.sctp.chunk.IForwardTsnChunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * I-DATA reassembly (RFC 8260 §2.1): fragments are grouped by stream, ordering and message identifier (MID) and
 * put in order by fragment sequence number (FSN), so fragments of different messages may interleave. Unordered
 * messages are delivered when complete, ordered ones per stream in MID order. I-FORWARD-TSN skips (§2.3) and
 * incoming stream resets (RFC 6525 §5.2.2) apply as for DATA.
 */
public final class InterleavedReassembly implements StreamResetTarget {
    private static final Logger LOG = LoggerFactory.getLogger(InterleavedReassembly.class);

    private record Key(int streamId, boolean unordered, long mid) {}

    private record Message(int streamId, int ppid, byte[] payload, long firstTsn, long mid) {}

    private static final class Partial {
        final TreeMap<Long, byte[]> parts = new TreeMap<>();
        long ppid = -1;
        long lastFsn = -1;
        long bytes;
        long firstTsn = Long.MAX_VALUE;
    }

    private static final class InboundStream {
        long nextMid;
        final TreeMap<Long, Message> ready = new TreeMap<>();
        long resetAfterTsn = Long.MIN_VALUE;
        final List<Message> held = new ArrayList<>();
    }

    private final AssociationListener listener;
    private final int maxMessageSize;
    private final Map<Key, Partial> partials = new HashMap<>();
    private final Map<Integer, InboundStream> streams = new HashMap<>();
    private long bufferedBytes;
    private long dropped;

    public InterleavedReassembly(AssociationListener listener, int maxMessageSize) {
        this.listener = listener;
        this.maxMessageSize = maxMessageSize;
    }

    public long bufferedBytes() {
        return bufferedBytes;
    }

    public long dropped() {
        return dropped;
    }

    private InboundStream stream(int id) {
        return streams.computeIfAbsent(id, k -> new InboundStream());
    }

    private long unwrapMid(int streamId, boolean unordered, long wireMid) {
        return unordered ? wireMid : Serial.unwrap32(stream(streamId).nextMid, wireMid);
    }

    /** Adds a new (not duplicate) I-DATA chunk with its unwrapped TSN. */
    public void add(long tsn, IDataChunk chunk) {
        long mid = unwrapMid(chunk.streamId(), chunk.unordered(), chunk.messageId());
        if (!chunk.unordered() && mid < stream(chunk.streamId()).nextMid) {
            dropped++; // a message already delivered or skipped
            return;
        }
        Key key = new Key(chunk.streamId(), chunk.unordered(), mid);
        Partial p = partials.computeIfAbsent(key, k -> new Partial());
        long fsn = chunk.beginning() ? 0 : chunk.ppidOrFsn();
        if (chunk.beginning()) {
            p.ppid = chunk.ppidOrFsn();
        }
        if (chunk.ending()) {
            p.lastFsn = fsn;
        }
        if (p.parts.put(fsn, chunk.payload()) == null) {
            p.bytes += chunk.payload().length;
            bufferedBytes += chunk.payload().length;
        }
        p.firstTsn = Math.min(p.firstTsn, tsn);
        if (p.bytes > maxMessageSize) {
            LOG.debug("I-DATA message on stream {} exceeds {} bytes; dropped", chunk.streamId(), maxMessageSize);
            remove(key);
            dropped++;
            return;
        }
        if (p.ppid >= 0 && p.lastFsn >= 0 && p.parts.size() == p.lastFsn + 1 && p.parts.lastKey() == p.lastFsn) {
            remove(key);
            byte[] payload = new byte[(int) p.bytes];
            int at = 0;
            for (byte[] part : p.parts.values()) {
                System.arraycopy(part, 0, payload, at, part.length);
                at += part.length;
            }
            Message m = new Message(key.streamId(), (int) p.ppid, payload, p.firstTsn, mid);
            if (key.unordered()) {
                listener.messageReceived(m.streamId(), m.ppid(), m.payload(), true);
            } else {
                queueOrdered(m);
            }
        }
    }

    private void remove(Key key) {
        Partial p = partials.remove(key);
        if (p != null) {
            bufferedBytes -= p.bytes;
        }
    }

    private void queueOrdered(Message m) {
        InboundStream s = stream(m.streamId());
        bufferedBytes += m.payload().length;
        if (s.resetAfterTsn != Long.MIN_VALUE && m.firstTsn() > s.resetAfterTsn) {
            s.held.add(m);
            return;
        }
        s.ready.put(m.mid(), m);
        deliverReady(m.streamId(), s);
    }

    private void deliverReady(int streamId, InboundStream s) {
        Map.Entry<Long, Message> e;
        while ((e = s.ready.firstEntry()) != null && e.getKey() == s.nextMid) {
            s.ready.pollFirstEntry();
            s.nextMid++;
            bufferedBytes -= e.getValue().payload().length;
            listener.messageReceived(streamId, e.getValue().ppid(), e.getValue().payload(), false);
        }
    }

    /** RFC 8260 §2.3.1: drops the skipped messages (and older ordered ones) and moves the expected MID past them. */
    public void forward(List<IForwardTsnChunk.Skip> skips) {
        for (IForwardTsnChunk.Skip skip : skips) {
            long mid = unwrapMid(skip.streamId(), skip.unordered(), skip.messageId());
            Iterator<Map.Entry<Key, Partial>> it = partials.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Key, Partial> e = it.next();
                Key k = e.getKey();
                if (k.streamId() == skip.streamId() && k.unordered() == skip.unordered()
                        && (skip.unordered() ? k.mid() == mid : k.mid() <= mid)) {
                    bufferedBytes -= e.getValue().bytes;
                    it.remove();
                }
            }
            if (skip.unordered()) {
                continue;
            }
            InboundStream s = stream(skip.streamId());
            if (mid < s.nextMid) {
                continue;
            }
            while (!s.ready.isEmpty() && s.ready.firstKey() <= mid) {
                Message m = s.ready.pollFirstEntry().getValue();
                bufferedBytes -= m.payload().length;
                listener.messageReceived(skip.streamId(), m.ppid(), m.payload(), false);
            }
            s.nextMid = mid + 1;
            deliverReady(skip.streamId(), s);
        }
    }

    @Override
    public void deferReset(List<Integer> streamIds, long lastTsn) {
        for (int id : streamIds) {
            stream(id).resetAfterTsn = lastTsn;
        }
    }

    @Override
    public void performReset(List<Integer> streamIds) {
        for (int id : streamIds) {
            InboundStream s = stream(id);
            for (Message m : s.ready.values()) {
                bufferedBytes -= m.payload().length;
            }
            s.ready.clear();
            s.nextMid = 0;
            s.resetAfterTsn = Long.MIN_VALUE;
            List<Message> held = new ArrayList<>(s.held);
            s.held.clear();
            for (Message m : held) {
                bufferedBytes -= m.payload().length;
                queueOrdered(new Message(m.streamId(), m.ppid(), m.payload(), m.firstTsn(), m.mid()));
            }
        }
    }
}
