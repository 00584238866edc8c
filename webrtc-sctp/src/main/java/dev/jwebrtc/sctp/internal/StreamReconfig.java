package dev.jwebrtc.sctp.internal;

import dev.jwebrtc.sctp.chunk.IncomingSsnResetRequestParameter;
import dev.jwebrtc.sctp.chunk.OutgoingSsnResetRequestParameter;
import dev.jwebrtc.sctp.chunk.Parameter;
import dev.jwebrtc.sctp.chunk.ReConfigChunk;
import dev.jwebrtc.sctp.chunk.ReconfigurationResponseParameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stream reconfiguration (RFC 6525) limited to what data channels use: resetting outgoing streams (ours, after
 * their queued data is sent, §5.1.2) and handling the peer's outgoing reset requests (§5.2.2, with deferral
 * until the last TSN has arrived). An incoming-reset request from the peer (§5.2.3) is answered by resetting
 * the named outgoing streams of ours.
 */
public final class StreamReconfig {
    private static final Logger LOG = LoggerFactory.getLogger(StreamReconfig.class);

    private record Request(long sequence, List<Integer> streams) {}

    private record Deferred(long sequence, List<Integer> streams, long lastTsn, long lastTsnWire) {}

    private record Performed(long sequence, List<Integer> streams, long lastTsnWire) {}

    private final AssociationListener listener;
    private final SendQueue queue;
    private final DataSender sender;
    private final ReceivedTsns received;
    private final StreamResetTarget reassembly;
    private final boolean peerSupportsReconfig;
    private final Set<Integer> pendingOutgoing = new LinkedHashSet<>();
    private final Timer timer = new Timer();
    private final List<Parameter> responses = new ArrayList<>();

    private long nextRequestSequence;
    private @Nullable Request inFlight;
    private boolean resendInFlight;
    private long expectedPeerSequence;
    private int lastResult = ReconfigurationResponseParameter.SUCCESS_NOTHING_TO_DO;
    private @Nullable Deferred deferred;
    private @Nullable Performed performed;

    public StreamReconfig(AssociationListener listener, SendQueue queue, DataSender sender, ReceivedTsns received,
            StreamResetTarget reassembly, boolean peerSupportsReconfig, long localInitialTsn, long peerInitialTsn) {
        this.listener = listener;
        this.queue = queue;
        this.sender = sender;
        this.received = received;
        this.reassembly = reassembly;
        this.peerSupportsReconfig = peerSupportsReconfig;
        // RFC 6525 §5.1.1: request sequence numbers start at the initial TSN.
        this.nextRequestSequence = localInitialTsn;
        this.expectedPeerSequence = peerInitialTsn;
    }

    /** Asks for these outgoing streams to be reset once their queued messages are sent. */
    public void resetOutgoing(List<Integer> streamIds) {
        if (!peerSupportsReconfig) {
            listener.outgoingStreamResetFailed(List.copyOf(streamIds), "peer does not support RE-CONFIG");
            return;
        }
        for (int id : streamIds) {
            queue.setClosing(id, true);
            pendingOutgoing.add(id);
        }
    }

    public long timerDeadline() {
        return timer.deadline();
    }

    /** Timer expiry: the request goes out again. Returns true if it expired (an association error). */
    public boolean onTimeout(long nowNanos) {
        if (!timer.expire(nowNanos)) {
            return false;
        }
        resendInFlight = inFlight != null;
        return true;
    }

    /** The RE-CONFIG chunk to send now (responses and/or a request), or null. */
    public @Nullable ReConfigChunk take(long nowNanos, long rtoNanos) {
        List<Parameter> params = new ArrayList<>(responses);
        responses.clear();
        if (inFlight == null && !pendingOutgoing.isEmpty()) {
            List<Integer> ready = new ArrayList<>();
            for (int id : pendingOutgoing) {
                if (queue.isDrained(id)) {
                    ready.add(id);
                }
            }
            if (!ready.isEmpty()) {
                ready.forEach(pendingOutgoing::remove);
                inFlight = new Request(nextRequestSequence, List.copyOf(ready));
                resendInFlight = true;
            }
        }
        if (inFlight != null && resendInFlight && params.size() < 2) {
            resendInFlight = false;
            // RFC 6525 §4.1: the last TSN we assigned; the peer resets once it has everything up to it.
            params.add(new OutgoingSsnResetRequestParameter(inFlight.sequence(), Serial.wire32(expectedPeerSequence - 1),
                    sender.lastAssignedTsnWire(), inFlight.streams()));
            timer.start(nowNanos, rtoNanos);
        }
        return params.isEmpty() ? null : new ReConfigChunk(params);
    }

