package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8839 §5.1 candidate grammar against candidates Chromium and Firefox really sent, and RFC 8445 priorities. */
class IceCandidateSdpTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "candidate:1513579294 1 udp 2122194687 10.77.0.1 35363 typ host generation 0 network-id 2",
        "candidate:2163587009 1 udp 2122260223 127.0.0.1 34675 typ host generation 0 network-id 1 network-cost 50",
        "candidate:2731101418 1 udp 2113937151 87e05064-7dc8-4e51-866f-aa25b1e5db5d.local 48351 typ host generation 0"
                + " network-cost 999",
        "candidate:1483739436 1 tcp 1518214911 10.77.0.1 9 typ host tcptype active generation 0 network-id 2",
        "candidate:842163049 1 udp 1677729535 198.51.100.9 56143 typ srflx raddr 10.77.0.1 rport 35363 generation 0",
        "candidate:3 1 udp 41885439 203.0.113.50 61000 typ relay raddr 198.51.100.9 rport 56143",
        "candidate:10 1 udp 2015364095 2001:db8::40b5:f6ff:feef:c19d 55039 typ host"})
    void browserCandidatesRoundTrip(String line) {
        IceCandidate c = IceCandidate.parse("a=" + line);
        assertEquals(line, c.toSdpAttribute());
        assertEquals(c, IceCandidate.parse(c.toSdpAttribute()));
    }

    @Test
    void fieldsAreParsed() throws Exception {
        IceCandidate c = IceCandidate.parse(
                "candidate:842163049 1 udp 1677729535 198.51.100.9 56143 typ srflx raddr 10.77.0.1 rport 35363 ufrag x");
        assertEquals("842163049", c.foundation());
        assertEquals(1, c.component());
        assertEquals(1677729535L, c.priority());
        assertEquals(new InetSocketAddress(InetAddress.getByName("198.51.100.9"), 56143), c.address());
        assertEquals(CandidateType.SERVER_REFLEXIVE, c.type());
        assertEquals(new InetSocketAddress(InetAddress.getByName("10.77.0.1"), 35363), c.relatedAddress());
        assertEquals(List.of(new IceCandidate.Extension("ufrag", "x")), c.extensions());
    }

    @Test
    void firefoxUppercaseTransportIsAccepted() {
        IceCandidate c = IceCandidate.parse("a=candidate:1 1 UDP 2015363327 10.77.0.2 37943 typ host");
        assertEquals("udp", c.transport());
        assertNull(c.relatedAddress());
    }

    @Test
    void mdnsNamesAreNeverResolved() {
        IceCandidate c = IceCandidate.parse("candidate:1 1 udp 2113937151 abc.local 48351 typ host");
        assertTrue(c.isNamed());
        assertEquals("abc.local", c.address().getHostString());
    }

    @Test
    void malformedCandidatesNameTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> IceCandidate.parse("candidate:1 1 udp x 10.0.0.1 1 typ host")).getMessage().contains("priority"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> IceCandidate.parse("candidate:1 1 udp 1 10.0.0.1 1 typ bogus")).getMessage().contains("bogus"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> IceCandidate.parse("candidate:1 1 udp 1 10.0.0.1 70000 typ host")).getMessage()
                .contains("port"));
        assertThrows(IllegalArgumentException.class, () -> IceCandidate.parse("candidate:1 1 udp"));
        assertThrows(IllegalArgumentException.class,
                () -> IceCandidate.parse("candidate:1 1 udp 1 10.0.0.1 1 typ host generation"));
    }

    @Test
    void ipv6AddressesUseTheRfc5952TextForm() throws Exception {
        for (String[] c : new String[][] {{"::1", "::1"}, {"2001:db8::", "2001:db8::"},
                {"1:0:0:1:0:0:0:1", "1:0:0:1::1"}, {"2001:DB8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},
                {"2001:db8:1:2:3:4:5:6", "2001:db8:1:2:3:4:5:6"}, {"2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"}}) {
            assertEquals(c[1], IceCandidate.ipv6Text(InetAddress.getByName(c[0]).getAddress()), c[0]);
        }
    }

    @Test
    void priorityFollowsRfc8445Formula() {
        // RFC 8445 §5.1.2.1 with the recommended type preferences and the maximum local preference.
        assertEquals(2130706431L, IceCandidate.priority(CandidateType.HOST.typePreference(), 65535, 1));
        assertEquals(1694498815L, IceCandidate.priority(CandidateType.SERVER_REFLEXIVE.typePreference(), 65535, 1));
        assertEquals(16777215L, IceCandidate.priority(CandidateType.RELAYED.typePreference(), 65535, 1));
    }

    @Test
    void credentialsAreRandomIceCharsAndParse() {
        IceCredentials c = IceCredentials.random(new SplittableRandom(1));
        assertEquals(8, c.ufrag().length());
        assertEquals(24, c.password().length());
        assertEquals(c, IceCredentials.parse("a=" + c.toSdpAttributes().get(0), c.toSdpAttributes().get(1)));
        assertTrue(!c.toString().contains(c.password()), "password redacted");
        assertThrows(IllegalArgumentException.class, () -> new IceCredentials("ab", "x".repeat(22)));
        assertThrows(IllegalArgumentException.class, () -> new IceCredentials("abcd", "short"));
    }
}
