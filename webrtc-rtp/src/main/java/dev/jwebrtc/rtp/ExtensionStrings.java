package dev.jwebrtc.rtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Shared helpers for the SDES-item-like string extensions (mid, rid, repaired rid). */
final class ExtensionStrings {
    private ExtensionStrings() {
    }

    // RFC 8843 §15 / RFC 8852 §3: the value is the identifier's UTF-8 bytes without terminator.
    static Optional<String> parse(ByteBuffer data) {
        int n = data.remaining();
        if (n == 0) {
            return Optional.empty();
        }
        byte[] b = new byte[n];
        data.duplicate().get(b);
        // Some senders pad the value with NULs; the identifier ends at the first one.
        int end = 0;
        while (end < n && b[end] != 0) {
            end++;
        }
        if (end == 0) {
            return Optional.empty();
        }
        return Optional.of(new String(b, 0, end, StandardCharsets.UTF_8));
    }

    static String check(String what, String value) {
        int n = value.getBytes(StandardCharsets.UTF_8).length;
        if (n < 1 || n > 255) {
            throw new IllegalArgumentException(what + " \"" + value + "\" must be 1..255 UTF-8 bytes, has " + n);
        }
        return value;
    }

    static byte[] encode(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
