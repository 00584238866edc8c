package dev.jwebrtc.sctp.internal;

import dev.jwebrtc.sctp.chunk.Chunk;
import dev.jwebrtc.sctp.chunk.DataChunk;
import dev.jwebrtc.sctp.chunk.ForwardTsnChunk;
import dev.jwebrtc.sctp.chunk.IDataChunk;
import dev.jwebrtc.sctp.chunk.IForwardTsnChunk;
import dev.jwebrtc.sctp.chunk.SackChunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending half of the data path: queued messages, outstanding chunks, SACK processing (RFC 9260 §6.2.1),
 * the T3-rtx timer (§6.3), fast retransmit (§7.2.4), congestion control (§7.2), the peer's receive window (§6.1),
 * and partial reliability with FORWARD TSN (RFC 3758 §3.5). TSNs are unwrapped 64-bit values.
 *
 * <p>Sending is limited to Max.Burst packets of new DATA per SACK or timer (§6.1), so a window that opened earlier
 * is not emptied into the path at once (a browser's UDP socket buffer holds about 56 packets). Losses are found by
 * RACK-style timing (RFC 8985 §6); a lost tail, which no later SACK can reveal, by a tail loss probe (RFC 8985 §7)
 * that asks for an immediate SACK (RFC 7053), instead of waiting for T3-rtx.
 */
public final class DataSender {
    private static final Logger LOG = LoggerFactory.getLogger(DataSender.class);
    /** RFC 9260 §16: Max.Burst, the packets of new DATA sent at one transmission opportunity (§6.1). */
    static final int MAX_BURST = 4;
    
    private final SendQueue queue;
    private final RtoEstimator rto;
    private final CongestionControl cc;
    private final int mtu;
    private final int maxPayload;
    private final int chunkHeader;
    private final boolean forwardTsnSupported;
    private final OutstandingRing ring;
    private final TreeMap<Long, Outstanding> toRetransmit = new TreeMap<>();
    private final Timer t3 = new Timer();
    private final Timer rackTimer = new Timer();
    private final TailLossProbe tailProbe = new TailLossProbe();

    private long nextTsn;
    private long cumulativeAck;
    private long advancedPeerAck;
    private long flight;
    private long peerRwnd;
    private long rttProbeTsn = -1;
    private boolean fastRetransmitPending;
    private boolean forwardTsnPending;
    private long lastSendNanos;
    private long idleSinceNanos;
    /** RACK: send time of the most recently sent chunk known to be delivered. */
    private long rackDeliveredSentAt = Long.MIN_VALUE;
    private long highestAckedTsn = -1;
    private boolean sackSinceTimeout;
    /** Packets with new DATA sent since the last SACK or timer expiry (RFC 9260 §6.1 Max.Burst). */
    private int burstPackets;
    private boolean probeDue;
    /** The newest DATA sent asked for an immediate SACK (RFC 7053): the peer will not delay its answer. */
    private boolean lastSentAskedImmediateSack;

    private long retransmissions;
    private long fastRetransmits;
    private long abandonedMessages;
    private long staleSacks;

    public DataSender(SendQueue queue, RtoEstimator rto, int maxPacketSize, long initialTsn, long peerRwnd,
            boolean forwardTsnSupported) {
        this.queue = queue;
        this.rto = rto;
        this.mtu = maxPacketSize;
        this.chunkHeader = queue.interleaved() ? 20 : DataChunk.HEADER_LENGTH; // RFC 8260 §2.1: I-DATA header
        // RFC 9260 §3.2: every chunk, the last included, is padded to 4 bytes; a payload budget that is not a
        // multiple of 4 would overrun an odd packet size (DTLS gives 1163 bytes with AES-GCM at MTU 1200).
        this.maxPayload = (maxPacketSize - 12 - chunkHeader) & ~3;
        this.cc = new CongestionControl(maxPacketSize, peerRwnd);
        this.forwardTsnSupported = forwardTsnSupported;
        this.nextTsn = initialTsn;
        this.cumulativeAck = initialTsn - 1;
        this.advancedPeerAck = cumulativeAck;
        this.ring = new OutstandingRing(initialTsn);
        this.peerRwnd = peerRwnd;
    }

    public SendQueue queue() {
        return queue;
    }

    /** Last TSN assigned (RFC 6525 "sender's last assigned TSN"), as a wire value. */
    public long lastAssignedTsnWire() {
        return Serial.wire32(nextTsn - 1);
    }

    public long cumulativeAckWire() {
        return Serial.wire32(cumulativeAck);
    }

    /** Nothing outstanding and nothing queued (shutdown may proceed, RFC 9260 §9.2). */
    public boolean idle() {
        return ring.isEmpty() && !queue.hasData();
    }

    public long timerDeadline() {
        return Math.min(t3.deadline(), Math.min(rackTimer.deadline(), tailProbe.deadline()));
    }

    public long flightSize() { return flight; }
    /** Chunks sent and not yet covered by the peer's cumulative ack (including gap-acked and abandoned ones). */
    public int outstandingChunks() { return ring.size(); }
    public long cwnd() { return cc.cwnd(); }
    public long ssthresh() { return cc.ssthresh(); }
    public long peerRwnd() { return peerRwnd; }
    public long retransmissions() { return retransmissions; }
    public long fastRetransmits() { return fastRetransmits; }
    public long abandonedMessages() { return abandonedMessages + queue.expiredUnsent(); }
    public long staleSacks() { return staleSacks; }
    public long tailLossProbes() { return tailProbe.probes(); }

    /**
     * RFC 9260 §6.2.1: processes a SACK. Returns true when it acknowledged new data (the association then clears
     * its error counter, §8.3).
     */
    public boolean onSack(SackChunk sack, long nowNanos) {
        long cum = Serial.unwrap32(cumulativeAck, sack.cumulativeTsnAck());
        if (cum < cumulativeAck || cum >= nextTsn) {
            staleSacks++; // §6.2.1 D i: older than what we know, or acking what was never sent
            return false;
        }
        sackSinceTimeout = true;
        burstPackets = 0; // a new transmission opportunity
        tailProbe.onSack();
        long flightBefore = flight;
        long ackedBytes = 0;
        long rttSample = -1;
        boolean cumAdvanced = cum > cumulativeAck;
        while (!ring.isEmpty() && ring.firstTsn() <= cum) {
            Outstanding o = ring.removeFirst();
            if (!o.acked && !o.abandoned) {
                ackedBytes += o.length;
                delivered(o, nowNanos);
            }
            if (o.tsn == rttProbeTsn) {
                if (!o.abandoned && o.transmissions == 1) {
                    rttSample = nowNanos - o.sentAtNanos;
                }
                rttProbeTsn = -1;
            }
            leaveFlight(o);
            toRetransmit.remove(o.tsn);
        }
        cumulativeAck = cum;
        long highestNewlyAcked = cumAdvanced ? cum : -1;
        int previousEnd = 0;
        for (SackChunk.GapBlock block : sack.gapBlocks()) {
            // §3.3.4: blocks ascend and do not overlap; others are ignored, which also bounds the work per SACK.
            if (block.start() > block.end() || block.start() <= previousEnd) {
                continue;
            }
            previousEnd = block.end();
            for (long tsn = cum + block.start(); tsn <= cum + block.end(); tsn++) {
                Outstanding o = ring.get(tsn);
                if (o == null) {
                    break;
                }
                if (!o.acked) {
                    o.acked = true;
                    if (!o.abandoned) {
                        ackedBytes += o.length;
                        highestNewlyAcked = Math.max(highestNewlyAcked, tsn);
                        delivered(o, nowNanos);
                    }
                    if (o.tsn == rttProbeTsn) {
                        if (!o.abandoned && o.transmissions == 1) {
                            rttSample = nowNanos - o.sentAtNanos;
                        }
                        rttProbeTsn = -1;
                    }
                    leaveFlight(o);
                    toRetransmit.remove(o.tsn);
                }
            }
        }
        if (rttSample >= 0) {
            rto.measure(rttSample);
        }
        if (highestNewlyAcked >= 0) {
            highestAckedTsn = Math.max(highestAckedTsn, highestNewlyAcked);
            detectLosses(nowNanos);
        }
        cc.onRoundProgress(cumulativeAck, nextTsn - 1);
        cc.onAck(ackedBytes, cumAdvanced, flightBefore, cumulativeAck);
        // RFC 9260 §6.2.1 D iv: rwnd = a_rwnd minus the bytes still in flight.
        peerRwnd = Math.max(0, sack.advertisedReceiverWindow() - flight);
        if (ring.isEmpty()) {
            t3.stop(); // §6.3.2 R2
            cc.onAllAcked();
        } else if (cumAdvanced) {
            t3.start(nowNanos, rto.rtoNanos()); // §6.3.2 R3
        }
        updateAdvancedPeerAck();
        scheduleProbe(nowNanos);
        return cumAdvanced || ackedBytes > 0;
    }

    private void leaveFlight(Outstanding o) {
        if (o.inFlight) {
            o.inFlight = false;
            flight -= o.length;
        }
    }

    private void delivered(Outstanding o, long nowNanos) {
        if (o.transmissions == 1) { // RFC 8985 §6.2 step 2: an ack of a retransmission is ambiguous
            rackDeliveredSentAt = Math.max(rackDeliveredSentAt, o.sentAtNanos);
            cc.onRttSample(nowNanos - o.sentAtNanos);
        }
    }

    /**
     * Loss detection, time-based as in RACK (RFC 8985 §6.2) rather than RFC 9260 §7.2.4's three miss indications:
     * a chunk is lost when a chunk sent after it was delivered and it is older than one smoothed RTT plus a
     * reordering window of RTT/4. Reordering shorter than the window causes no retransmission and no window cut,
     * and a lost retransmission is found again without waiting for T3. The first loss in a window still starts
     * fast retransmit and fast recovery exactly as §7.2.4 prescribes.
     */
    private void detectLosses(long nowNanos) {
        rackTimer.stop();
        long window = rto.srttNanos() + reorderWindow();
        long earliestPending = Long.MAX_VALUE;
        for (long tsn = ring.firstTsn(); tsn <= highestAckedTsn && tsn < ring.endTsn(); tsn++) {
            Outstanding o = ring.get(tsn);
            if (o == null || o.acked || o.abandoned || !o.inFlight || o.sentAtNanos >= rackDeliveredSentAt) {
                continue;
            }
            long lostAt = o.sentAtNanos + window;
            if (nowNanos < lostAt) {
                earliestPending = Math.min(earliestPending, lostAt);
                continue;
            }
            if (o.message.shouldAbandon(o.transmissions, nowNanos)) {
                abandon(o.message);
                continue;
            }
            mark(o);
            fastRetransmits++;
            fastRetransmitPending = true;
            cc.onFastRetransmit(ring.endTsn() - 1);
        }
        if (earliestPending != Long.MAX_VALUE) {
            rackTimer.start(earliestPending, 0);
        }
    }

    private long reorderWindow() {
        return Math.max(rto.srttNanos() / 4, 1_000_000L);
    }

    private void mark(Outstanding o) {
        leaveFlight(o);
        o.markedForRetransmit = true;
        toRetransmit.put(o.tsn, o);
        if (o.tsn == rttProbeTsn) {
            rttProbeTsn = -1; // Karn: never time a retransmitted chunk
        }
    }

    /** RFC 3758 §3.5: abandons every chunk of the message and its unsent rest. */
    private void abandon(OutgoingMessage m) {
        if (m.abandoned) {
            return;
        }
        m.abandoned = true;
        abandonedMessages++;
        for (long tsn = ring.firstTsn(); tsn < ring.endTsn(); tsn++) {
            Outstanding o = ring.get(tsn);
            if (o != null && o.message == m) {
                o.abandoned = true;
                o.markedForRetransmit = false;
                if (o.tsn == rttProbeTsn) {
                    rttProbeTsn = -1;
                }
                toRetransmit.remove(tsn);
                leaveFlight(o);
            }
        }
        queue.discardRest(m);
        LOG.trace("abandoned a message on stream {}", m.streamId);
    }

    // RFC 3758 §3.5 C2: move the advanced peer ack point over abandoned chunks.
    private void updateAdvancedPeerAck() {
        if (!forwardTsnSupported) {
            return;
        }
        advancedPeerAck = Math.max(advancedPeerAck, cumulativeAck);
        Outstanding o;
        while ((o = ring.get(advancedPeerAck + 1)) != null && o.abandoned) {
            advancedPeerAck++;
        }
        // C3: (re)send FORWARD TSN while the peer has not acknowledged the skip.
        forwardTsnPending = advancedPeerAck > cumulativeAck;
    }

    /** The FORWARD TSN (or I-FORWARD-TSN, RFC 8260 §2.3) to send now, if one is due (RFC 3758 §3.5 C3). */
    public @Nullable Chunk takeForwardTsn() {
        if (!forwardTsnPending) {
            return null;
        }
        forwardTsnPending = false;
        if (queue.interleaved()) {
            // RFC 8260 §2.3.1: the largest skipped MID per stream and ordering.
            Map<Long, IForwardTsnChunk.Skip> skips = new LinkedHashMap<>();
            for (long tsn = cumulativeAck + 1; tsn <= advancedPeerAck; tsn++) {
                Outstanding o = ring.get(tsn);
                if (o != null) {
                    OutgoingMessage m = o.message;
                    skips.put(((long) m.streamId << 1) | (m.unordered ? 1 : 0),
                            new IForwardTsnChunk.Skip(m.streamId, m.unordered, m.mid));
                }
            }
            return new IForwardTsnChunk(Serial.wire32(advancedPeerAck), List.copyOf(skips.values()));
        }
        Map<Integer, Integer> lastSsn = new LinkedHashMap<>();
        for (long tsn = cumulativeAck + 1; tsn <= advancedPeerAck; tsn++) {
            Outstanding o = ring.get(tsn);
            if (o != null && !o.message.unordered) {
                lastSsn.put(o.message.streamId, o.message.ssn);
            }
        }
        List<ForwardTsnChunk.StreamSsn> streams = new ArrayList<>();
        lastSsn.forEach((sid, ssn) -> streams.add(new ForwardTsnChunk.StreamSsn(sid, ssn)));
        return new ForwardTsnChunk(Serial.wire32(advancedPeerAck), streams);
    }

    /**
     * RFC 9260 §6.3.3: T3-rtx expiry. Returns true if it counts as an association error: not while probing a zero
     * window of a peer that keeps answering (§6.1: its window may stay closed indefinitely).
     */
    public boolean onTimeout(long nowNanos) {
        if (tailProbe.expire(nowNanos)) {
            probeDue = flight > 0;
        }
        if (rackTimer.expire(nowNanos)) {
            burstPackets = 0;
            detectLosses(nowNanos);
            updateAdvancedPeerAck();
        }
        if (!t3.expire(nowNanos)) {
            return false;
        }
        burstPackets = 0;
        boolean zeroWindowProbe = peerRwnd == 0 && sackSinceTimeout;
        sackSinceTimeout = false;
        rto.backOff(); // E2
        cc.onRetransmissionTimeout(); // E1
        Outstanding head = ring.get(ring.firstTsn());
        if (head != null && head.acked) {
            // §6.2.1: the chunk after the cumulative ack point was gap-acked, yet the peer's cumulative ack does
            // not move: it reneged. Gap acks are not binding; send everything not cumulatively acked again.
            for (long tsn = ring.firstTsn(); tsn < ring.endTsn(); tsn++) {
                ring.get(tsn).acked = false;
            }
        }
        for (long tsn = ring.firstTsn(); tsn < ring.endTsn(); tsn++) {
            Outstanding o = ring.get(tsn);
            if (o == null || o.acked || o.abandoned) {
                continue;
            }
            if (o.message.shouldAbandon(o.transmissions, nowNanos)) {
                abandon(o.message);
            } else {
                mark(o); // E3
            }
        }
        updateAdvancedPeerAck();
        if (!ring.isEmpty()) {
            t3.start(nowNanos, rto.rtoNanos());
        }
        return !zeroWindowProbe;
    }

    /**
     * Adds retransmissions and new DATA to the packet as congestion and receive windows allow (RFC 9260 §6.1).
     */
    public void fill(PacketBuilder packet, long nowNanos) {
        long idle = nowNanos - Math.max(lastSendNanos, idleSinceNanos);
        if (ring.isEmpty() && lastSendNanos != 0 && idle > rto.rtoNanos()) {
            for (long i = Math.min(idle / rto.rtoNanos(), 32); i > 0; i--) {
                cc.onIdle(); // RFC 9260 §7.2.1: halve once per RTO without sending
            }
            idleSinceNanos = nowNanos;
        }
        if (probeDue) {
            sendProbe(packet, nowNanos);
        }
        boolean bypassCwnd = fastRetransmitPending; // §7.2.4 step 3: one packet regardless of cwnd
        fastRetransmitPending = false;
        while (!toRetransmit.isEmpty() && (bypassCwnd || flight < cc.cwnd())) {
            Outstanding o = toRetransmit.firstEntry().getValue();
            if (o.message.shouldAbandon(o.transmissions, nowNanos)) {
                abandon(o.message);
                updateAdvancedPeerAck();
                continue;
            }
            if (!packet.fits(o.chunk)) {
                return;
            }
            toRetransmit.pollFirstEntry();
            o.markedForRetransmit = false;
            o.transmissions++;
            o.sentAtNanos = nowNanos;
            o.inFlight = true;
            flight += o.length;
            retransmissions++;
            packet.add(o.chunk);
            afterSend(nowNanos);
        }
        if (!toRetransmit.isEmpty()) {
            return; // §6.1: retransmissions go before new data
        }
        if (!burstAllowed()) {
            return;
        }
        boolean addedNew = false;
        while (flight < cc.cwnd()) {
            int room = Math.min(maxPayload, (packet.remaining() - chunkHeader) & ~3);
            if (room <= 0) {
                return;
            }
            int next = queue.nextFragmentLength(maxPayload, nowNanos);
            if (next == 0) {
                return;
            }
            // §6.1 A: respect the peer's window, but allow one chunk when nothing is in flight (window probe).
            if (next > peerRwnd && flight > 0) {
                return;
            }
            if (room < next && room < maxPayload / 4) {
                return; // not worth a tiny fragment; the next packet carries it whole
            }
            SendQueue.Fragment fragment = queue.nextFragment(Serial.wire32(nextTsn), room, nowNanos);
            if (fragment == null) {
                return;
            }
            // RFC 7053 §4.1: the last DATA before the queue runs dry asks for an immediate SACK, so the end of a
            // burst is acknowledged without the peer's delayed-SACK wait (and a tail loss is probed sooner).
            lastSentAskedImmediateSack = queue.nextFragmentLength(maxPayload, nowNanos) == 0;
            if (lastSentAskedImmediateSack) {
                fragment = new SendQueue.Fragment(immediate(fragment.chunk()), fragment.message(), fragment.length());
            }
            Outstanding o = new Outstanding(nextTsn, fragment);
            nextTsn++;
            o.transmissions = 1;
            o.sentAtNanos = nowNanos;
            o.inFlight = true;
            flight += o.length;
            peerRwnd = Math.max(0, peerRwnd - o.length);
            ring.addLast(o);
            if (rttProbeTsn < 0) {
                rttProbeTsn = o.tsn; // §6.3.1 C4: one RTT measurement per round trip
            }
            if (!addedNew) {
                addedNew = true;
                burstPackets++;
            }
            packet.add(fragment.chunk());
            afterSend(nowNanos);
            scheduleProbe(nowNanos);
        }
    }

    private void scheduleProbe(long nowNanos) {
        if (flight == 0 || !toRetransmit.isEmpty() || cc.inFastRecovery() || peerRwnd == 0) {
            // Nothing to probe, loss recovery is under way, or the peer's window is closed (§6.1: its SACKs keep
            // coming and T3-rtx paces the window probes).
            tailProbe.stop();
            return;
        }
        tailProbe.schedule(nowNanos, rto.srttNanos(), flight <= maxPayload, lastSentAskedImmediateSack,
                t3.deadline());
    }

    /**
     * RFC 8985 §7.3: the probe retransmits the highest outstanding chunk, asking for an immediate SACK; that SACK
     * either repairs the tail or reveals the holes before it to loss detection. (RFC 8985 prefers new data when there
     * is some; a tail without SACKs rarely has any, and a retransmission needs no window.) The congestion window is
     * not touched: only a loss found afterwards reduces it.
     */
    private void sendProbe(PacketBuilder packet, long nowNanos) {
        for (long tsn = ring.endTsn() - 1; tsn >= ring.firstTsn(); tsn--) {
            Outstanding o = ring.get(tsn);
            // RFC 3758 §3.5: a chunk whose message allows no further transmission is never probed; loss detection
            // or T3-rtx abandons it by the usual rules.
            if (o == null || o.acked || o.abandoned || o.message.shouldAbandon(o.transmissions, nowNanos)) {
                continue;
            }
            Chunk chunk = immediate(o.chunk);
            if (!packet.fits(chunk)) {
                return; // probeDue stays set: the next packet carries it
            }
            probeDue = false;
            if (o.markedForRetransmit) {
                o.markedForRetransmit = false;
                toRetransmit.remove(o.tsn);
            }
            if (!o.inFlight) {
                o.inFlight = true;
                flight += o.length;
            }
            if (o.tsn == rttProbeTsn) {
                rttProbeTsn = -1; // Karn: never time a retransmitted chunk
            }
            o.transmissions++;
            o.sentAtNanos = nowNanos;
            retransmissions++;
            packet.add(chunk);
            afterSend(nowNanos);
            return;
        }
        probeDue = false;
    }

    private static Chunk immediate(Chunk chunk) {
        if (chunk instanceof DataChunk d) {
            return d.withImmediateAck(true);
        }
        return chunk instanceof IDataChunk i ? i.withImmediateAck(true) : chunk;
    }

    /**
     * RFC 9260 §6.1: Max.Burst limits the packets of new DATA per transmission opportunity (a SACK or a timer), by
     * counting packets rather than by lowering cwnd, so the window itself is kept. With nothing in flight there is no
     * SACK to wait for, so a new burst may start.
     */
    private boolean burstAllowed() {
        if (flight == 0) {
            burstPackets = 0;
        }
        return burstPackets < MAX_BURST;
    }

    private void afterSend(long nowNanos) {
        lastSendNanos = nowNanos;
        t3.startIfStopped(nowNanos, rto.rtoNanos()); // §6.3.2 R1
    }

    /** Whether {@link #fill} would add something now. */
    public boolean wantsToSend(long nowNanos) {
        if (probeDue) {
            return true;
        }
        if (!toRetransmit.isEmpty()) {
            return fastRetransmitPending || flight < cc.cwnd();
        }
        if (flight >= cc.cwnd() || !burstAllowed()) {
            return false;
        }
        int next = queue.nextFragmentLength(maxPayload, nowNanos);
        return next > 0 && (next <= peerRwnd || flight == 0);
    }

    public boolean forwardTsnPending() {
        return forwardTsnPending;
    }
}
