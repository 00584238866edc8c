package dev.jwebrtc.ice.internal;

import dev.jwebrtc.ice.CandidateType;
import dev.jwebrtc.ice.IceCandidate;
import dev.jwebrtc.ice.IceCredentials;
import dev.jwebrtc.ice.IceRole;
import dev.jwebrtc.ice.stun.ErrorCode;
import dev.jwebrtc.ice.stun.IceControlled;
import dev.jwebrtc.ice.stun.IceControlling;
import dev.jwebrtc.ice.stun.Priority;
import dev.jwebrtc.ice.stun.StunClass;
import dev.jwebrtc.ice.stun.StunKeys;
import dev.jwebrtc.ice.stun.StunMessage;
import dev.jwebrtc.ice.stun.StunMethod;
import dev.jwebrtc.ice.stun.UnknownAttributes;
import dev.jwebrtc.ice.stun.UseCandidate;
import dev.jwebrtc.ice.stun.Username;
import dev.jwebrtc.ice.stun.XorMappedAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Connectivity checks (RFC 8445 §7), nomination (§8) and consent freshness (RFC 7675) for an {@link AgentCore}.
 */
final class Checks {

    private static final long KEEPALIVE_NANOS = 15_000_000_000L;

    private final AgentCore a;
    private int prflxCounter;

    Checks(AgentCore agent) {
        this.a = agent;
    }

    private boolean canSendChecks() {
        return !a.config.lite() && a.remoteCredentials != null && !a.consentExpired;
    }

