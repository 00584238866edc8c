package dev.jwebrtc.sdp;

import dev.jwebrtc.sdp.internal.SdpParser;
import dev.jwebrtc.sdp.internal.SdpWriter;

/** Entry point: SDP text to {@link SessionDescription} and back (RFC 8866). Pure functions, thread-safe. */
public final class Sdp {
    private Sdp() {
    }

    /**
     * Parses leniently (see {@link SdpParseOptions}) with the default size limits.
     *
     * @throws SdpParseException naming the line number, the line and what was expected
     */
    public static SessionDescription parse(String text) {
        return parse(text, SdpParseOptions.LENIENT);
    }

    /**
     * Parses with the given rules and limits.
     *
     * @throws SdpParseException naming the line number, the line and what was expected
     */
    public static SessionDescription parse(String text, SdpParseOptions options) {
        return new SdpParser(options).parse(text);
    }

    /** Writes the description in RFC 8866 line order with CRLF line ends; attribute order is kept. */
    public static String write(SessionDescription description) {
        return SdpWriter.write(description);
    }
}
