package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwebrtc.sdp.SdpParseException;
import org.junit.jupiter.api.Test;

/** RFC 8839 §5.4 ice-ufrag (4-256 ice-chars) and ice-pwd (22-256 ice-chars). */
class IceCredentialsTest {

    @Test
    void browserCredentialsParse() {
        assertEquals("y00Q", IceUfrag.parse("y00Q").ufrag());
        assertEquals("bX/K", IceUfrag.parse("bX/K").ufrag());
        assertEquals("1+TMFcATKW1tDhPLssqQOZ4b", IcePwd.parse("1+TMFcATKW1tDhPLssqQOZ4b").password());
        assertFalse(IcePwd.parse("1+TMFcATKW1tDhPLssqQOZ4b").toString().contains("TMF"));
    }

    @Test
    void lengthAndCharacterRulesHold() {
        for (String bad : new String[] {"abc", "ab-cd", "ab cd", "x".repeat(257)}) {
            assertThrows(SdpParseException.class, () -> IceUfrag.TYPE.parse(bad), bad);
        }
        assertThrows(SdpParseException.class, () -> IcePwd.TYPE.parse("x".repeat(21)));
        assertThrows(SdpParseException.class, () -> IcePwd.TYPE.parse("x".repeat(21) + "!"));
        assertEquals(22, IcePwd.parse("x".repeat(22)).password().length());
    }
}
