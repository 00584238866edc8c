package dev.jwebrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every browser sample and RFC example survives parse and write unchanged. */
class SdpRoundTripTest {

    static List<String> samples() {
        return Samples.all();
    }

    @Test
    void theSampleSetIsComplete() {
        // 11 browser captures from shared/interop/sdp plus 5 RFC 8829/8866 examples.
        assertEquals(11, Samples.list("samples").size());
        assertEquals(5, Samples.list("rfc").size());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writeOfParseKeepsEveryLineInOrder(String name) {
        String text = Samples.read(name);
        String written = Sdp.write(Sdp.parse(text));
        assertEquals(List.of(text.split("\r\n")), List.of(written.split("\r\n")), name);
        assertEquals(text, written, name);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void parseOfWriteEqualsParse(String name) {
        SessionDescription first = Sdp.parse(Samples.read(name));
        SessionDescription second = Sdp.parse(Sdp.write(first));
        assertEquals(first, second, name);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void samplesAreValidUnderStrictRules(String name) {
        SessionDescription strict = Sdp.parse(Samples.read(name), SdpParseOptions.STRICT);
        assertEquals(Sdp.parse(Samples.read(name)), strict, name);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writtenTextUsesCrlfOnly(String name) {
        String written = Sdp.write(Sdp.parse(Samples.read(name)));
        assertTrue(written.endsWith("\r\n"));
        assertFalse(written.replace("\r\n", "").contains("\n"));
        assertFalse(written.replace("\r\n", "").contains("\r"));
    }
}
