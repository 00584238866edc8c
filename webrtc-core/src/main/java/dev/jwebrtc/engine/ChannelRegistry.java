package dev.jwebrtc.engine;

import dev.jwebrtc.RTCDataChannelInit;
import dev.jwebrtc.RTCErrorType;
import dev.jwebrtc.RTCException;
import dev.jwebrtc.sctp.dcep.ChannelType;
import dev.jwebrtc.sctp.dcep.DataChannel;
import dev.jwebrtc.sctp.dcep.DataChannelEvent;
import dev.jwebrtc.sctp.dcep.DataChannelOptions;
import dev.jwebrtc.sctp.dcep.DataChannels;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import org.jspecify.annotations.Nullable;

/**
 * The engine's data channels by handle. A channel created before the SCTP association is up waits here and is
 * opened (its stream id chosen by DTLS role, RFC 8832 §6) when the association connects; a remote channel gets a
 * handle when its DATA_CHANNEL_OPEN arrives.
 */
final class ChannelRegistry {

    private static final class Entry {
        final int handle;
        final DataChannelOptions options;
        @Nullable Integer id;
        boolean open;
        long lowThreshold;

        Entry(int handle, DataChannelOptions options) {
            this.handle = handle;
            this.options = options;
        }
    }

    private final Queue<EngineEvent> events;
    private final Map<Integer, Entry> byHandle = new LinkedHashMap<>();
    private final Map<Integer, Entry> byId = new HashMap<>();
    private @Nullable DataChannels dcep;
    private int nextHandle = 1;

    ChannelRegistry(Queue<EngineEvent> events) {
        this.events = events;
    }

    int count() {
        return byHandle.size();
    }

    int create(long nowNanos, String label, RTCDataChannelInit init) {
        DataChannelOptions options = new DataChannelOptions(label, init.protocol(), init.ordered(),
                init.maxRetransmits(), init.maxPacketLifeTime(), init.negotiated(), init.id(),
                DataChannelOptions.PRIORITY_NORMAL);
        if (init.id() != null && byId.containsKey(init.id())) {
            throw new RTCException(RTCErrorType.OPERATION, "data channel id " + init.id() + " is in use");
        }
        Entry entry = new Entry(nextHandle++, options);
        byHandle.put(entry.handle, entry);
        if (dcep != null) {
            open(nowNanos, entry);
        }
        return entry.handle;
    }

    /** The association is up: open every channel created so far. */
    void transportReady(long nowNanos, DataChannels channels) {
        this.dcep = channels;
        for (Entry entry : new ArrayList<>(byHandle.values())) {
            if (!entry.open) {
                open(nowNanos, entry);
            }
        }
    }

    private void open(long nowNanos, Entry entry) {
        try {
            DataChannel channel = dcep.open(nowNanos, entry.options);
            entry.id = channel.id();
            entry.open = true;
            byId.put(channel.id(), entry);
            if (entry.lowThreshold > 0) {
                dcep.setBufferedAmountLowThreshold(channel.id(), entry.lowThreshold);
            }
            events.add(new EngineEvent.DataChannelOpen(entry.handle, channel.id()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            byHandle.remove(entry.handle);
            events.add(new EngineEvent.DataChannelError(entry.handle, e.getMessage()));
            events.add(new EngineEvent.DataChannelClosed(entry.handle));
        }
    }

    boolean sendText(long nowNanos, int handle, String text) {
        Entry entry = openEntry(handle);
        return dcep.sendText(nowNanos, entry.id, text);
    }

    boolean sendBinary(long nowNanos, int handle, ByteBuffer data) {
        Entry entry = openEntry(handle);
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return dcep.sendBinary(nowNanos, entry.id, bytes);
    }

    private Entry openEntry(int handle) {
        Entry entry = byHandle.get(handle);
        if (entry == null || !entry.open || dcep == null) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "the data channel is not open");
        }
        return entry;
    }