    /**
     * RFC 8445 §8.1.2: once a pair of the current checklist is selected, no new ordinary checks start (triggered
     * checks still answer the peer, so a controlled agent can follow a better aggressive nomination).
     */
    private long floor() {
        return selectedIsCurrent() ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    private boolean selectedIsCurrent() {
        CandidatePair s = a.selected;
        return s != null && a.checklist.pairs().contains(s);
    }

    // ---- timers ----

    void onTimer(long now) {
        // RFC 8445 §6.1.4.2: one new check per Ta, triggered checks first.
        if (canSendChecks() && now >= a.nextTaNanos) {
            CandidatePair p = nextTriggered();
            if (p == null) {
                p = a.checklist.nextOrdinary(floor());
            }
            if (p != null) {
                sendCheck(now, p, false);
                a.nextTaNanos = now + a.config.ta().toNanos();
            }
        }
        maybeNominate(now);
        consent(now);
        keepalive(now);
    }

    /** RFC 8445 §11: a Binding indication when nothing else was sent on the selected pair for Tr (15 s). */
    private void keepalive(long now) {
        CandidatePair s = a.selected;
        if (s == null || a.consentExpired || now - s.lastSentNanos < KEEPALIVE_NANOS) {
            return;
        }
        byte[] indication = StunMessage.builder(StunMethod.BINDING, StunClass.INDICATION,
                StunMessage.newTransactionId(a.random)).fingerprint().encode();
        a.transmitFrom(s.local, s.remote.address(), indication);
        s.lastSentNanos = now;
    }

    long nextTimer() {
        long next = Long.MAX_VALUE;
        if (canSendChecks() && (!a.triggered.isEmpty() || a.checklist.hasCheckable(floor()))) {
            next = a.nextTaNanos;
        }
        if (a.role == IceRole.CONTROLLING && a.nominating == null && a.firstValidNanos != Long.MAX_VALUE
                && canSendChecks() && bestValidToNominate() != null) {
            next = Math.min(next, Math.max(a.nextTaNanos, a.firstValidNanos + a.config.nominationDelay().toNanos()));
        }
        CandidatePair s = a.selected;
        if (s != null && !a.consentExpired) {
            next = Math.min(next, s.lastSentNanos + KEEPALIVE_NANOS);
        }
        if (s != null) {
            if (!a.config.lite() && !a.consentExpired && s.consent == null && a.remoteCredentials != null) {
                next = Math.min(next, s.nextConsentNanos);
            }
            if (!a.consentExpired && !a.config.lite()) {
                next = Math.min(next, s.lastResponseNanos + a.config.consentTimeout().toNanos());
            }
        }
        return next;
    }

    private @Nullable CandidatePair nextTriggered() {
        CandidatePair p;
        while ((p = a.triggered.poll()) != null) {
            if (a.checklist.pairs().contains(p) && p.state != PairState.SUCCEEDED) {
                return p;
            }
        }
        return null;
    }

    // ---- sending ----

    private void sendCheck(long now, CandidatePair pair, boolean useCandidate) {
        IceCredentials remote = a.remoteCredentials;
        if (remote == null) {
            return;
        }
        a.checkingStarted = true;
        byte[] id = StunMessage.newTransactionId(a.random);
        byte[] request = checkRequest(id, pair, useCandidate, remote);
        Transaction t = a.startTransaction(now, pair.local, pair.remote.address(), id, request,
                new Transaction.Check(pair, useCandidate), a.config.maxCheckTransmissions());
        t.integrityKey = StunKeys.shortTerm(remote.password());
        pair.state = PairState.IN_PROGRESS;
        pair.check = t;
        AgentCore.LOG.trace("check {} use-candidate={}", Redacted.of(pair), useCandidate);
    }

    // RFC 8445 §7.2.2: USERNAME, PRIORITY, the role attribute, USE-CANDIDATE, MESSAGE-INTEGRITY, FINGERPRINT.
    private byte[] checkRequest(byte[] id, CandidatePair pair, boolean useCandidate, IceCredentials remote) {
        long prflxPriority = ((long) CandidateType.PEER_REFLEXIVE.typePreference() << 24)
                | (pair.local.candidate().priority() & 0xFF_FFFFL);
        StunMessage.Builder b = StunMessage.builder(StunMethod.BINDING, StunClass.REQUEST, id)
                .add(new Username(remote.ufrag() + ":" + a.localCredentials.ufrag()))
                .add(new Priority(prflxPriority));
        b.add(a.role == IceRole.CONTROLLING ? new IceControlling(a.tieBreaker) : new IceControlled(a.tieBreaker));
        if (useCandidate) {
            b.add(new UseCandidate());
        }
        return b.integrity(StunKeys.shortTerm(remote.password())).fingerprint().encode();
    }

    // ---- requests ----

    // RFC 8445 §7.3: answer a check, learn peer-reflexive candidates, trigger checks, follow nomination.
    void onRequest(long now, StunMessage req, LocalCandidate local, InetSocketAddress from) {
        IceCredentials localCreds = a.localCredentials;
        Optional<Username> user = req.attribute(Username.class);
        if (user.isEmpty() || !req.verifyIntegrity(StunKeys.shortTerm(localCreds.password()))) {
            // RFC 8489 §9.1.3: a request without valid short-term credentials gets 400/401; we stay silent to
            // keep the agent from answering probes it cannot authenticate.
            a.drop("check with missing or bad credentials from {}", from);
            return;
        }
        if (a.config.relayOnly() && local.relay() == null) {
            a.drop("direct check from {} while relay-only", from);
            return;
        }
        String u = user.get().value();
        if (!u.startsWith(localCreds.ufrag() + ":")) {
            a.drop("check with a foreign ufrag from {}", from);
            return;
        }
        List<Integer> unknown = req.unknownComprehensionRequired();
        if (!unknown.isEmpty()) {
            // RFC 8489 §6.3.1.1: 420 listing the unknown comprehension-required attributes.
            respondError(local, from, req, ErrorCode.UNKNOWN_ATTRIBUTE, "Unknown Attribute", unknown);
            return;
        }
        a.checkingStarted = true;
        // RFC 8445 §7.3.1.1: role conflict.
        Optional<IceControlling> theyControl = req.attribute(IceControlling.class);
        Optional<IceControlled> theyAreControlled = req.attribute(IceControlled.class);
        if (a.role == IceRole.CONTROLLING && theyControl.isPresent()) {
            if (Long.compareUnsigned(a.tieBreaker, theyControl.get().tieBreaker()) >= 0) {
                respondError(local, from, req, ErrorCode.ROLE_CONFLICT, "Role Conflict", List.of());
                return;
            }
            a.switchRole(IceRole.CONTROLLED);
        } else if (a.role == IceRole.CONTROLLED && theyAreControlled.isPresent()) {
            if (Long.compareUnsigned(a.tieBreaker, theyAreControlled.get().tieBreaker()) >= 0) {
                a.switchRole(IceRole.CONTROLLING);
            } else {
                respondError(local, from, req, ErrorCode.ROLE_CONFLICT, "Role Conflict", List.of());
                return;
            }
        }
        // RFC 8445 §7.3.1.2: success response with XOR-MAPPED-ADDRESS = the source.
        byte[] response = StunMessage.responseTo(req, StunClass.SUCCESS_RESPONSE)
                .add(new XorMappedAddress(from))
                .integrity(StunKeys.shortTerm(localCreds.password()))
                .fingerprint()
                .encode();
        a.transmitFrom(local, from, response);

        // RFC 8445 §7.3.1.3: a source we do not know is a peer-reflexive remote candidate.
        IceCandidate remote = remoteFor(from);
        if (remote == null) {
            long priority = req.attribute(Priority.class).map(Priority::priority).orElse(1L);
            remote = new IceCandidate("prflx" + (++prflxCounter), local.candidate().component(),
                    Math.max(1, Math.min(priority, 0x7FFF_FFFFL)), from, CandidateType.PEER_REFLEXIVE, null);
            a.remoteCandidates.add(remote);
        }
        // RFC 8445 §7.3.1.4: triggered check.
        CandidatePair pair = a.checklist.find(local.base(), from).orElse(null);
        if (pair == null) {
            pair = a.checklist.add(local, remote, a.role);
            if (pair == null) {
                return;
            }
            if (local.relay() != null) {
                local.relay().ensurePermission(from);
            }
        }
        boolean useCandidate = req.has(UseCandidate.class) && a.role == IceRole.CONTROLLED;
        if (a.config.lite()) {
            // RFC 8445 §7.3.1.5 (lite): no checks of our own; a nominated pair is valid at once.
            pair.state = PairState.SUCCEEDED;
            pair.lastResponseNanos = now;
            if (useCandidate) {
                pair.nominated = true;
                reconsiderSelection(now);
            }
            return;
        }
        if (pair.state == PairState.SUCCEEDED) {
            if (useCandidate) {
                CandidatePair valid = pair.validPair != null ? pair.validPair : pair;
                valid.nominated = true;
                reconsiderSelection(now);
            }
            return;
        }
        if (useCandidate) {
            pair.nominateOnSuccess = true; // RFC 8445 §7.3.1.5: nominated when the triggered check succeeds
        }
        if (pair.state != PairState.IN_PROGRESS || pair.check == null
                || pair.check.transmissions > 1) {
            if (pair.state != PairState.IN_PROGRESS) {
                pair.state = PairState.WAITING;
            }
            if (!a.triggered.contains(pair)) {
                a.triggered.add(pair);
            }
        }
    }

    private @Nullable IceCandidate remoteFor(InetSocketAddress address) {
        for (IceCandidate c : a.remoteCandidates) {
            if (c.address().equals(address)) {
                return c;
            }
        }
        return null;
    }

    private void respondError(LocalCandidate local, InetSocketAddress to, StunMessage req, int code, String reason,
            List<Integer> unknown) {
        StunMessage.Builder b = StunMessage.responseTo(req, StunClass.ERROR_RESPONSE).add(new ErrorCode(code, reason));
        if (!unknown.isEmpty()) {
            b.add(new UnknownAttributes(unknown));
        }
        a.transmitFrom(local, to, b.integrity(StunKeys.shortTerm(a.localCredentials.password())).fingerprint()
                .encode());
    }

    // ---- responses ----

    void onResponse(long now, Transaction t, StunMessage res, LocalCandidate arrivedOn, InetSocketAddress from) {
        byte[] key = t.integrityKey;
        if (key == null || !res.verifyIntegrity(key)) {
            a.drop("check response with bad integrity from {}", from);
            return;
        }
        a.transactions.remove(t.key);
        CandidatePair pair = t.purpose instanceof Transaction.Check c ? c.pair() : ((Transaction.Consent) t.purpose).pair();
        // RFC 8445 §7.2.5.2.1: the response must come back on the same addresses the request used.
        boolean symmetric = from.equals(t.to) && arrivedOn.base().equals(t.from.base());
        if (symmetric && res.messageClass() == StunClass.SUCCESS_RESPONSE) {
            pair.responsesReceived++;
            if (t.transmissions == 1) { // Karn's rule: a retransmitted request's response gives no RTT sample
                pair.lastRttNanos = now - t.firstSentNanos;
                pair.totalRttNanos += pair.lastRttNanos;
                pair.rttSamples++;
            }
        }
        if (t.purpose instanceof Transaction.Consent) {
            if (pair.consent == t) {
                pair.consent = null;
            }
            if (symmetric && res.messageClass() == StunClass.SUCCESS_RESPONSE) {
                pair.lastResponseNanos = now; // RFC 7675 §5.1: consent refreshed
                pair.consentMissing = false;
            }
            return;
        }
        Transaction.Check check = (Transaction.Check) t.purpose;
        if (res.messageClass() == StunClass.ERROR_RESPONSE) {
            int code = res.attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
            if (code == ErrorCode.ROLE_CONFLICT) {
                // RFC 8445 §7.2.5.1: take the role opposite to the one the request claimed, check again.
                boolean wasControlling = StunMessage.decode(t.request).map(m -> m.has(IceControlling.class))
                        .orElse(false);
                a.switchRole(wasControlling ? IceRole.CONTROLLED : IceRole.CONTROLLING);
                pair.state = PairState.WAITING;
                a.triggered.addFirst(pair);
            } else {
                fail(pair, t);
            }
            return;
        }
        if (!symmetric) {
            fail(pair, t);
            return;
        }
        InetSocketAddress mapped = res.attribute(XorMappedAddress.class).map(XorMappedAddress::address).orElse(null);
        if (mapped == null) {
            fail(pair, t);
            return;
        }
        CandidatePair valid = validPairFor(pair, mapped, t);
        pair.state = PairState.SUCCEEDED;
        pair.validPair = valid;
        pair.lastResponseNanos = now;
        valid.state = PairState.SUCCEEDED;
        valid.lastResponseNanos = now;
        if (a.firstValidNanos == Long.MAX_VALUE) {
            a.firstValidNanos = now;
        }
        a.checklist.unfreeze(pair.foundation());
        if ((check.useCandidate() && a.role == IceRole.CONTROLLING) || (pair.nominateOnSuccess
                && a.role == IceRole.CONTROLLED)) {
            valid.nominated = true;
        }
        if (a.nominating == pair || a.nominating == valid) {
            a.nominating = null;
        }
        reconsiderSelection(now);
    }

    // RFC 8445 §7.2.5.3.1-2: the valid pair is the one whose local candidate is the mapped address.
    private CandidatePair validPairFor(CandidatePair pair, InetSocketAddress mapped, Transaction t) {
        if (pair.local.address().equals(mapped)) {
            return pair;
        }
        LocalCandidate local = null;
        for (LocalCandidate c : a.localCandidates) {
            if (c.address().equals(mapped) && c.socket().equals(pair.local.socket())) {
                local = c;
            }
        }
        if (local == null) {
            long priority = StunMessage.decode(t.request).flatMap(m -> m.attribute(Priority.class))
                    .map(Priority::priority).orElse(pair.local.candidate().priority());
            IceCandidate c = new IceCandidate(a.gatherer.foundation(CandidateType.PEER_REFLEXIVE, pair.local.socket(),
                    null), pair.local.candidate().component(), priority, mapped, CandidateType.PEER_REFLEXIVE,
                    pair.local.socket());
            local = new LocalCandidate(c, pair.local.socket(), pair.local.relay());
            a.localCandidates.add(local); // RFC 8445 §7.2.5.3.1: peer-reflexive, not signalled
        }
        for (CandidatePair p : a.checklist.pairs()) {
            if (p.local.address().equals(mapped) && p.local.socket().equals(local.socket())
                    && p.remote.address().equals(pair.remote.address())) {
                return p;
            }
        }
        return a.checklist.addValid(local, pair.remote, a.role);
    }

    void onTimeout(long now, Transaction t) {
        if (t.purpose instanceof Transaction.Consent c) {
            if (c.pair().consent == t) {
                c.pair().consent = null;
                c.pair().consentMissing = true;
            }
            return;
        }
        CandidatePair pair = ((Transaction.Check) t.purpose).pair();
        if (pair.check == t && pair.state == PairState.IN_PROGRESS) {
            fail(pair, t);
        }
    }

    private void fail(CandidatePair pair, Transaction t) {
        a.transactions.remove(t.key);
        if (pair.state != PairState.SUCCEEDED) {
            pair.state = PairState.FAILED;
        }
        if (a.nominating == pair) {
            a.nominating = null;
        }
        AgentCore.LOG.trace("check failed {}", Redacted.of(pair));
    }

    // ---- nomination and selection ----

    // RFC 8445 §8.1.1: after a successful nomination the controlling agent never nominates another pair.
    private @Nullable CandidatePair bestValidToNominate() {
        if (selectedIsCurrent()) {
            return null;
        }
        for (CandidatePair p : a.checklist.pairs()) {
            if (p.state == PairState.SUCCEEDED && (p.validPair == null || p.validPair == p)) {
                return p;
            }
        }
        return null;
    }

    // RFC 8445 §8.1.1: regular nomination: once the best pair has succeeded (or after a delay), check it again
    // with USE-CANDIDATE.
    private void maybeNominate(long now) {
        if (a.role != IceRole.CONTROLLING || a.config.lite() || a.nominating != null || !canSendChecks()) {
            return;
        }
        CandidatePair best = bestValidToNominate();
        if (best == null) {
            return;
        }
        boolean betterPending = a.checklist.hasPending(best.priority);
        if (betterPending && now < a.firstValidNanos + a.config.nominationDelay().toNanos()) {
            return;
        }
        a.nominating = best;
        sendCheck(now, best, true);
    }

    void reconsiderSelection(long now) {
        CandidatePair best = null;
        for (CandidatePair p : a.checklist.pairs()) {
            if (p.nominated && p.state == PairState.SUCCEEDED) {
                best = p;
                break;
            }
        }
        if (best == null) {
            return;
        }
        CandidatePair s = a.selected;
        if (s == null || !a.checklist.pairs().contains(s) || best.priority > s.priority) {
            a.select(now, best);
            // RFC 8445 §8.1.2: lower-priority pairs that have not been checked are no longer needed.
            for (CandidatePair p : a.checklist.pairs()) {
                if (p.priority < best.priority && (p.state == PairState.WAITING || p.state == PairState.FROZEN)) {
                    p.state = PairState.FAILED;
                }
            }
        }
    }

    // ---- consent (RFC 7675) ----

    private void consent(long now) {
        CandidatePair s = a.selected;
        if (s == null || a.config.lite()) {
            return;
        }
        if (!a.consentExpired && now - s.lastResponseNanos >= a.config.consentTimeout().toNanos()) {
            // RFC 7675 §5.1: consent lost 30 s after the last response; stop sending.
            a.consentExpired = true;
            AgentCore.LOG.debug("consent expired on {}", Redacted.of(s));
            return;
        }
        IceCredentials remote = a.remoteCredentials;
        if (a.consentExpired || remote == null || s.consent != null || now < s.nextConsentNanos) {
            return;
        }
        byte[] id = StunMessage.newTransactionId(a.random);
        Transaction t = a.startTransaction(now, s.local, s.remote.address(), id, checkRequest(id, s, false, remote),
                new Transaction.Consent(s), a.config.maxCheckTransmissions());
        t.integrityKey = StunKeys.shortTerm(remote.password());
        s.consent = t;
        s.nextConsentNanos = now + a.consentInterval();
    }
}
