package dev.jwebrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IceServerUrlParsingTest {

    @Test
    void stunUrlsTakeTheDefaultPortPerScheme() {
        assertEquals(new IceServerUrl(IceServerUrl.Scheme.STUN, "stun.example.org", 3478, IceServerUrl.Transport.UDP),
                IceServerUrl.parse("stun:stun.example.org"));
        assertEquals(new IceServerUrl(IceServerUrl.Scheme.STUNS, "stun.example.org", 5349, IceServerUrl.Transport.TCP),
                IceServerUrl.parse("stuns:stun.example.org"));
        assertEquals(19302, IceServerUrl.parse("stun:stun.l.example.com:19302").port());
    }

    @Test
    void turnUrlsCarryTheirTransport() {
        IceServerUrl udp = IceServerUrl.parse("turn:198.51.100.7:3479?transport=udp");
        assertEquals("198.51.100.7", udp.host());
        assertEquals(3479, udp.port());
        assertEquals(IceServerUrl.Transport.UDP, udp.transport());
        assertEquals(IceServerUrl.Transport.TCP, IceServerUrl.parse("turn:turn.example.org?transport=tcp").transport());
        assertEquals(IceServerUrl.Transport.UDP, IceServerUrl.parse("turn:turn.example.org").transport());
        assertEquals(IceServerUrl.Transport.TCP, IceServerUrl.parse("turns:turn.example.org").transport());
        assertTrue(IceServerUrl.parse("TURN:turn.example.org").scheme().isTurn(), "schemes are case-insensitive");
    }

    @Test
    void ipv6LiteralsAreBracketed() {
        IceServerUrl url = IceServerUrl.parse("turn:[2001:db8::1]:3478?transport=udp");
        assertEquals("2001:db8::1", url.host());
        assertEquals(3478, url.port());
        assertEquals("turn:[2001:db8::1]:3478?transport=udp", url.toString());
        assertEquals(3478, IceServerUrl.parse("stun:[::1]").port());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "stun:", "stun:host:", "stun:host:0", "stun:host:65536", "stun:host:12a", "stun://host", "stun:host?transport=udp",
        "turn:host?transport=sctp", "turn:host?foo=bar", "stun:2001:db8::1", "stun:[2001:db8::1", "stun:[host]",
        "stun:ho st", "stun:host/path", "nocolon"})
    void malformedUrlsAreSyntaxErrorsNamingTheUrl(String url) {
        RTCException e = assertThrows(RTCException.class, () -> IceServerUrl.parse(url));
        assertEquals(RTCErrorType.SYNTAX, e.type(), url);
        assertTrue(e.getMessage().startsWith("SyntaxError: "), e.getMessage());
    }

    @Test
    void unknownSchemesAreNotSupported() {
        RTCException e = assertThrows(RTCException.class, () -> IceServerUrl.parse("http://example.org"));
        assertEquals(RTCErrorType.NOT_SUPPORTED, e.type());
    }

    @Test
    void turnServersNeedCredentialsAndStunServersDoNot() {
        RTCIceServer.of("stun:stun.example.org", "stun:[::1]:3478");
        RTCException e = assertThrows(RTCException.class, () -> RTCIceServer.of("turn:turn.example.org"));
        assertEquals(RTCErrorType.INVALID_ACCESS, e.type());
        RTCIceServer turn = RTCIceServer.turn("turn:turn.example.org", "alice", "s3cret");
        assertEquals(1, turn.parsedUrls().size());
        assertTrue(!turn.toString().contains("s3cret"), "the credential is never printed: " + turn);
        assertEquals(RTCErrorType.SYNTAX,
                assertThrows(RTCException.class, () -> new RTCIceServer(java.util.List.of(), null, null)).type());
    }
}
