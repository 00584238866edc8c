package dev.jwebrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.ice.internal.MdnsMessage;
import dev.jwebrtc.ice.stun.IceControlled;
import dev.jwebrtc.ice.stun.IceControlling;
import dev.jwebrtc.ice.stun.MessageIntegrity;
import dev.jwebrtc.ice.stun.Priority;
import dev.jwebrtc.ice.stun.StunClass;
import dev.jwebrtc.ice.stun.StunMessage;
import dev.jwebrtc.ice.stun.UnknownAttribute;
import dev.jwebrtc.ice.stun.UseCandidate;
import dev.jwebrtc.ice.stun.Username;
import dev.jwebrtc.ice.stun.XorMappedAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Datagrams captured from Chromium 156 (interop captures {@code cap-werift-lo.pcapng} and {@code cap-cc.pcapng}):
 * its connectivity checks, a werift response, and its mDNS query and answer for a hidden host candidate.
 */
class ChromiumCapturesDecodeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** Chromium (controlled) checking werift; carries GOOG-NETWORK-INFO (0xC057). */
    static final byte[] CHROMIUM_CHECK = HEX.parseHex("0001004c2112a442347631734f644a573050554400060009326339613a"
            + "47646b54000000c05700040001003280290008104d21d839136275002400046e7f1eff00080014a3a9352c5c01d4acd9596374"
            + "2acd9affb511a43d80280004650991a4");
    /** werift's success response to it. */
    static final byte[] WERIFT_RESPONSE = HEX.parseHex("0101002c2112a442347631734f644a57305055440020000800018cb8"
            + "5e12a44300080014fe0309ee0276e2de5009bed3b32f0994874e48e1802800042c14c471");
    /** Chromium (controlling) nominating with USE-CANDIDATE, Chromium to Chromium. */
    static final byte[] CHROMIUM_NOMINATION = HEX.parseHex("000100502112a4427364375759377a4152337344000600095a32"
            + "326f3a576a476d000000c057000400010000802a00087f6d30ab8b61be8b00250000002400046e7f1eff00080014536810e08d"
            + "e2aa8c869fe7d03c22f9e221b5b635802800049f472865");
    /** Chromium's mDNS query for the peer's hidden host candidate. */
    static final byte[] CHROMIUM_MDNS_QUERY = HEX.parseHex("0000000000010000000000002465336431323431612d3932303"
            + "52d343464382d393535652d613133323566663764326262056c6f63616c0000010001");
    /** Chromium's mDNS answer: A 10.77.0.1, TTL 120, cache-flush, plus an NSEC record. */
    static final byte[] CHROMIUM_MDNS_ANSWER = HEX.parseHex("0000840000000001000000012465336431323431612d393230352"
            + "d343464382d393535652d613133323566663764326262056c6f63616c00000180010000007800040a4d00012465336431323431"
            + "612d393230352d343464382d393535652d613133323566663764326262056c6f63616c00002f8001000000780005c046000140");
    private static final String NAME = "e3d1241a-9205-44d8-955e-a1325ff7d2bb.local";

    @Test
    void chromiumCheckDecodesWithItsGoogAttributeKept() {
        StunMessage m = StunMessage.decode(CHROMIUM_CHECK).orElseThrow(); // FINGERPRINT verified on decode
        assertEquals(StunClass.REQUEST, m.messageClass());
        assertEquals("2c9a:GdkT", m.attribute(Username.class).orElseThrow().value());
        assertEquals(0x6e7f1effL, m.attribute(Priority.class).orElseThrow().priority());
        assertTrue(m.has(IceControlled.class));
        assertTrue(m.has(MessageIntegrity.class));
        UnknownAttribute goog = m.attribute(UnknownAttribute.class).orElseThrow();
        assertEquals(0xC057, goog.type());
        assertFalse(goog.comprehensionRequired());
        assertEquals(List.of(), m.unknownComprehensionRequired(), "no 420 for Chromium's checks");
    }

    @Test
    void weriftResponseAndChromiumNominationDecode() throws Exception {
        StunMessage r = StunMessage.decode(WERIFT_RESPONSE).orElseThrow();
        assertEquals(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 44458),
                r.attribute(XorMappedAddress.class).orElseThrow().address());
        assertTrue(StunMessage.decode(CHROMIUM_CHECK).orElseThrow().hasTransactionId(r.transactionId()));
        StunMessage n = StunMessage.decode(CHROMIUM_NOMINATION).orElseThrow();
        assertTrue(n.has(UseCandidate.class));
        assertTrue(n.has(IceControlling.class));
    }

    @Test
    void chromiumMdnsQueryAndAnswerDecode() throws Exception {
        MdnsMessage q = MdnsMessage.decode(ByteBuffer.wrap(CHROMIUM_MDNS_QUERY)).orElseThrow();
        assertFalse(q.response());
        assertEquals(List.of(new MdnsMessage.Question(NAME, MdnsMessage.TYPE_A)), q.questions());
        MdnsMessage a = MdnsMessage.decode(ByteBuffer.wrap(CHROMIUM_MDNS_ANSWER)).orElseThrow();
        assertTrue(a.response());
        assertEquals(List.of(new MdnsMessage.AddressRecord(NAME, InetAddress.getByName("10.77.0.1"), 120)),
                a.answers());
    }

    @Test
    void agentResolvesAChromiumHiddenCandidateFromItsRealAnswer() throws Exception {
        IceAgent agent = new IceAgent(IceConfig.builder().build(), new SplittableRandom(9));
        long now = 1_000_000_000L;
        agent.gather(now, List.of(new InetSocketAddress(InetAddress.getByName("10.77.0.2"), 40000)));
        agent.setRemoteCredentials(now, new IceCredentials("WjGm", "abcdefghijklmnopqrstuvwx"));
        agent.addRemoteCandidate(now, IceCandidate.parse(
                "candidate:2731101418 1 udp 2113937151 " + NAME + " 48351 typ host generation 0 network-cost 999"));
        Transmit query = agent.pollTransmit();
        assertEquals(NAME, MdnsMessage.decode(query.payload()).orElseThrow().questions().get(0).name());
        while (agent.pollTransmit() != null) {
            // drain
        }
        agent.handleReceive(now, new InetSocketAddress(InetAddress.getByName("10.77.0.1"), 5353),
                query.destination(), ByteBuffer.wrap(CHROMIUM_MDNS_ANSWER));
        agent.handleTimeout(Math.max(now, agent.pollTimeout()));
        Transmit check = agent.pollTransmit();
        assertEquals(new InetSocketAddress(InetAddress.getByName("10.77.0.1"), 48351), check.destination(),
                "the resolved candidate is checked");
        assertEquals("WjGm:" + agent.localCredentials().ufrag(),
                StunMessage.decode(check.payload()).orElseThrow().attribute(Username.class).orElseThrow().value());
    }
}
