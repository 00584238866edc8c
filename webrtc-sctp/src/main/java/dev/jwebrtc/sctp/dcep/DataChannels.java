package dev.jwebrtc.sctp.dcep;

import dev.jwebrtc.sctp.SctpAssociation;
import dev.jwebrtc.sctp.SctpEvent;
import dev.jwebrtc.sctp.SctpState;
import dev.jwebrtc.sctp.SendOptions;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data channels over one association (RFC 8831, RFC 8832): opening with DATA_CHANNEL_OPEN/ACK or pre-negotiated
 * ids, stream id parity by DTLS role (client even, server odd, RFC 8832 §6), message PPIDs including empty
 * messages and the deprecated partial PPIDs on receipt, and closing by resetting both directions of the stream
 * (RFC 8831 §6.7).
 *
 * <p>Sans-IO like the association beneath it: the driver still drains {@link SctpAssociation#pollTransmit()},
 * but reads events here through {@link #pollEvent(long)}, which translates the association's events.
 * Single-threaded. Malformed DCEP messages or data for unknown channels are dropped and counted.
 */
public final class DataChannels {
    private static final Logger LOG = LoggerFactory.getLogger(DataChannels.class);
    private static final byte[] EMPTY_MARKER = {0};

    private static final class Channel {
        final DataChannel info;
        boolean acked;
        boolean closing;
        boolean outgoingReset;
        boolean incomingReset;
        @Nullable ByteArrayOutputStream partial;

        Channel(DataChannel info, boolean acked) {
            this.info = info;
            this.acked = acked;
        }
    }

    private final SctpAssociation association;
    private final boolean dtlsClient;
    private final Map<Integer, Channel> channels = new HashMap<>();
    private final ArrayDeque<DataChannelEvent> pending = new ArrayDeque<>();
    private int nextId;
    private long dropped;

    /** @param dtlsClient our DTLS role: the client opens even stream ids, the server odd ones (RFC 8832 §6) */
    public DataChannels(SctpAssociation association, boolean dtlsClient) {
        this.association = association;
        this.dtlsClient = dtlsClient;
        this.nextId = dtlsClient ? 0 : 1;
    }

    public SctpAssociation association() {
        return association;
    }

    /** Messages and DCEP payloads dropped because they were malformed or for no known channel. */
    public long dropped() {
        return dropped;
    }

    public Optional<DataChannel> channel(int id) {
        Channel c = channels.get(id);
        return c == null ? Optional.empty() : Optional.of(c.info);
    }

    public int openChannelCount() {
        return channels.size();
    }

    /**
     * Creates a channel: sends DATA_CHANNEL_OPEN unless negotiated. The channel is usable at once; messages sent
     * before the peer's ACK go out ordered (RFC 8832 §6).
     */
    public DataChannel open(long nowNanos, DataChannelOptions options) {
        int id = options.id() != null ? options.id() : allocateId();
        if (id >= association.outboundStreams()) {
            throw new IllegalArgumentException("data channel id " + id + " exceeds the negotiated "
                    + association.outboundStreams() + " streams");
        }
        if (channels.containsKey(id)) {
            throw new IllegalStateException("data channel id " + id + " is in use");
        }
        ChannelType type = options.channelType();
        long reliability = options.maxRetransmits() != null ? options.maxRetransmits()
                : options.maxPacketLifeTimeMillis() != null ? options.maxPacketLifeTimeMillis() : 0;
        DataChannel info = new DataChannel(id, options.label(), options.protocol(), type, reliability,
                options.priority(), options.negotiated());
        channels.put(id, new Channel(info, options.negotiated()));
        association.setStreamPriority(id, Math.max(1, options.priority()));
        if (!options.negotiated()) {
            byte[] open = new DcepMessage.Open(type, options.priority(), reliability, options.label(),
                    options.protocol()).encode();
            association.send(nowNanos, id, Ppid.DCEP, ByteBuffer.wrap(open), SendOptions.RELIABLE);
        }
        return info;
    }

    private int allocateId() {
        int limit = Math.min(association.outboundStreams(), 65535);
        for (int tries = 0; tries < limit / 2 + 1; tries++) {
            int id = nextId;
            nextId += 2;
            if (nextId >= limit) {
                nextId = dtlsClient ? 0 : 1;
            }
            if (id < limit && !channels.containsKey(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free data channel id of " + (dtlsClient ? "even" : "odd") + " parity");
    }

    /** Sends a text message (PPID 51, or 56 when empty). Returns false when the send buffer is full. */
    public boolean sendText(long nowNanos, int id, String text) {
        return send(nowNanos, id, text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Sends a binary message (PPID 53, or 57 when empty). Returns false when the send buffer is full. */
    public boolean sendBinary(long nowNanos, int id, byte[] data) {
        return send(nowNanos, id, data, true);
    }

    private boolean send(long nowNanos, int id, byte[] data, boolean binary) {
        Channel c = channels.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no data channel with id " + id);
        }
        if (c.closing) {
            throw new IllegalStateException("data channel " + id + " is closing");
        }
        int ppid;
        byte[] payload = data;
        if (data.length == 0) {
            ppid = binary ? Ppid.BINARY_EMPTY : Ppid.STRING_EMPTY; // RFC 8831 §6.6: one byte on the wire
            payload = EMPTY_MARKER;
        } else {
            ppid = binary ? Ppid.BINARY : Ppid.STRING;
        }
        return association.send(nowNanos, id, ppid, ByteBuffer.wrap(payload), options(c));
    }

    private static SendOptions options(Channel c) {
        boolean unordered = c.acked && c.info.type().unordered();
        return switch (c.info.type()) {
            case PARTIAL_RELIABLE_REXMIT, PARTIAL_RELIABLE_REXMIT_UNORDERED ->
                    SendOptions.maxRetransmits(unordered, (int) Math.min(c.info.reliability(), Integer.MAX_VALUE));
            case PARTIAL_RELIABLE_TIMED, PARTIAL_RELIABLE_TIMED_UNORDERED ->
                    SendOptions.lifetime(unordered, Duration.ofMillis(c.info.reliability()));
            default -> unordered ? SendOptions.UNORDERED : SendOptions.RELIABLE;
        };
    }

    public long bufferedAmount(int id) {
        return association.bufferedAmount(id);
    }

    public void setBufferedAmountLowThreshold(int id, long bytes) {
        association.setBufferedAmountLowThreshold(id, bytes);
    }

    /** RFC 8831 §6.7: closes by resetting our outgoing stream; the peer answers by resetting its own. */
    public void close(long nowNanos, int id) {
        Channel c = channels.get(id);
        if (c == null || c.closing) {
            return;
        }
        c.closing = true;
        resetOutgoing(nowNanos, c);
    }

    private void resetOutgoing(long nowNanos, Channel c) {
        if (association.state() == SctpState.ESTABLISHED) {
            association.resetStreams(nowNanos, List.of(c.info.id()));
        }
    }

    /**
     * The next data-channel event, translating association events; null when there is none. Answering a
     * DATA_CHANNEL_OPEN or a peer's stream reset queues packets: keep draining {@code pollTransmit} and this method
     * until both return null.
     */
    public @Nullable DataChannelEvent pollEvent(long nowNanos) {
        while (pending.isEmpty()) {
            SctpEvent e = association.pollEvent();
            if (e == null) {
                return null;
            }
            translate(nowNanos, e);
        }
        return pending.pollFirst();
    }

    private void translate(long nowNanos, SctpEvent e) {
        if (e instanceof SctpEvent.MessageReceived m) {
            onMessage(nowNanos, m);
        } else if (e instanceof SctpEvent.IncomingStreamsReset r) {
            for (int id : r.streamIds()) {
                Channel c = channels.get(id);
                if (c == null) {
                    continue;
                }
                c.incomingReset = true;
                if (!c.closing) {
                    c.closing = true;
                    pending.add(new DataChannelEvent.ChannelClosing(id));
                    resetOutgoing(nowNanos, c);
                }
                maybeClosed(c);
            }
        } else if (e instanceof SctpEvent.OutgoingStreamsReset r) {
            for (int id : r.streamIds()) {
                Channel c = channels.get(id);
                if (c != null) {
                    c.outgoingReset = true;
                    maybeClosed(c);
                }
            }
        } else if (e instanceof SctpEvent.BufferedAmountLow low && channels.containsKey(low.streamId())) {
            pending.add(new DataChannelEvent.BufferedAmountLow(low.streamId()));
        } else {
            pending.add(new DataChannelEvent.Association(e));
        }
    }

    private void maybeClosed(Channel c) {
        if (c.incomingReset && c.outgoingReset) {
            channels.remove(c.info.id());
            pending.add(new DataChannelEvent.ChannelClosed(c.info.id()));
        }
    }

    private void onMessage(long nowNanos, SctpEvent.MessageReceived m) {
        int id = m.streamId();
        if (m.ppid() == Ppid.DCEP) {
            onDcep(nowNanos, id, m.payload());
            return;
        }
        Channel c = channels.get(id);
        if (c == null) {
            drop("data on stream " + id + " without a channel");
            return;
        }
        // RFC 8832 §6: the first user message on a channel we accepted implies the ACK was received.
        c.acked = true;
        switch (m.ppid()) {
            case Ppid.STRING, Ppid.BINARY -> pending.add(new DataChannelEvent.Message(id, m.ppid() == Ppid.BINARY,
                    joinPartial(c, m.payload())));
            case Ppid.STRING_EMPTY, Ppid.BINARY_EMPTY ->
                    pending.add(new DataChannelEvent.Message(id, m.ppid() == Ppid.BINARY_EMPTY, new byte[0]));
            case Ppid.STRING_PARTIAL, Ppid.BINARY_PARTIAL -> {
                // Deprecated (RFC 8831 §8): parts of one message; the last part carries PPID 51 or 53.
                if (c.partial == null) {
                    c.partial = new ByteArrayOutputStream();
                }
                c.partial.writeBytes(m.payload());
            }
            default -> drop("unknown PPID " + m.ppid() + " on stream " + id);
        }
    }

    private static byte[] joinPartial(Channel c, byte[] last) {
        ByteArrayOutputStream partial = c.partial;
        if (partial == null) {
            return last;
        }
        c.partial = null;
        partial.writeBytes(last);
        return partial.toByteArray();
    }

    private void onDcep(long nowNanos, int id, byte[] payload) {
        DcepMessage msg = DcepMessage.decode(payload);
        if (msg instanceof DcepMessage.Open open) {
            if (channels.containsKey(id)) {
                drop("DATA_CHANNEL_OPEN for stream " + id + ", which is in use");
                return;
            }
            DataChannel info = new DataChannel(id, open.label(), open.protocol(), open.channelType(),
                    open.reliability(), open.priority(), false);
            channels.put(id, new Channel(info, true));
            association.setStreamPriority(id, Math.max(1, open.priority()));
            // RFC 8832 §6: answer on the same stream with DATA_CHANNEL_ACK.
            association.send(nowNanos, id, Ppid.DCEP, ByteBuffer.wrap(new DcepMessage.Ack().encode()),
                    SendOptions.RELIABLE);
            pending.add(new DataChannelEvent.RemoteChannelOpened(info));
        } else if (msg instanceof DcepMessage.Ack) {
            Channel c = channels.get(id);
            if (c == null) {
                drop("DATA_CHANNEL_ACK for unknown stream " + id);
                return;
            }
            c.acked = true;
            pending.add(new DataChannelEvent.ChannelAcked(id));
        } else {
            drop("malformed DCEP message on stream " + id);
        }
    }

    private void drop(String what) {
        dropped++;
        LOG.debug("data channels: dropped {}", what);
    }
}
