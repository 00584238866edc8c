package dev.jwebrtc.sdp.internal;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.Bandwidth;
import dev.jwebrtc.sdp.Connection;
import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.Origin;
import dev.jwebrtc.sdp.SdpParseException;
import dev.jwebrtc.sdp.SdpParseOptions;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.Timing;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Line-by-line SDP parser (RFC 8866 §5). One instance parses one text; not thread-safe, cheap to create.
 *
 * <p>Every failure is an {@link SdpParseException} carrying the line number and the line.
 */
public final class SdpParser {
    /** RFC 8866 §5: session-level line order. */
    private static final String SESSION_ORDER = "vosiuepcbtrzka";
    /** RFC 8866 §5: media-level line order. */
    private static final String MEDIA_ORDER = "micbka";
    private static final String SESSION_REPEATABLE = "epbtra";
    private static final String MEDIA_REPEATABLE = "cba";

    private final SdpParseOptions options;

    // Session level.
    private int version = -1;
    private @Nullable Origin origin;
    private @Nullable String sessionName;
    private @Nullable String information;
    private @Nullable String uri;
    private final List<String> emails = new ArrayList<>(0);
    private final List<String> phones = new ArrayList<>(0);
    private @Nullable Connection connection;
    private final List<Bandwidth> bandwidths = new ArrayList<>(0);
    private final List<Timing> timings = new ArrayList<>(1);
    private @Nullable List<String> repeats;
    private long timingStart;
    private long timingStop;
    private @Nullable String timeZones;
    private @Nullable String encryptionKey;
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<MediaDescription> media = new ArrayList<>();
    private long seenSession;
    private int lastOrder = -1;

    // Current media section.
    private @Nullable MediaBuilder current;

    private int lineNumber;
    private String line = "";

