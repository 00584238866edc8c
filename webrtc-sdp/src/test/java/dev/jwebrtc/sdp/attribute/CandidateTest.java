package dev.jwebrtc.sdp.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.SdpParseException;
import dev.jwebrtc.sdp.Samples;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RFC 8839 §5.1 candidate grammar, RFC 6544 tcptype, and browser extensions. */
class CandidateTest {

    @Test
    void chromiumHostCandidateWithNetworkExtensions() {
        String v = "3130048480 1 udp 2122260223 127.0.0.1 48876 typ host generation 0 network-id 1 network-cost 50";
        Candidate c = Candidate.parse(v);
        assertEquals("3130048480", c.foundation());
        assertEquals(1, c.component());
        assertEquals("udp", c.transport());
        assertEquals(2122260223L, c.priority());
        assertEquals("127.0.0.1", c.address());
        assertEquals(48876, c.port());
        assertEquals("host", c.type());
        assertNull(c.relatedAddress());
        assertEquals(-1, c.relatedPort());
        assertEquals(OptionalInt.of(0), c.generation());
        assertEquals(OptionalInt.of(1), c.networkId());
        assertEquals(OptionalInt.of(50), c.networkCost());
        assertEquals(v, c.value());
    }

    @Test
    void tcpTypeIsParsedInPlace() {
        String v = "2120180565 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active generation 0 network-id 1";
        Candidate c = Candidate.parse(v);
        assertEquals("active", c.tcpType());
        assertEquals(List.of(new Candidate.Extension("generation", "0"), new Candidate.Extension("network-id", "1")),
                c.extensions());
        assertEquals(v, c.toAttribute().value());
    }

    @Test
    void relayCandidateWithRelatedAddressFromRfc8829() {
        Candidate c = Candidate.parse("1 1 udp 255 192.0.2.100 12100 typ relay raddr 198.51.100.100 rport 11100");
        assertEquals("relay", c.type());
        assertEquals("198.51.100.100", c.relatedAddress());
        assertEquals(11100, c.relatedPort());
        assertEquals(255, c.priority());
    }

    @Test
    void mdnsIpv6UnknownExtensionsAndUfragAreKept() {
        Candidate mdns = Candidate.parse("2731101418 1 udp 2113937151 87e05064-7dc8-4e51-866f-aa25b1e5db5d.local "
                + "48351 typ host generation 0 network-cost 999");
        assertEquals("87e05064-7dc8-4e51-866f-aa25b1e5db5d.local", mdns.address());
        Candidate v6 = Candidate.parse("7 1 UDP 2015363839 fe80::6027:d7ff:feab:83b3 56570 typ host");
        assertEquals("fe80::6027:d7ff:feab:83b3", v6.address());
        assertEquals("UDP", v6.transport());
        Candidate ext = Candidate.parse("1 1 udp 1 10.0.0.1 5000 typ srflx raddr 0.0.0.0 rport 0 ufrag abcd "
                + "x-future 7");
        assertEquals("abcd", ext.ufrag().orElseThrow());
        assertEquals("7", ext.extension("x-future").orElseThrow());
    }

    @Test
    void trickleLineFormsAreAccepted() {
        Candidate a = Candidate.parseLine("candidate:1 1 udp 2113929471 203.0.113.100 10100 typ host");
        Candidate b = Candidate.parseLine("a=candidate:1 1 udp 2113929471 203.0.113.100 10100 typ host");
        assertEquals(a, b);
        assertEquals(Attribute.of("candidate", "1 1 udp 2113929471 203.0.113.100 10100 typ host"), a.toAttribute());
        assertThrows(SdpParseException.class, () -> Candidate.parseLine("cand:1"));
    }

    @Test
    void everyCandidateInTheSamplesParses() {
        int n = 0;
        for (String name : Samples.all()) {
            for (var m : dev.jwebrtc.sdp.Sdp.parse(Samples.read(name)).media()) {
                for (Candidate c : m.all(Candidate.TYPE)) {
                    assertTrue(c.port() >= 0);
                    n++;
                }
            }
        }
        assertTrue(n >= 40, "candidates seen: " + n);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1 1 udp 2113929471 203.0.113.100 10100",                    // no typ
        "1 1 udp 2113929471 203.0.113.100 10100 type host",          // typ misspelt
        "1 0 udp 2113929471 203.0.113.100 10100 typ host",           // component 0
        "1 257 udp 2113929471 203.0.113.100 10100 typ host",         // component > 256
        "1 1 udp 99999999999 203.0.113.100 10100 typ host",          // priority > 10 digits
        "1 1 udp 4294967296 203.0.113.100 10100 typ host",           // priority > 2^32-1
        "1 1 udp -5 203.0.113.100 10100 typ host",                   // negative priority
        "1 1 udp 1 203.0.113.100 65536 typ host",                    // port out of range
        "1 1 udp 1 203.0.113.100 port typ host",                     // port not a number
        "fo#und 1 udp 1 203.0.113.100 1 typ host",                   // foundation not ice-chars
        "123456789012345678901234567890123 1 udp 1 1.2.3.4 1 typ host", // foundation > 32
        "1 1 udp 1 1.2.3.4 1 typ host generation",                   // extension without value
        "1 1 udp 1 1.2.3.4 1 typ srflx raddr 1.2.3.4 rport x",      // rport not a number
        "1 1 tcp 1 1.2.3.4 9 typ host tcptype sideways",             // bad tcptype
        "1 1 udp 1 1.2.3.4 1 typ host raddr 1.1.1.1 raddr 2.2.2.2", // raddr twice
        "1 1 udp 1 bad/addr 1 typ host",                             // address with '/'
    })
    void malformedCandidatesAreRejectedWithWhatWasExpected(String value) {
        SdpParseException e = assertThrows(SdpParseException.class, () -> Candidate.TYPE.parse(value));
        assertTrue(e.line().startsWith("a=candidate:"), e.getMessage());
        assertTrue(!e.expected().isEmpty());
    }
}
