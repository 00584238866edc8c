package dev.jwebrtc.ice.internal;

import dev.jwebrtc.ice.CandidateType;
import dev.jwebrtc.ice.IceCandidate;
import dev.jwebrtc.ice.IceRole;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The checklist of one data stream (RFC 8445 §6.1.2): pairs ordered by priority, with their states. */
final class Checklist {

    private final List<CandidatePair> pairs = new ArrayList<>();
    private final int maxPairs;

    Checklist(int maxPairs) {
        this.maxPairs = maxPairs;
    }

    List<CandidatePair> pairs() {
        return pairs;
    }

    /**
     * RFC 8445 §6.1.2.2-§6.1.2.5: pairs a local and a remote candidate of the same component and address family;
     * a server-reflexive local candidate is represented by its base (so it is not paired itself), duplicates by
     * (local base, remote address) are pruned keeping the higher priority, and the list is capped.
     *
     * @return the new pair, or {@code null} when none was added
     */
    @Nullable CandidatePair add(LocalCandidate local, IceCandidate remote, IceRole role) {
        if (!pairable(local, remote)) {
            return null;
        }
        CandidatePair pair = new CandidatePair(local, remote, role);
        Optional<CandidatePair> existing = find(local.base(), remote.address());
        if (existing.isPresent()) {
            CandidatePair e = existing.get();
            if (e.priority >= pair.priority || e.state != PairState.FROZEN) {
                return null;
            }
            pairs.remove(e);
        }
        // RFC 8838 §10/RFC 8445 §6.1.2.6: a pair is Waiting unless another pair of its foundation is already
        // Waiting or In-Progress, in which case it stays Frozen until that one succeeds.
        boolean foundationBusy = pairs.stream().anyMatch(p -> p.foundation().equals(pair.foundation())
                && (p.state == PairState.WAITING || p.state == PairState.IN_PROGRESS));
        pair.state = foundationBusy ? PairState.FROZEN : PairState.WAITING;
        pairs.add(pair);
        sort();
        if (pairs.size() > maxPairs) {
            // RFC 8445 §6.1.2.5: drop the lowest-priority pairs that are not being used.
            for (int i = pairs.size() - 1; i >= 0 && pairs.size() > maxPairs; i--) {
                PairState s = pairs.get(i).state;
                if (s == PairState.FROZEN || s == PairState.WAITING || s == PairState.FAILED) {
                    pairs.remove(i);
                }
            }
        }
        return pairs.contains(pair) ? pair : null;
    }

    /** Adds a pair that is already known to work (a valid pair from a peer-reflexive mapped address). */
    CandidatePair addValid(LocalCandidate local, IceCandidate remote, IceRole role) {
        CandidatePair pair = new CandidatePair(local, remote, role);
        pair.state = PairState.SUCCEEDED;
        pairs.add(pair);
        sort();
        return pair;
    }

    static boolean pairable(LocalCandidate local, IceCandidate remote) {
        if (local.type() == CandidateType.SERVER_REFLEXIVE || local.type() == CandidateType.PEER_REFLEXIVE) {
            return false;
        }
        if (remote.isNamed() || !remote.transport().equals("udp")
                || remote.component() != local.candidate().component()) {
            return false;
        }
        return (local.address().getAddress() instanceof Inet4Address)
                == (remote.address().getAddress() instanceof Inet4Address);
    }

    Optional<CandidatePair> find(InetSocketAddress localBase, InetSocketAddress remoteAddress) {
        for (CandidatePair p : pairs) {
            if (p.sameAs(localBase, remoteAddress)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** RFC 8445 §7.2.5.3.3: a success unfreezes the pairs of the same foundation. */
    void unfreeze(String foundation) {
        for (CandidatePair p : pairs) {
            if (p.state == PairState.FROZEN && p.foundation().equals(foundation)) {
                p.state = PairState.WAITING;
            }
        }
    }

    /**
     * RFC 8445 §6.1.4.2: the highest-priority Waiting pair above {@code floor}; when there is none, a Frozen pair
     * whose foundation has nothing Waiting or In-Progress is unfrozen first.
     */
    @Nullable CandidatePair nextOrdinary(long floor) {
        CandidatePair waiting = firstIn(PairState.WAITING, floor);
        if (waiting != null) {
            return waiting;
        }
        for (CandidatePair p : pairs) {
            if (p.state == PairState.FROZEN && p.priority > floor && pairs.stream().noneMatch(
                    o -> o.foundation().equals(p.foundation())
                            && (o.state == PairState.WAITING || o.state == PairState.IN_PROGRESS))) {
                p.state = PairState.WAITING;
                return p;
            }
        }
        return null;
    }

    boolean hasCheckable(long floor) {
        for (CandidatePair p : pairs) {
            if ((p.state == PairState.WAITING || p.state == PairState.FROZEN) && p.priority > floor) {
                return true;
            }
        }
        return false;
    }

    /** Whether any pair above {@code floor} may still succeed. */
    boolean hasPending(long floor) {
        for (CandidatePair p : pairs) {
            if (p.priority > floor && (p.state == PairState.WAITING || p.state == PairState.FROZEN
                    || p.state == PairState.IN_PROGRESS)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a check is still running on some pair. */
    boolean hasInProgress() {
        return pairs.stream().anyMatch(p -> p.state == PairState.IN_PROGRESS);
    }

    private @Nullable CandidatePair firstIn(PairState state, long floor) {
        for (CandidatePair p : pairs) {
            if (p.state == state && p.priority > floor) {
                return p;
            }
        }
        return null;
    }

    /** A peer-reflexive remote candidate was signalled after all: the pairs take the signalled one. */
    void replaceRemote(IceCandidate old, IceCandidate signalled, IceRole role) {
        for (CandidatePair p : pairs) {
            if (p.remote == old) {
                p.remote = signalled;
                p.updatePriority(role);
            }
        }
        sort();
    }

    /** RFC 8445 §7.2.5.1 / §7.3.1.1: priorities change with the role. */
    void updatePriorities(IceRole role) {
        pairs.forEach(p -> p.updatePriority(role));
        sort();
    }

    boolean allFailed() {
        return pairs.stream().allMatch(p -> p.state == PairState.FAILED);
    }

    private void sort() {
        pairs.sort(Comparator.comparingLong((CandidatePair p) -> p.priority).reversed());
    }
}
