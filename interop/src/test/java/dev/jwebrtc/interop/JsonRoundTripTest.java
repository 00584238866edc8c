package dev.jwebrtc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {

    @Test
    void webDriverShapedValuesRoundTrip() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("sessionId", "abc");
        value.put("sdp", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n\"quoted\" \\ tab\t");
        value.put("n", 42L);
        value.put("x", 1.5);
        value.put("ok", true);
        value.put("none", null);
        value.put("list", Arrays.asList(1L, "two", List.of(), Map.of()));
        String text = Json.write(value);
        assertEquals(value, Json.parse(text));
        assertEquals(value, Json.parse(" \n" + text + "\t "));
    }

    @Test
    void unicodeEscapesAreDecoded() {
        assertEquals("é\u0001", Json.parse("\"\\u00e9\\u0001\""));
        assertEquals("\"\\u0001\"", Json.write("\u0001"));
    }

    @Test
    void malformedJsonIsRejectedWithThePosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,}"));
        assertEquals("JSON: expected '\"' at 7", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1 2]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("1 2"));
    }
}