    /** Whether {@link #take} would return a chunk. */
    public boolean hasSomethingToSend() {
        if (!responses.isEmpty() || (inFlight != null && resendInFlight)) {
            return true;
        }
        if (inFlight == null) {
            for (int id : pendingOutgoing) {
                if (queue.isDrained(id)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Handles every parameter of a received RE-CONFIG chunk. */
    public void onReConfig(ReConfigChunk chunk) {
        for (Parameter p : chunk.parameters()) {
            if (p instanceof OutgoingSsnResetRequestParameter req) {
                onPeerOutgoingReset(req);
            } else if (p instanceof IncomingSsnResetRequestParameter req) {
                onPeerIncomingReset(req);
            } else if (p instanceof ReconfigurationResponseParameter resp) {
                onResponse(resp);
            } else {
                LOG.debug("unsupported RE-CONFIG parameter type {}", p.type());
            }
        }
    }

    // RFC 6525 §5.2.2
    private void onPeerOutgoingReset(OutgoingSsnResetRequestParameter req) {
        long seq = Serial.unwrap32(expectedPeerSequence, req.requestSequence());
        Deferred d = deferred;
        if (d != null && seq > d.sequence() && seq - d.sequence() <= 16) {
            // dcsctp asks again under a new sequence number after "in progress": keep waiting under that number.
            deferred = new Deferred(seq, d.streams(), d.lastTsn(), d.lastTsnWire());
            expectedPeerSequence = seq;
            respond(req.requestSequence(), ReconfigurationResponseParameter.IN_PROGRESS);
            return;
        }
        Performed p = performed;
        if (p != null && seq > p.sequence() && seq - p.sequence() <= 16 && req.streams().equals(p.streams())
                && req.senderLastTsn() == p.lastTsnWire()) {
            // The same reset asked again under a new number after our "in progress": it is done already.
            performed = new Performed(seq, p.streams(), p.lastTsnWire());
            expectedPeerSequence = seq + 1;
            lastResult = ReconfigurationResponseParameter.SUCCESS_PERFORMED;
            respond(req.requestSequence(), lastResult);
            return;
        }
        if (d != null && seq == d.sequence()) {
            respond(req.requestSequence(), ReconfigurationResponseParameter.IN_PROGRESS);
        } else if (seq == expectedPeerSequence) {
            long lastTsn = received.unwrap(req.senderLastTsn());
            if (lastTsn <= received.cumulative()) {
                perform(req.streams());
                performed = new Performed(seq, req.streams(), req.senderLastTsn());
                expectedPeerSequence++;
                lastResult = ReconfigurationResponseParameter.SUCCESS_PERFORMED;
                respond(req.requestSequence(), lastResult);
            } else {
                deferred = new Deferred(seq, req.streams(), lastTsn, req.senderLastTsn());
                reassembly.deferReset(req.streams(), lastTsn);
                respond(req.requestSequence(), ReconfigurationResponseParameter.IN_PROGRESS);
            }
        } else if (seq == expectedPeerSequence - 1) {
            respond(req.requestSequence(), lastResult); // a retransmission: same answer (§5.2.1)
        } else {
            respond(req.requestSequence(), ReconfigurationResponseParameter.ERROR_BAD_SEQUENCE_NUMBER);
        }
    }

    private void perform(List<Integer> streams) {
        // The application hears of the reset before any message of the streams' next life.
        listener.incomingStreamsReset(List.copyOf(streams));
        reassembly.performReset(streams);
    }

    /** Called after data arrived: performs a deferred reset once its last TSN is in (RFC 6525 §5.2.2). */
    public void onCumulativeTsnAdvanced() {
        Deferred d = deferred;
        if (d != null && received.cumulative() >= d.lastTsn()) {
            deferred = null;
            perform(d.streams());
            performed = new Performed(d.sequence(), d.streams(), d.lastTsnWire());
            expectedPeerSequence = d.sequence() + 1;
            lastResult = ReconfigurationResponseParameter.SUCCESS_PERFORMED;
        }
    }

    // RFC 6525 §5.2.3: the peer wants us to reset our outgoing streams; our outgoing request answers it.
    private void onPeerIncomingReset(IncomingSsnResetRequestParameter req) {
        long seq = Serial.unwrap32(expectedPeerSequence, req.requestSequence());
        if (seq == expectedPeerSequence) {
            expectedPeerSequence++;
            lastResult = ReconfigurationResponseParameter.SUCCESS_PERFORMED;
            resetOutgoing(req.streams());
        } else if (seq != expectedPeerSequence - 1) {
            respond(req.requestSequence(), ReconfigurationResponseParameter.ERROR_BAD_SEQUENCE_NUMBER);
        }
    }

    private void onResponse(ReconfigurationResponseParameter resp) {
        Request r = inFlight;
        if (r == null || Serial.wire32(r.sequence()) != resp.responseSequence()) {
            return;
        }
        switch (resp.result()) {
            case ReconfigurationResponseParameter.SUCCESS_PERFORMED, ReconfigurationResponseParameter.SUCCESS_NOTHING_TO_DO -> {
                finish();
                for (int id : r.streams()) {
                    queue.resetSsn(id);
                    queue.setClosing(id, false);
                }
                listener.outgoingStreamsReset(r.streams());
            }
            case ReconfigurationResponseParameter.IN_PROGRESS -> {
                // RFC 6525 §5.2.2: the peer waits for data; ask again after the timer (same sequence number).
            }
            default -> {
                finish();
                for (int id : r.streams()) {
                    queue.setClosing(id, false);
                }
                listener.outgoingStreamResetFailed(r.streams(), "peer answered result " + resp.result());
            }
        }
    }

    private void finish() {
        inFlight = null;
        resendInFlight = false;
        timer.stop();
        nextRequestSequence++;
    }

    private void respond(long wireSequence, int result) {
        responses.add(new ReconfigurationResponseParameter(wireSequence, result));
    }
}
