package dev.jwebrtc.ice.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;

/** Keys for MESSAGE-INTEGRITY (RFC 8489 §9.1.1 short-term, §9.2.2 long-term). */
public final class StunKeys {

    private StunKeys() {
    }

    /** RFC 8489 §9.1.1: the short-term key is the password itself (ICE passwords are ASCII, RFC 8445 §5.3). */
    public static byte[] shortTerm(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 8489 §9.2.2: MD5(username ":" realm ":" password) with the user name and password prepared. */
    public static byte[] longTerm(String username, String realm, String password) {
        String s = prepare(username) + ":" + realm + ":" + prepare(password);
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available in this JDK", e);
        }
    }

    /** RFC 8489 §9.2.2 with the SHA-256 password algorithm: SHA-256 of the same string. */
    public static byte[] longTermSha256(String username, String realm, String password) {
        String s = prepare(username) + ":" + realm + ":" + prepare(password);
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /**
     * The string preparation of RFC 4013 (SASLprep), which RFC 5389 and the RFC 5769 vectors use: characters
     * "commonly mapped to nothing" (RFC 3454 B.1) removed, non-ASCII spaces (C.1.2) mapped to space, then NFKC.
     * RFC 8489 moved to OpaqueString (RFC 8265); the two agree for the ASCII credentials TURN servers use.
     */
    static String prepare(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (mappedToNothing(cp)) {
                return;
            }
            b.appendCodePoint(Character.isSpaceChar(cp) && cp != ' ' ? ' ' : cp);
        });
        return Normalizer.normalize(b, Normalizer.Form.NFKC);
    }

    // RFC 3454 table B.1.
    private static boolean mappedToNothing(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x1806 || (cp >= 0x180B && cp <= 0x180D)
                || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
    }
}
