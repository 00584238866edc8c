package dev.jwebrtc.rtp.interceptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jwebrtc.rtp.RtpHeader;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.TransportSequenceNumber;
import dev.jwebrtc.rtp.rtcp.GenericNack;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A retransmission is an RTX packet (RFC 4588 §4) that the interceptors after the responder still see. */
class RetransmissionsPassLaterInterceptorsTest {

    @Test
    void rtxRetransmissionGetsItsOwnTransportSequenceNumber() {
        StreamInfo video = new StreamInfo(0x10, 96, 90_000, 0x20, 97, true, 5);
        NackResponder responder = new NackResponder(64, 0, new SplittableRandom(1));
        InterceptorChain chain = new InterceptorChain(List.of(responder, new TwccSender(100)));
        chain.bindLocalStream(video);
        for (int seq = 0; seq < 3; seq++) {
            RtpPacket sent = chain.sendRtp(seq, RtpPacket.of(RtpHeader.of(seq == 2, 96, 500 + seq, 9000, 0x10),
                    new byte[] {(byte) seq, 42}));
            assertEquals(100 + seq, tsn(sent));
        }
        chain.receiveRtcp(10, List.of(GenericNack.of(0x99, 0x10, List.of(501, 777))));
        RtpPacket rtx = chain.pollRtp();
        assertNull(chain.pollRtp()); // 777 was never sent
        assertEquals(0x20, rtx.ssrc());
        assertEquals(97, rtx.payloadType());
        assertEquals(9000, rtx.timestamp());
        assertArrayEquals(new byte[] {0x01, (byte) 0xF5, 1, 42}, rtx.payloadBytes()); // OSN 501, then the payload
        assertEquals(103, tsn(rtx));
        assertEquals(1, responder.retransmitted());
        assertEquals(1, responder.notInHistory());
    }

    private static int tsn(RtpPacket p) {
        return TransportSequenceNumber.parse(p.header().extensions().find(5).orElseThrow()).orElseThrow()
                .sequenceNumber();
    }
}
