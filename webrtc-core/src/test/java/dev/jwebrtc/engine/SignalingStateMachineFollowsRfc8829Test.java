package dev.jwebrtc.engine;

import static dev.jwebrtc.RTCSdpType.ANSWER;
import static dev.jwebrtc.RTCSdpType.OFFER;
import static dev.jwebrtc.RTCSdpType.PRANSWER;
import static dev.jwebrtc.RTCSdpType.ROLLBACK;
import static dev.jwebrtc.RTCSignalingState.CLOSED;
import static dev.jwebrtc.RTCSignalingState.HAVE_LOCAL_OFFER;
import static dev.jwebrtc.RTCSignalingState.HAVE_LOCAL_PRANSWER;
import static dev.jwebrtc.RTCSignalingState.HAVE_REMOTE_OFFER;
import static dev.jwebrtc.RTCSignalingState.HAVE_REMOTE_PRANSWER;
import static dev.jwebrtc.RTCSignalingState.STABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.RTCErrorType;
import dev.jwebrtc.RTCException;
import dev.jwebrtc.RTCSdpType;
import dev.jwebrtc.RTCSignalingState;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalingStateMachineFollowsRfc8829Test {

    private record Move(RTCSignalingState from, boolean local, RTCSdpType type) {}

    /** Every allowed transition of RFC 8829 §3.2 (plus rollback and W3C implicit rollback); the rest is refused. */
    private static final Map<Move, RTCSignalingState> ALLOWED = new HashMap<>();

    static {
        allow(STABLE, true, OFFER, HAVE_LOCAL_OFFER);
        allow(STABLE, false, OFFER, HAVE_REMOTE_OFFER);
        allow(HAVE_LOCAL_OFFER, true, OFFER, HAVE_LOCAL_OFFER);
        allow(HAVE_LOCAL_OFFER, true, ROLLBACK, STABLE);
        allow(HAVE_LOCAL_OFFER, false, ANSWER, STABLE);
        allow(HAVE_LOCAL_OFFER, false, PRANSWER, HAVE_REMOTE_PRANSWER);
        allow(HAVE_LOCAL_OFFER, false, OFFER, HAVE_REMOTE_OFFER);
        allow(HAVE_REMOTE_OFFER, false, OFFER, HAVE_REMOTE_OFFER);
        allow(HAVE_REMOTE_OFFER, false, ROLLBACK, STABLE);
        allow(HAVE_REMOTE_OFFER, true, ANSWER, STABLE);
        allow(HAVE_REMOTE_OFFER, true, PRANSWER, HAVE_LOCAL_PRANSWER);
        allow(HAVE_LOCAL_PRANSWER, true, PRANSWER, HAVE_LOCAL_PRANSWER);
        allow(HAVE_LOCAL_PRANSWER, true, ANSWER, STABLE);
        allow(HAVE_REMOTE_PRANSWER, false, PRANSWER, HAVE_REMOTE_PRANSWER);
        allow(HAVE_REMOTE_PRANSWER, false, ANSWER, STABLE);
    }

    private static void allow(RTCSignalingState from, boolean local, RTCSdpType type, RTCSignalingState to) {
        ALLOWED.put(new Move(from, local, type), to);
    }

    @Test
    void everyStateAndDescriptionPairIsAllowedOrRefusedAsTheRfcSays() {
        int allowed = 0;
        for (RTCSignalingState from : RTCSignalingState.values()) {
            for (boolean local : new boolean[] {true, false}) {
                for (RTCSdpType type : RTCSdpType.values()) {
                    RTCSignalingState expected = ALLOWED.get(new Move(from, local, type));
                    if (expected != null) {
                        assertEquals(expected, SignalingStateMachine.transition(from, local, type), from + " " + type);
                        allowed++;
                    } else {
                        RTCException e = assertThrows(RTCException.class,
                                () -> SignalingStateMachine.transition(from, local, type), from + " " + local + " " + type);
                        assertEquals(RTCErrorType.INVALID_STATE, e.type());
                    }
                }
            }
        }
        assertEquals(ALLOWED.size(), allowed);
    }

    @Test
    void aFullOfferAnswerExchangeReturnsToStable() {
        SignalingStateMachine offerer = new SignalingStateMachine();
        SignalingStateMachine answerer = new SignalingStateMachine();
        assertEquals(HAVE_LOCAL_OFFER, offerer.apply(true, OFFER));
        assertEquals(HAVE_REMOTE_OFFER, answerer.apply(false, OFFER));
        assertEquals(STABLE, answerer.apply(true, ANSWER));
        assertEquals(STABLE, offerer.apply(false, ANSWER));
    }

    @Test
    void aRefusedTransitionLeavesTheStateAloneAndSaysWhy() {
        SignalingStateMachine m = new SignalingStateMachine();
        RTCException e = assertThrows(RTCException.class, () -> m.apply(false, ANSWER));
        assertEquals("InvalidStateError: cannot set remote answer in signaling state stable", e.getMessage());
        assertEquals(STABLE, m.state());
    }

    @Test
    void glareRollsBackTheLocalOfferImplicitly() {
        SignalingStateMachine polite = new SignalingStateMachine();
        polite.apply(true, OFFER);
        assertTrue(polite.needsImplicitRollback(false, OFFER));
        assertFalse(polite.needsImplicitRollback(false, ANSWER));
        assertEquals(HAVE_REMOTE_OFFER, polite.apply(false, OFFER));
    }

    @Test
    void closedAcceptsNothing() {
        SignalingStateMachine m = new SignalingStateMachine();
        m.close();
        for (RTCSdpType type : RTCSdpType.values()) {
            assertThrows(RTCException.class, () -> m.next(true, type));
        }
        assertEquals(CLOSED, m.state());
    }
}
