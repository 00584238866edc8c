package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwebrtc.sdp.SdpParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8853 §5.1 simulcast grammar. */
class SimulcastTest {

    @Test
    void sendListWithPausedAndAlternatives() {
        Simulcast s = Simulcast.parse("send 1;~2,3;4");
        assertEquals(3, s.send().size());
        assertEquals(List.of(new Simulcast.Stream("2", true), new Simulcast.Stream("3", false)), s.send().get(1));
        assertEquals(List.of(), s.recv());
        assertEquals("send 1;~2,3;4", s.toAttribute().value());
    }

    @Test
    void recvBeforeSendKeepsItsOrder() {
        Simulcast s = Simulcast.parse("recv a;b send c");
        assertEquals(2, s.recv().size());
        assertEquals("recv a;b send c", s.toAttribute().value());
        assertEquals("send 1;2;3", Simulcast.parse("send 1;2;3").toAttribute().value());
    }

    @Test
    void malformedSimulcastIsRejected() {
        for (String bad : new String[] {"send", "send 1 send 2", "both 1", "send 1;;2", "send 1,", "send ~", "x"}) {
            assertThrows(SdpParseException.class, () -> Simulcast.TYPE.parse(bad), bad);
        }
    }
}
