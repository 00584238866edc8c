package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.SdpParseException;
import dev.jwebrtc.sdp.internal.Grammar;
import java.util.List;

/** Shared checks for attribute parsers; failures carry the value and what was expected. */
final class Values {
    private Values() {
    }

    static List<String> fields(String value, int min, String expected) {
        List<String> f = Grammar.fields(value);
        if (f.size() < min) {
            throw SdpParseException.inValue(value, expected);
        }
        return f;
    }

    static String token(String s, String expected, String context) {
        if (!Grammar.isToken(s)) {
            throw SdpParseException.inValue(context, expected);
        }
        return s;
    }

    static int payloadType(String s, String context) {
        return Grammar.parseInt(s, 0, 127, "an RTP payload type 0-127", context);
    }

    static long ssrc(String s, String context) {
        return Grammar.parseLong(s, 0, 0xFFFF_FFFFL, "an SSRC 0-4294967295", context);
    }

    static void require(boolean ok, String expected, String context) {
        if (!ok) {
            throw SdpParseException.inValue(context, expected);
        }
    }
}
