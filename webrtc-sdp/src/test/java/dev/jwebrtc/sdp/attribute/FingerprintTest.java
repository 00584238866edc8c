package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sdp.SdpParseException;
import dev.jwebrtc.sdp.Samples;
import org.junit.jupiter.api.Test;

/** RFC 8122 §5 fingerprint grammar; several hash functions per section. */
class FingerprintTest {

    @Test
    void sha256FromChromiumDecodesTo32Bytes() {
        Fingerprint f = Samples.chromium("offer-audio-video-data").media().get(0).first(Fingerprint.TYPE)
                .orElseThrow();
        assertEquals("sha-256", f.hashFunction());
        assertEquals(32, f.bytes().length);
        assertEquals((byte) 0x3F, f.bytes()[0]);
        assertEquals(f, Fingerprint.of("sha-256", f.bytes()));
    }

    @Test
    void severalHashFunctionsAndLowerCaseAreAccepted() {
        Fingerprint sha1 = Fingerprint.parse("sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB");
        Fingerprint sha512 = Fingerprint.parse("sha-512 " + "ab:".repeat(63) + "ab");
        assertEquals(20, sha1.bytes().length);
        assertEquals(64, sha512.bytes().length);
        Fingerprint lower = Fingerprint.parse("SHA-1 4a:ad:b9:b1:3f:82:18:3b:54:02:12:df:3e:5d:49:6b:19:e5:7c:ab");
        assertTrue(lower.matches(sha1));
        assertArrayEquals(sha1.bytes(), lower.bytes());
    }

    @Test
    void malformedFingerprintsAreRejected() {
        for (String bad : new String[] {"sha-256", "sha-256 3F:9", "sha-256 3F:93:", "sha-256 3F-93",
                "sha-256 GG:00", "sha-256 3F:93 extra", "sha-256 3F93"}) {
            assertThrows(SdpParseException.class, () -> Fingerprint.TYPE.parse(bad), bad);
        }
    }
}