    public SdpParser(SdpParseOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public SessionDescription parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > options.maxChars()) {
            throw new SdpParseException(0, "", "at most " + options.maxChars() + " characters, got "
                    + text.length());
        }
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? n : nl;
            int next = nl < 0 ? n : nl + 1;
            lineNumber++;
            int contentEnd = end;
            boolean cr = contentEnd > pos && text.charAt(contentEnd - 1) == '\r';
            if (cr) {
                contentEnd--;
            }
            line = text.substring(pos, contentEnd);
            if (lineNumber > options.maxLines()) {
                throw new SdpParseException(lineNumber, line, "at most " + options.maxLines() + " lines");
            }
            pos = next;
            if (options.strict()) {
                if (nl < 0 || !cr) {
                    throw error("line end CRLF");
                }
            } else {
                line = stripTrailing(line);
            }
            if (line.isEmpty()) {
                if (options.strict()) {
                    throw error("<type>=<value>, not an empty line");
                }
                continue;
            }
            acceptLine();
        }
        return finish();
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0) {
            char c = s.charAt(end - 1);
            if (c != ' ' && c != '\t' && c != '\r') {
                break;
            }
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    private SdpParseException error(String expected) {
        return new SdpParseException(lineNumber, line, expected);
    }

    private void acceptLine() {
        if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
            throw error("<type>=<value> with a lower-case type letter");
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == 0 || c == '\r') {
                throw error("no NUL or CR inside a line");
            }
        }
        char type = line.charAt(0);
        String value = line.substring(2);
        try {
            if (current == null) {
                sessionLine(type, value);
            } else {
                mediaLine(current, type, value);
            }
        } catch (SdpParseException e) {
            throw e.lineNumber() == 0 ? e.at(lineNumber, line) : e;
        }
    }

    private void sessionLine(char type, String value) {
        if (type == 'm') {
            requireSessionComplete();
            current = new MediaBuilder(parseMediaLine(value));
            return;
        }
        int order = SESSION_ORDER.indexOf(type);
        if (order < 0) {
            throw error("a session-level line (v, o, s, i, u, e, p, c, b, t, r, z, k, a or m)");
        }
        checkSessionOrder(type, order);
        switch (type) {
            case 'v' -> {
                if (!value.equals("0")) {
                    throw error("v=0");
                }
                version = 0;
            }
            case 'o' -> origin = parseOrigin(value);
            case 's' -> {
                if (options.strict() && value.isEmpty()) {
                    throw error("a session name (s=- when there is none)");
                }
                sessionName = value;
            }
            case 'i' -> information = value;
            case 'u' -> uri = value;
            case 'e' -> emails.add(value);
            case 'p' -> phones.add(value);
            case 'c' -> connection = parseConnection(value);
            case 'b' -> bandwidths.add(parseBandwidth(value));
            case 't' -> {
                closeTiming();
                List<String> f = fields(value, "t=<start-time> <stop-time>");
                if (f.size() != 2) {
                    throw error("t=<start-time> <stop-time>");
                }
                timingStart = Grammar.parseLong(f.get(0), 0, Long.MAX_VALUE, "t=<start-time> <stop-time>", line);
                timingStop = Grammar.parseLong(f.get(1), 0, Long.MAX_VALUE, "t=<start-time> <stop-time>", line);
                repeats = new ArrayList<>(0);
            }
            case 'r' -> {
                if (repeats == null) {
                    throw error("r= only after a t= line");
                }
                repeats.add(value);
            }
            case 'z' -> timeZones = value;
            case 'k' -> encryptionKey = value;
            case 'a' -> attributes.add(parseAttribute(value));
            default -> throw new AssertionError(type);
        }
    }

    private void checkSessionOrder(char type, int order) {
        long bit = 1L << order;
        if (seenSession == 0 && type != 'v') {
            throw error("v=0 as the first line");
        }
        if ((seenSession & bit) != 0 && SESSION_REPEATABLE.indexOf(type) < 0) {
            throw error("at most one " + type + "= line at session level");
        }
        // RFC 8866 §5: v=, o= and s= open every description, in this order; browsers insist on it too.
        if (order <= 2 && order != Long.bitCount(seenSession)) {
            throw error("v=, o=, s= as the first three lines");
        }
        if (order > 2 && Long.bitCount(seenSession & 0b111) != 3) {
            throw error("v=, o=, s= as the first three lines");
        }
        if (options.strict() && order < lastOrder && !(type == 't' && lastOrder == SESSION_ORDER.indexOf('r'))) {
            throw error("session-level lines in the order v o s i u e p c b t r z k a (RFC 8866 §5)");
        }
        seenSession |= bit;
        lastOrder = order;
    }

    private void closeTiming() {
        if (repeats != null) {
            timings.add(new Timing(timingStart, timingStop, repeats));
            repeats = null;
        }
    }

    private void requireSessionComplete() {
        if (version < 0 || origin == null || sessionName == null) {
            throw error("v=, o=, s= as the first three lines");
        }
        closeTiming();
        if (timings.isEmpty()) {
            throw error("a t= line before the first m= line");
        }
    }

    private void mediaLine(MediaBuilder m, char type, String value) {
        if (type == 'm') {
            media.add(m.build());
            current = new MediaBuilder(parseMediaLine(value));
            return;
        }
        int order = MEDIA_ORDER.indexOf(type);
        if (order < 0) {
            throw error("a media-level line (i, c, b, k, a) or the next m= line");
        }
        int bit = 1 << order;
        if ((m.seen & bit) != 0 && MEDIA_REPEATABLE.indexOf(type) < 0) {
            throw error("at most one " + type + "= line in a media section");
        }
        if (options.strict() && order < m.lastOrder) {
            throw error("media-level lines in the order m i c b k a (RFC 8866 §5)");
        }
        m.seen |= bit;
        m.lastOrder = order;
        switch (type) {
            case 'i' -> m.information = value;
            case 'c' -> m.connections.add(parseConnection(value));
            case 'b' -> m.bandwidths.add(parseBandwidth(value));
            case 'k' -> m.encryptionKey = value;
            case 'a' -> m.attributes.add(parseAttribute(value));
            default -> throw new AssertionError(type);
        }
    }

    private SessionDescription finish() {
        if (current != null) {
            media.add(current.build());
            current = null;
        } else {
            if (lineNumber == 0) {
                throw new SdpParseException(0, "", "v=0 as the first line, got empty input");
            }
            requireSessionComplete();
        }
        return new SessionDescription(version, Objects.requireNonNull(origin), Objects.requireNonNull(sessionName),
                information, uri, emails, phones, connection, bandwidths, timings, timeZones, encryptionKey,
                attributes, media);
    }

    private List<String> fields(String value, String expected) {
        if (options.strict()) {
            List<String> f = Grammar.strictFields(value);
            if (f == null) {
                throw error(expected + " with fields separated by one space");
            }
            return f;
        }
        return Grammar.fields(value);
    }

    private Origin parseOrigin(String value) {
        String expected = "o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>";
        List<String> f = fields(value, expected);
        if (f.size() != 6 || !Grammar.isNonWs(f.get(0)) || !Grammar.isDigits(f.get(1))
                || !Grammar.isDigits(f.get(2)) || !Grammar.isToken(f.get(3)) || !Grammar.isToken(f.get(4))
                || !Grammar.isNonWs(f.get(5))) {
            throw error(expected);
        }
        return new Origin(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5));
    }

    private Connection parseConnection(String value) {
        String expected = "c=<nettype> <addrtype> <connection-address>";
        List<String> f = fields(value, expected);
        if (f.size() != 3 || !Grammar.isToken(f.get(0)) || !Grammar.isToken(f.get(1))
                || !Grammar.isNonWs(f.get(2))) {
            throw error(expected);
        }
        return new Connection(f.get(0), f.get(1), f.get(2));
    }

    private Bandwidth parseBandwidth(String value) {
        String expected = "b=<bwtype>:<bandwidth>";
        int colon = value.indexOf(':');
        if (colon <= 0 || !Grammar.isToken(value.substring(0, colon))) {
            throw error(expected);
        }
        long bw = Grammar.parseLong(value.substring(colon + 1), 0, Long.MAX_VALUE, expected, line);
        return new Bandwidth(value.substring(0, colon), bw);
    }

    private MediaDescription parseMediaLine(String value) {
        String expected = "m=<media> <port>[/<number of ports>] <proto> <fmt> ...";
        List<String> f = fields(value, expected);
        if (f.size() < 4 || !Grammar.isToken(f.get(0))) {
            throw error(expected);
        }
        String portField = f.get(1);
        int slash = portField.indexOf('/');
        int port = Grammar.parseInt(slash < 0 ? portField : portField.substring(0, slash), 0, 65535,
                "port number 0-65535 in " + expected, line);
        int portCount = slash < 0 ? 0
                : Grammar.parseInt(portField.substring(slash + 1), 1, 65535, "number of ports in " + expected,
                        line);
        String proto = f.get(2);
        for (String part : proto.split("/", -1)) {
            if (!Grammar.isToken(part)) {
                throw error("<proto> as token *(\"/\" token) in " + expected);
            }
        }
        List<String> formats = f.subList(3, f.size());
        for (String fmt : formats) {
            if (!Grammar.isToken(fmt)) {
                throw error("<fmt> as a token in " + expected);
            }
        }
        return new MediaDescription(f.get(0), port, portCount, proto, formats, null, List.of(), List.of(), null,
                List.of());
    }

    private Attribute parseAttribute(String value) {
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        if (!Grammar.isToken(name)) {
            throw error("a=<attribute> or a=<attribute>:<value> with a token name");
        }
        String attrValue = colon < 0 ? null : value.substring(colon + 1);
        KnownAttributes.validate(name, attrValue, options.strict());
        return new Attribute(name, attrValue);
    }

    /** Collects one media section. */
    private static final class MediaBuilder {
        final MediaDescription mLine;
        @Nullable String information;
        final List<Connection> connections = new ArrayList<>(1);
        final List<Bandwidth> bandwidths = new ArrayList<>(0);
        @Nullable String encryptionKey;
        final List<Attribute> attributes = new ArrayList<>(32);
        int seen = 1;
        int lastOrder;

        MediaBuilder(MediaDescription mLine) {
            this.mLine = mLine;
        }

        MediaDescription build() {
            return new MediaDescription(mLine.media(), mLine.port(), mLine.portCount(), mLine.protocol(),
                    mLine.formats(), information, connections, bandwidths, encryptionKey, attributes);
        }
    }
}
