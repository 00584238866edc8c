package dev.jwebrtc.rtp;

import java.util.HexFormat;

/** Test helper: hex with optional spaces and line breaks. */
public final class Hex {
    private Hex() {
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