    void close(long nowNanos, int handle) {
        Entry entry = byHandle.get(handle);
        if (entry == null) {
            return;
        }
        if (!entry.open || dcep == null) {
            byHandle.remove(handle);
            events.add(new EngineEvent.DataChannelClosed(handle));
            return;
        }
        events.add(new EngineEvent.DataChannelClosing(handle));
        dcep.close(nowNanos, entry.id);
    }

    long bufferedAmount(int handle) {
        Entry entry = byHandle.get(handle);
        return entry == null || entry.id == null || dcep == null ? 0 : dcep.bufferedAmount(entry.id);
    }

    void setBufferedAmountLowThreshold(int handle, long bytes) {
        Entry entry = byHandle.get(handle);
        if (entry == null) {
            return;
        }
        entry.lowThreshold = bytes;
        if (entry.id != null && dcep != null) {
            dcep.setBufferedAmountLowThreshold(entry.id, bytes);
        }
    }

    void onEvent(DataChannelEvent event) {
        if (event instanceof DataChannelEvent.RemoteChannelOpened opened) {
            DataChannel c = opened.channel();
            ChannelType type = c.type();
            boolean rexmit = type == ChannelType.PARTIAL_RELIABLE_REXMIT
                    || type == ChannelType.PARTIAL_RELIABLE_REXMIT_UNORDERED;
            boolean timed = type == ChannelType.PARTIAL_RELIABLE_TIMED
                    || type == ChannelType.PARTIAL_RELIABLE_TIMED_UNORDERED;
            Integer maxRetransmits = rexmit ? (int) c.reliability() : null;
            Integer lifetime = timed ? (int) c.reliability() : null;
            Entry entry = new Entry(nextHandle++, new DataChannelOptions(c.label(), c.protocol(),
                    !type.unordered(), maxRetransmits, lifetime, false, c.id(), c.priority()));
            entry.id = c.id();
            entry.open = true;
            byHandle.put(entry.handle, entry);
            byId.put(c.id(), entry);
            events.add(new EngineEvent.RemoteDataChannel(entry.handle, c.id(), c.label(), c.protocol(),
                    !type.unordered(), maxRetransmits, lifetime));
            events.add(new EngineEvent.DataChannelOpen(entry.handle, c.id()));
        } else if (event instanceof DataChannelEvent.Message message) {
            Entry entry = byId.get(message.id());
            if (entry != null) {
                events.add(new EngineEvent.DataChannelMessage(entry.handle, message.binary(), message.data()));
            }
        } else if (event instanceof DataChannelEvent.ChannelClosing closing) {
            Entry entry = byId.get(closing.id());
            if (entry != null) {
                events.add(new EngineEvent.DataChannelClosing(entry.handle));
            }
        } else if (event instanceof DataChannelEvent.ChannelClosed closed) {
            Entry entry = byId.remove(closed.id());
            if (entry != null) {
                byHandle.remove(entry.handle);
                events.add(new EngineEvent.DataChannelClosed(entry.handle));
            }
        } else if (event instanceof DataChannelEvent.BufferedAmountLow low) {
            Entry entry = byId.get(low.id());
            if (entry != null) {
                events.add(new EngineEvent.BufferedAmountLow(entry.handle));
            }
        }
        // ChannelAcked: the channel is already open on our side; Association events are the engine's.
    }

    /** Every channel fails (the transport failed under it). */
    void failAll(String reason) {
        for (Entry entry : byHandle.values()) {
            events.add(new EngineEvent.DataChannelError(entry.handle, reason));
            events.add(new EngineEvent.DataChannelClosed(entry.handle));
        }
        byHandle.clear();
        byId.clear();
    }

    /** Every channel is closed (the peer connection closed). */
    void closeAll() {
        for (Entry entry : byHandle.values()) {
            events.add(new EngineEvent.DataChannelClosed(entry.handle));
        }
        byHandle.clear();
        byId.clear();
    }
}
