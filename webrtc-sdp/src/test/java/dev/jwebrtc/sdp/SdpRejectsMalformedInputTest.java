package dev.jwebrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each class of malformed input fails with SdpParseException naming the line number, the line and the rule. */
class SdpRejectsMalformedInputTest {
    private static final String HEAD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    static Stream<Arguments> malformed() {
        return Stream.of(
                // text, line number, offending line, fragment of "expected"
                Arguments.of("o=- 1 2 IN IP4 1.2.3.4\r\n", 1, "o=- 1 2 IN IP4 1.2.3.4", "v=0"),
                Arguments.of("v=1\r\n", 1, "v=1", "v=0"),
                Arguments.of("v=0\r\ns=-\r\n", 2, "s=-", "v=, o=, s="),
                Arguments.of("v=0\r\no=- 1 2 IN IP4\r\n", 2, "o=- 1 2 IN IP4", "<unicast-address>"),
                Arguments.of("v=0\r\no=- x 2 IN IP4 1.2.3.4\r\n", 2, "o=- x 2 IN IP4 1.2.3.4", "<sess-id>"),
                Arguments.of("v=0\r\no=- 1 2 IN IP4 1.2.3.4\r\ns=-\r\nm=audio 9 RTP/AVP 0\r\n", 4,
                        "m=audio 9 RTP/AVP 0", "t= line"),
                Arguments.of("v=0\r\no=- 1 2 IN IP4 1.2.3.4\r\ns=-\r\n", 3, "s=-", "t= line"),
                Arguments.of(HEAD + "t=0\r\n", 5, "t=0", "<stop-time>"),
                Arguments.of(HEAD + "t=now 0\r\n", 5, "t=now 0", "<start-time>"),
                Arguments.of(HEAD + "m=audio 9 RTP/AVP\r\n", 5, "m=audio 9 RTP/AVP", "<fmt>"),
                Arguments.of(HEAD + "m=audio 70000 RTP/AVP 0\r\n", 5, "m=audio 70000 RTP/AVP 0", "port number"),
                Arguments.of(HEAD + "m=audio x RTP/AVP 0\r\n", 5, "m=audio x RTP/AVP 0", "port number"),
                Arguments.of(HEAD + "m=audio 9/0 RTP/AVP 0\r\n", 5, "m=audio 9/0 RTP/AVP 0", "number of ports"),
                Arguments.of(HEAD + "m=audio 9 RTP//AVP 0\r\n", 5, "m=audio 9 RTP//AVP 0", "<proto>"),
                Arguments.of(HEAD + "c=IN IP4\r\n", 5, "c=IN IP4", "<connection-address>"),
                Arguments.of(HEAD + "b=AS\r\n", 5, "b=AS", "<bwtype>:<bandwidth>"),
                Arguments.of(HEAD + "b=AS:lots\r\n", 5, "b=AS:lots", "<bwtype>:<bandwidth>"),
                Arguments.of(HEAD + "x=unknown\r\n", 5, "x=unknown", "session-level line"),
                Arguments.of(HEAD + "A=upper\r\n", 5, "A=upper", "lower-case type"),
                Arguments.of(HEAD + "no equals sign\r\n", 5, "no equals sign", "<type>=<value>"),
                Arguments.of(HEAD + "a=x\u0000y\r\n", 5, "a=x\u0000y", "no NUL or CR"),
                Arguments.of(HEAD + "a=x\ry\r\n", 5, "a=x\ry", "no NUL or CR"),
                Arguments.of(HEAD + "o=- 1 2 IN IP4 1.2.3.4\r\n", 5, "o=- 1 2 IN IP4 1.2.3.4", "at most one o="),
                Arguments.of(HEAD + "c=IN IP4 0.0.0.0\r\nc=IN IP4 0.0.0.0\r\n", 6, "c=IN IP4 0.0.0.0",
                        "at most one c="),
                Arguments.of("v=0\r\no=- 1 2 IN IP4 1.2.3.4\r\ns=-\r\nr=7d 1h 0 25h\r\n", 4, "r=7d 1h 0 25h",
                        "after a t= line"),
                Arguments.of(HEAD + "m=audio 9 RTP/AVP 0\r\nt=0 0\r\n", 6, "t=0 0", "media-level line"),
                Arguments.of(HEAD + "m=audio 9 RTP/AVP 0\r\ni=a\r\ni=b\r\n", 7, "i=b", "at most one i="),
                Arguments.of(HEAD + "a=bad name:1\r\n", 5, "a=bad name:1", "token name"),
                Arguments.of(HEAD + "a=:value\r\n", 5, "a=:value", "token name"),
                Arguments.of(HEAD + "m=audio 9 RTP/AVP 0\r\na=mid:0\r\na=candidate:1 1 udp 1 1.2.3.4 70000 typ host\r\n",
                        7, "a=candidate:1 1 udp 1 1.2.3.4 70000 typ host", "<port> 0-65535"),
                Arguments.of(HEAD + "m=audio 9 RTP/AVP 0\r\na=rtpmap:96 VP8\r\n", 6, "a=rtpmap:96 VP8",
                        "<encoding name>/<clock rate>"),
                Arguments.of(HEAD + "a=group\r\n", 5, "a=group", "a=group:<value>"),
                Arguments.of(HEAD + "m=audio 9 RTP/AVP 0\r\na=setup:sometimes\r\n", 6, "a=setup:sometimes",
                        "active, passive"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedLineIsNamedWithNumberAndExpectation(String text, int line, String content, String expected) {
        SdpParseException e = assertThrows(SdpParseException.class, () -> Sdp.parse(text));
        assertEquals(line, e.lineNumber(), e.getMessage());
        assertEquals(content, e.line(), e.getMessage());
        assertTrue(e.expected().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("SDP line " + line + ": expected "), e.getMessage());
    }

    @Test
    void emptyAndBlankInputAreRejected() {
        assertEquals(0, assertThrows(SdpParseException.class, () -> Sdp.parse("")).lineNumber());
        assertThrows(SdpParseException.class, () -> Sdp.parse("\r\n\r\n"));
        assertThrows(SdpParseException.class, () -> Sdp.parse("\r\n", SdpParseOptions.STRICT));
    }

    @Test
    void oversizedInputIsRejectedBeforeParsing() {
        String big = HEAD + "a=x-pad:" + "p".repeat(SdpParseOptions.DEFAULT_MAX_CHARS) + "\r\n";
        SdpParseException e = assertThrows(SdpParseException.class, () -> Sdp.parse(big));
        assertEquals(0, e.lineNumber());
        assertTrue(e.expected().contains("at most 1048576 characters"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, "the message stays small");
        SdpParseOptions small = SdpParseOptions.LENIENT.withLimits(40, 100);
        assertThrows(SdpParseException.class, () -> Sdp.parse(HEAD + "a=x-more\r\n", small));
    }

    @Test
    void tooManyLinesAreRejectedAtTheFirstLineOverTheLimit() {
        String many = HEAD + "a=x\r\n".repeat(SdpParseOptions.DEFAULT_MAX_LINES);
        SdpParseException e = assertThrows(SdpParseException.class, () -> Sdp.parse(many));
        assertEquals(SdpParseOptions.DEFAULT_MAX_LINES + 1, e.lineNumber());
        SdpParseOptions tight = SdpParseOptions.LENIENT.withLimits(1 << 20, 5);
        assertEquals(6, assertThrows(SdpParseException.class, () -> Sdp.parse(HEAD + "a=x\r\na=y\r\n", tight))
                .lineNumber());
        Sdp.parse(HEAD + "a=x\r\n", tight);
    }

    @Test
    void longLinesAreShortenedInTheException() {
        String longValue = "x".repeat(10_000);
        SdpParseException e = assertThrows(SdpParseException.class,
                () -> Sdp.parse(HEAD + "m=audio 9 RTP/AVP 0\r\na=mid:" + longValue + " y\r\n"));
        assertTrue(e.line().length() < 300);
        assertTrue(e.getMessage().length() < 600);
    }

    @Test
    void controlCharactersAreEscapedInTheMessage() {
        SdpParseException e = assertThrows(SdpParseException.class, () -> Sdp.parse(HEAD + "a=x\u0001\u0000\r\n"));
        assertTrue(e.getMessage().contains("\\x01\\x00"), e.getMessage());
    }
}
