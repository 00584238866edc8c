package dev.jwebrtc.sdp;

/**
 * How {@link Sdp#parse(String, SdpParseOptions)} treats input.
 *
 * <p>Lenient (the default, as browsers are): bare LF line ends, a missing final line end, trailing whitespace,
 * runs of spaces between fields of {@code o=}, {@code m=}, {@code c=} and {@code t=}, blank lines, and
 * session-level lines after {@code s=} (and media-level lines after {@code m=}) in any order. Strict: every line
 * ends in CRLF, fields of {@code o=}, {@code m=}, {@code c=} and {@code t=} are separated by exactly one space,
 * {@code s=} is not empty, lines follow the order of RFC 8866 §5, and property attributes carry no value.
 * Typed attribute values accept runs of whitespace between fields in both modes.
 * Both modes keep unknown attributes and reject malformed {@code v=}, {@code o=}, {@code m=}, {@code c=},
 * {@code t=}, {@code b=} lines and malformed values of known attributes (for example candidate fields).
 *
 * @param strict the strict rules above
 * @param maxChars inputs longer than this are rejected before any parsing
 * @param maxLines inputs with more lines are rejected
 */
public record SdpParseOptions(boolean strict, int maxChars, int maxLines) {
    /** 1 MiB of text: about 150 times Chromium's audio+video+data offer. */
    public static final int DEFAULT_MAX_CHARS = 1 << 20;
    /** 20 000 lines: about 120 times Chromium's audio+video+data offer. */
    public static final int DEFAULT_MAX_LINES = 20_000;
    /** Lenient, with the default limits. */
    public static final SdpParseOptions LENIENT = new SdpParseOptions(false, DEFAULT_MAX_CHARS, DEFAULT_MAX_LINES);
    /** Strict, with the default limits. */
    public static final SdpParseOptions STRICT = new SdpParseOptions(true, DEFAULT_MAX_CHARS, DEFAULT_MAX_LINES);

    public SdpParseOptions {
        if (maxChars < 1 || maxLines < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The same options with other limits. */
    public SdpParseOptions withLimits(int chars, int lines) {
        return new SdpParseOptions(strict, chars, lines);
    }
}
