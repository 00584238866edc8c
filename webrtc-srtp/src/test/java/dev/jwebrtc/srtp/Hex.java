package dev.jwebrtc.srtp;

import java.util.HexFormat;

/** Hex helpers for test vectors; whitespace in vectors is ignored. */
public final class Hex {

    private Hex() {
    }

    /** Decodes hex, ignoring whitespace. */
    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /** Lower-case hex. */
    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** Lower-case hex of a range. */
    public static String hex(byte[] b, int from, int to) {
        return HexFormat.of().formatHex(b, from, to);
    }
}
