package dev.jwebrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Direction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8829 §5.3.1 / RFC 3264 §6.1: the answer's direction for each offered and local direction. */
class JsepDirectionTest {

    @ParameterizedTest(name = "offer {0}, local {1} -> answer {2}")
    @CsvSource({
        "SENDRECV, SENDRECV, SENDRECV", "SENDRECV, SENDONLY, SENDONLY", "SENDRECV, RECVONLY, RECVONLY",
        "SENDRECV, INACTIVE, INACTIVE", "SENDONLY, SENDRECV, RECVONLY", "SENDONLY, SENDONLY, INACTIVE",
        "SENDONLY, RECVONLY, RECVONLY", "RECVONLY, SENDRECV, SENDONLY", "RECVONLY, RECVONLY, INACTIVE",
        "RECVONLY, SENDONLY, SENDONLY", "INACTIVE, SENDRECV, INACTIVE"})
    void answerDirectionIsTheReversedOfferLimitedByTheLocalWish(Direction offered, Direction localWish,
            Direction expected) {
        LocalState alice = Peers.peer("1", Peers.ICE_A, 1).dataChannel(false)
                .addTransceiver(Transceiver.of(MediaKind.AUDIO, offered, Peers.stream("a", 1, 0))).build();
        SessionDescription offer = Jsep.createOffer(alice, null).description();
        LocalState bob = Peers.peer("2", Peers.ICE_B, 2).dataChannel(false)
                .addTransceiver(Transceiver.of(MediaKind.AUDIO, localWish, Peers.stream("b", 2, 0))).build();
        SessionDescription answer = Jsep.createAnswer(offer, bob, null).description();
        BrowserChecks.assertAnswerAcceptable(offer, answer);
        assertEquals(expected, answer.media().get(0).direction());
        assertEquals(expected.sends(), answer.media().get(0).has("msid"));
    }
}
