package dev.jwebrtc.ice;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * ICE credentials (RFC 8445 §5.3, RFC 8839 §5.4): the user fragment and password of one ICE session.
 *
 * @param ufrag 4..256 ice-chars
 * @param password 22..256 ice-chars
 */
public record IceCredentials(String ufrag, String password) {

    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public IceCredentials {
        Objects.requireNonNull(ufrag, "ufrag");
        Objects.requireNonNull(password, "password");
        if (ufrag.length() < 4 || ufrag.length() > 256 || !iceChars(ufrag)) {
            throw new IllegalArgumentException("ice-ufrag must be 4..256 ice-chars (RFC 8839 §5.4): '" + ufrag + "'");
        }
        if (password.length() < 22 || password.length() > 256 || !iceChars(password)) {
            throw new IllegalArgumentException("ice-pwd must be 22..256 ice-chars (RFC 8839 §5.4)");
        }
    }

    /** Fresh random credentials: 8-character ufrag (48 bits), 24-character password (144 bits). */
    public static IceCredentials random(RandomGenerator random) {
        return new IceCredentials(randomString(random, 8), randomString(random, 24));
    }

    /** The two SDP attribute values: {@code ice-ufrag:...} and {@code ice-pwd:...} (RFC 8839 §5.4). */
    public List<String> toSdpAttributes() {
        return List.of("ice-ufrag:" + ufrag, "ice-pwd:" + password);
    }

    /** Parses the values of the {@code ice-ufrag} and {@code ice-pwd} attributes (with or without the names). */
    public static IceCredentials parse(String ufragAttribute, String pwdAttribute) {
        return new IceCredentials(strip(ufragAttribute.trim(), "ice-ufrag:"), strip(pwdAttribute.trim(), "ice-pwd:"));
    }

    private static String strip(String s, String prefix) {
        String v = s.startsWith("a=") ? s.substring(2) : s;
        return v.startsWith(prefix) ? v.substring(prefix.length()) : v;
    }

    private static boolean iceChars(String s) {
        return s.chars().allMatch(c -> ICE_CHARS.indexOf(c) >= 0);
    }

    private static String randomString(RandomGenerator random, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "IceCredentials[ufrag=" + ufrag + ", password=<redacted>]";
    }
}
