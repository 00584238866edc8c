package dev.jwebrtc.sdp;

/**
 * A session description (or one of its attribute values) does not follow the SDP grammar.
 *
 * <p>Names the 1-based line number (0 when the text did not come from a parsed description, for example when a
 * typed attribute view is built from a bare value), the offending line and what the grammar expected there.
 */
public final class SdpParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Lines longer than this are shortened in the message and in {@link #line()}: hostile input stays small. */
    private static final int MAX_QUOTED = 200;

    private final int lineNumber;
    private final String line;
    private final String expected;

    /**
     * @param lineNumber 1-based line number, or 0 when unknown
     * @param line the offending line (shortened if very long)
     * @param expected what the grammar expected, e.g. {@code "port number 0-65535"}
     */
    public SdpParseException(int lineNumber, String line, String expected) {
        super(message(lineNumber, shorten(line), expected));
        this.lineNumber = lineNumber;
        this.line = shorten(line);
        this.expected = expected;
    }

    /** A failure in a bare value, with no line number yet. */
    public static SdpParseException inValue(String line, String expected) {
        return new SdpParseException(0, line, expected);
    }

    /** The same failure, placed at a line of a parsed description. */
    public SdpParseException at(int lineNumber, String line) {
        return new SdpParseException(lineNumber, line, expected);
    }

    /** 1-based line number, or 0 when unknown. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The offending line (shortened to about 200 characters). */
    public String line() {
        return line;
    }

    /** What the grammar expected at that place. */
    public String expected() {
        return expected;
    }

    private static String shorten(String line) {
        return line.length() <= MAX_QUOTED ? line : line.substring(0, MAX_QUOTED) + "...";
    }

    private static String message(int lineNumber, String line, String expected) {
        StringBuilder sb = new StringBuilder(line.length() + expected.length() + 40);
        sb.append(lineNumber > 0 ? "SDP line " + lineNumber : "SDP").append(": expected ").append(expected);
        sb.append(" in \"");
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
