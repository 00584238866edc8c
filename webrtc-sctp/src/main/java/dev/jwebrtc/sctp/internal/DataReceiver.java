package dev.jwebrtc.sctp.internal;

import dev.jwebrtc.sctp.chunk.DataChunk;
import dev.jwebrtc.sctp.chunk.ForwardTsnChunk;
import dev.jwebrtc.sctp.chunk.IDataChunk;
import dev.jwebrtc.sctp.chunk.IForwardTsnChunk;
import dev.jwebrtc.sctp.chunk.SackChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving half of the data path: duplicate detection, the receive window (RFC 9260 §6.2), reassembly and
 * SACK timing (§6.2: at least every second packet with DATA, within the delayed-ack timeout, at once on gaps,
 * duplicates or the I bit, RFC 7053), FORWARD TSN (RFC 3758 §3.6) and window updates when the reader catches up.
 *
 * <p>Messages handed to the application but not yet polled still count against the window, so a slow reader
 * closes the window and the sender stops: memory stays bounded by the window.
 */
public final class DataReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(DataReceiver.class);
    /** Gap ack blocks are 16-bit offsets (RFC 9260 §3.3.4): TSNs further ahead cannot be reported. */
    private static final long MAX_TSN_AHEAD = 0xFFFF;

    private final ReceivedTsns tsns;
    private final Reassembly reassembly;
    private final InterleavedReassembly interleavedReassembly;
    private final boolean interleaved;
    private final int receiveWindow;
    private final long delayedAckNanos;
    private final int inboundStreams;
    private final Timer delayedAck = new Timer();
    private boolean sackNow;
    private int dataPacketsSinceSack;
    private boolean packetHadData;
    private long undeliveredBytes;
    private long lastAdvertisedWindow;
    private long chunksDropped;

    public DataReceiver(AssociationListener listener, long peerInitialTsn, int receiveWindow, int maxMessageSize,
            long delayedAckNanos, int inboundStreams, boolean interleaved) {
        this.tsns = new ReceivedTsns(peerInitialTsn);
        AssociationListener counting = new CountingListener(listener);
        this.reassembly = new Reassembly(counting, maxMessageSize);
        this.interleavedReassembly = new InterleavedReassembly(counting, maxMessageSize);
        this.interleaved = interleaved;
        this.receiveWindow = receiveWindow;
        this.delayedAckNanos = delayedAckNanos;
        this.inboundStreams = inboundStreams;
        this.lastAdvertisedWindow = receiveWindow;
    }

    public ReceivedTsns tsns() {
        return tsns;
    }

    /** Whether the peer sends I-DATA (RFC 8260) instead of DATA. */
    public boolean interleaved() {
        return interleaved;
    }

    /** Where incoming stream resets act. */
    public StreamResetTarget resetTarget() {
        return interleaved ? interleavedReassembly : reassembly;
    }

    public long chunksDropped() {
        return chunksDropped + reassembly.oversizedMessages() + interleavedReassembly.dropped();
    }

    /** The window to advertise: the buffer minus everything held or waiting for the reader. */
    public long window() {
        return Math.max(0, receiveWindow - held());
    }

    private long held() {
        return reassembly.bufferedBytes() + interleavedReassembly.bufferedBytes() + undeliveredBytes;
    }

    /** RFC 9260 §6.2: processes one DATA chunk. */
    public void onData(DataChunk chunk) {
        long tsn = accept(chunk.tsn(), chunk.payload().length, chunk.immediateAck(), chunk.streamId());
        if (tsn >= 0) {
            reassembly.add(tsn, chunk);
        }
    }

    /** RFC 8260 §2.1: processes one I-DATA chunk. */
    public void onIData(IDataChunk chunk) {
        long tsn = accept(chunk.tsn(), chunk.payload().length, chunk.immediateAck(), chunk.streamId());
        if (tsn >= 0) {
            interleavedReassembly.add(tsn, chunk);
        }
    }

    /** TSN bookkeeping shared by DATA and I-DATA; returns the unwrapped TSN, or -1 when the chunk is not kept. */
    private long accept(long wireTsn, int length, boolean immediateAck, int streamId) {
        packetHadData = true;
        long tsn = tsns.unwrap(wireTsn);
        if (tsns.contains(tsn)) {
            tsns.addDuplicate(wireTsn); // §6.2: report duplicates, SACK at once
            sackNow = true;
            return -1;
        }
        if (immediateAck) {
            sackNow = true;
        }
        boolean fillsGap = tsn < tsns.highest();
        if (tsn - tsns.cumulative() > MAX_TSN_AHEAD || (!fillsGap && held() + length > receiveWindow)) {
            // §6.2: with no room, drop new DATA beyond the highest TSN; the sender retransmits it later.
            chunksDropped++;
            sackNow = true;
            LOG.trace("dropped DATA tsn {}: window full or too far ahead", wireTsn);
            return -1;
        }
        boolean hadGaps = tsns.hasGaps();
        if (tsn != tsns.cumulative() + 1 || hadGaps) {
            sackNow = true; // §6.7: out of order, or filling a gap: report at once
        }
        tsns.add(tsn);
        if (streamId >= inboundStreams) {
            chunksDropped++; // §6.5: acknowledged but not delivered (invalid stream identifier)
            return -1;
        }
        return tsn;
    }

    /** RFC 8260 §2.3.1: I-FORWARD-TSN. */
    public void onIForwardTsn(IForwardTsnChunk chunk) {
        long newCum = tsns.unwrap(chunk.newCumulativeTsn());
        if (newCum > tsns.cumulative() && newCum - tsns.cumulative() <= MAX_TSN_AHEAD * 16) {
            interleavedReassembly.forward(chunk.skips());
            tsns.forwardTo(newCum);
        }
        sackNow = true;
    }

    /** RFC 3758 §3.6: moves the cumulative TSN past abandoned data. */
    public void onForwardTsn(ForwardTsnChunk chunk) {
        long newCum = tsns.unwrap(chunk.newCumulativeTsn());
        if (newCum > tsns.cumulative() && newCum - tsns.cumulative() <= MAX_TSN_AHEAD * 16) {
            reassembly.forwardTsn(newCum, chunk.streams());
            tsns.forwardTo(newCum);
        }
        sackNow = true;
    }

    /** After a whole packet: decides between an immediate and a delayed SACK. */
    public void onPacketProcessed(long nowNanos) {
        if (!packetHadData) {
            return;
        }
        packetHadData = false;
        dataPacketsSinceSack++;
        if (tsns.hasGaps() || dataPacketsSinceSack >= 2) {
            sackNow = true;
        }
        if (!sackNow) {
            delayedAck.startIfStopped(nowNanos, delayedAckNanos);
        }
    }

    /** Forces a SACK with the next packet (SHUTDOWN-SENT, FORWARD TSN, window updates). */
    public void requestSack() {
        sackNow = true;
    }

    public boolean sackDue() {
        return sackNow;
    }

    /** Some DATA is not acknowledged yet (worth bundling a SACK with outgoing data). */
    public boolean ackPending() {
        return dataPacketsSinceSack > 0 || sackNow;
    }

    public SackChunk takeSack(int maxGapBlocks) {
        sackNow = false;
        dataPacketsSinceSack = 0;
        delayedAck.stop();
        lastAdvertisedWindow = window();
        return tsns.buildSack(lastAdvertisedWindow, maxGapBlocks);
    }

    public long timerDeadline() {
        return delayedAck.deadline();
    }

    public void onTimeout(long nowNanos) {
        if (delayedAck.expire(nowNanos)) {
            sackNow = true;
        }
    }

    /** The application took a message: its bytes leave the window; a much wider window is announced. */
    public void onMessageConsumed(int bytes) {
        undeliveredBytes -= bytes;
        long window = window();
        if (lastAdvertisedWindow < receiveWindow / 2 && window >= lastAdvertisedWindow + receiveWindow / 4) {
            sackNow = true;
        }
    }

    private final class CountingListener implements AssociationListener {
        private final AssociationListener delegate;

        CountingListener(AssociationListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void messageReceived(int streamId, int ppid, byte[] payload, boolean unordered) {
            undeliveredBytes += payload.length;
            delegate.messageReceived(streamId, ppid, payload, unordered);
        }

        @Override public void bufferedAmountLow(int streamId) { delegate.bufferedAmountLow(streamId); }
        @Override public void totalBufferedAmountLow() { delegate.totalBufferedAmountLow(); }
        @Override public void incomingStreamsReset(java.util.List<Integer> ids) { delegate.incomingStreamsReset(ids); }
        @Override public void outgoingStreamsReset(java.util.List<Integer> ids) { delegate.outgoingStreamsReset(ids); }

        @Override
        public void outgoingStreamResetFailed(java.util.List<Integer> ids, String reason) {
            delegate.outgoingStreamResetFailed(ids, reason);
        }
    }
}
