package dev.jwebrtc.engine;

import dev.jwebrtc.RTCErrorType;
import dev.jwebrtc.RTCException;
import dev.jwebrtc.RTCSdpType;
import dev.jwebrtc.RTCSignalingState;

/**
 * The offer/answer state machine of RFC 8829 §3.2 as W3C {@code setLocalDescription}/{@code setRemoteDescription}
 * apply it, including rollback (RFC 8829 §4.1.10.2, §5.7) and the W3C implicit rollback of a local offer when a
 * remote offer arrives (perfect negotiation).
 *
 * <p>Pure: {@link #next} computes a transition without changing anything; {@link #apply} commits it once the
 * description has been applied successfully. Not thread-safe; owned by the peer connection's event loop.
 */
public final class SignalingStateMachine {

    private RTCSignalingState state = RTCSignalingState.STABLE;

    public RTCSignalingState state() {
        return state;
    }

    /** Whether a remote offer in this state first rolls back our own pending offer (W3C §4.4.1.6, perfect negotiation). */
    public boolean needsImplicitRollback(boolean local, RTCSdpType type) {
        return !local && type == RTCSdpType.OFFER && state == RTCSignalingState.HAVE_LOCAL_OFFER;
    }

    /**
     * The state that setting a description of {@code type} (local or remote) leads to.
     *
     * @throws RTCException {@code InvalidStateError} naming the state and the description, when the transition is not allowed
     */
    public RTCSignalingState next(boolean local, RTCSdpType type) {
        return transition(state, local, type);
    }

    /** Commits the transition computed by {@link #next}. */
    public RTCSignalingState apply(boolean local, RTCSdpType type) {
        state = transition(state, local, type);
        return state;
    }

    /** Moves to {@code closed}; no transition leaves it. */
    public void close() {
        state = RTCSignalingState.CLOSED;
    }

    /** The transition table of RFC 8829 §3.2. */
    public static RTCSignalingState transition(RTCSignalingState from, boolean local, RTCSdpType type) {
        RTCSignalingState to = switch (from) {
            case STABLE -> switch (type) {
                case OFFER -> local ? RTCSignalingState.HAVE_LOCAL_OFFER : RTCSignalingState.HAVE_REMOTE_OFFER;
                default -> null;
            };
            case HAVE_LOCAL_OFFER -> local
                    ? switch (type) {
                        case OFFER -> RTCSignalingState.HAVE_LOCAL_OFFER;
                        case ROLLBACK -> RTCSignalingState.STABLE;
                        default -> null;
                    }
                    : switch (type) {
                        case ANSWER -> RTCSignalingState.STABLE;
                        case PRANSWER -> RTCSignalingState.HAVE_REMOTE_PRANSWER;
                        // W3C implicit rollback: our offer is dropped and theirs taken.
                        case OFFER -> RTCSignalingState.HAVE_REMOTE_OFFER;
                        default -> null;
                    };
            case HAVE_REMOTE_OFFER -> local
                    ? switch (type) {
                        case ANSWER -> RTCSignalingState.STABLE;
                        case PRANSWER -> RTCSignalingState.HAVE_LOCAL_PRANSWER;
                        default -> null;
                    }
                    : switch (type) {
                        case OFFER -> RTCSignalingState.HAVE_REMOTE_OFFER;
                        case ROLLBACK -> RTCSignalingState.STABLE;
                        default -> null;
                    };
            case HAVE_LOCAL_PRANSWER -> local
                    ? switch (type) {
                        case ANSWER -> RTCSignalingState.STABLE;
                        case PRANSWER -> RTCSignalingState.HAVE_LOCAL_PRANSWER;
                        default -> null;
                    }
                    : null;
            case HAVE_REMOTE_PRANSWER -> local
                    ? null
                    : switch (type) {
                        case ANSWER -> RTCSignalingState.STABLE;
                        case PRANSWER -> RTCSignalingState.HAVE_REMOTE_PRANSWER;
                        default -> null;
                    };
            case CLOSED -> null;
        };
        if (to == null) {
            throw new RTCException(RTCErrorType.INVALID_STATE, "cannot set " + (local ? "local " : "remote ")
                    + type.w3cName() + " in signaling state " + from.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        return to;
    }
}
