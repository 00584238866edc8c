package dev.jwebrtc.sdp.internal;

import dev.jwebrtc.sdp.SdpParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Character classes and number parsing of the SDP grammar (RFC 8866 §9), without exceptions other than ours. */
public final class Grammar {
    private Grammar() {
    }

    /** RFC 8866 §9: {@code token-char}. */
    public static boolean isTokenChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2A || c == 0x2B || c == 0x2D || c == 0x2E
                || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x5E && c <= 0x7E);
    }

    /** RFC 8866 §9: {@code token = 1*(token-char)}. */
    public static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 8839 §5.1: {@code ice-char = ALPHA / DIGIT / "+" / "/"}. */
    public static boolean isIceChars(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAlnum(c) || c == '+' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    public static boolean isAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    public static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Visible characters only (no space, no control character): {@code non-ws-string}. */
    public static boolean isNonWs(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** A decimal number in {@code [min, max]}; otherwise an {@link SdpParseException} expecting {@code what}. */
    public static long parseLong(String s, long min, long max, String what, String context) {
        if (s.isEmpty() || s.length() > 19) {
            throw SdpParseException.inValue(context, what);
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw SdpParseException.inValue(context, what);
            }
            v = v * 10 + (c - '0');
        }
        if (v < min || v > max) {
            throw SdpParseException.inValue(context, what);
        }
        return v;
    }

    public static int parseInt(String s, int min, int max, String what, String context) {
        return (int) parseLong(s, min, max, what, context);
    }

    /** A decimal number with an optional fraction, {@code 1*DIGIT ["." 1*DIGIT]}, at most 18 characters. */
    public static double parseDecimal(String s, String what, String context) {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? "" : s.substring(dot + 1);
        if (s.length() > 18 || !isDigits(whole) || (dot >= 0 && !isDigits(frac))) {
            throw SdpParseException.inValue(context, what);
        }
        return Double.parseDouble(s);
    }

    /** Fields separated by runs of spaces or tabs; leading and trailing whitespace is ignored. */
    public static List<String> fields(String s) {
        List<String> out = new ArrayList<>(8);
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && isBlank(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isBlank(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /** Fields separated by exactly one space; null if any field is empty (double, leading or trailing space). */
    public static @Nullable List<String> strictFields(String s) {
        List<String> out = new ArrayList<>(8);
        int start = 0;
        while (true) {
            int sp = s.indexOf(' ', start);
            String f = sp < 0 ? s.substring(start) : s.substring(start, sp);
            if (f.isEmpty() || f.indexOf('\t') >= 0) {
                return null;
            }
            out.add(f);
            if (sp < 0) {
                return out;
            }
            start = sp + 1;
        }
    }

    /**
     * Checks a value a caller puts into a description: it must not break out of its line (no CR, LF or NUL),
     * so application strings can never inject SDP lines.
     */
    public static String requireText(@Nullable String value, String what) {
        if (value == null) {
            throw new NullPointerException(what);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException(what + " must not contain CR, LF or NUL: " + printable(value));
            }
        }
        return value;
    }

    /** Checks that a caller-supplied field is a token (RFC 8866 §9). */
    public static String requireToken(@Nullable String value, String what) {
        if (value == null) {
            throw new NullPointerException(what);
        }
        if (!isToken(value)) {
            throw new IllegalArgumentException(what + " must be a token: " + printable(value));
        }
        return value;
    }

    /** Checks that a caller-supplied field has no whitespace or control characters. */
    public static String requireNonWs(@Nullable String value, String what) {
        if (value == null) {
            throw new NullPointerException(what);
        }
        if (!isNonWs(value)) {
            throw new IllegalArgumentException(what + " must be non-empty without spaces: " + printable(value));
        }
        return value;
    }

    private static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return "\"" + t.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0") + "\"";
    }

    /**
     * What follows the first {@code n} whitespace-separated fields, trimmed; empty if nothing follows. Used for
     * values whose tail is free text (extmap attributes, ssrc attribute values).
     */
    public static String afterFields(String s, int n) {
        int i = 0;
        int len = s.length();
        for (int f = 0; f < n; f++) {
            while (i < len && isBlank(s.charAt(i))) {
                i++;
            }
            while (i < len && !isBlank(s.charAt(i))) {
                i++;
            }
        }
        return s.substring(i).trim();
    }

    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
