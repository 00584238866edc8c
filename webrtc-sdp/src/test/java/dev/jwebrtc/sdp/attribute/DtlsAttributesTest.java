package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwebrtc.sdp.SdpParseException;
import org.junit.jupiter.api.Test;

/** setup (RFC 4145 §4, RFC 8842 §5.2) and tls-id (RFC 8842 §5.3). */
class DtlsAttributesTest {

    @Test
    void setupValuesAndAnswerRoles() {
        assertEquals(Setup.ACTPASS, Setup.parse("actpass"));
        assertEquals(Setup.ACTIVE, Setup.ACTPASS.answerTo(Setup.ACTIVE));
        assertEquals(Setup.PASSIVE, Setup.ACTPASS.answerTo(Setup.PASSIVE));
        assertEquals(Setup.PASSIVE, Setup.ACTIVE.answerTo(Setup.ACTIVE));
        assertEquals(Setup.ACTIVE, Setup.PASSIVE.answerTo(Setup.PASSIVE));
        assertEquals("holdconn", Setup.HOLDCONN.toAttribute().value());
        assertThrows(SdpParseException.class, () -> Setup.TYPE.parse("both"));
    }

    @Test
    void tlsIdLengthAndCharacters() {
        assertEquals("91bbf309c0990a6bec11e38ba2933cee", TlsId.parse("91bbf309c0990a6bec11e38ba2933cee").id());
        assertThrows(SdpParseException.class, () -> TlsId.TYPE.parse("short"));
        assertThrows(SdpParseException.class, () -> TlsId.TYPE.parse("91bbf309c0990a6bec11e38b:a2933cee"));
    }
}
