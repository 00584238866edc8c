package dev.jwebrtc.rtp.interceptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.rtcp.FullIntraRequest;
import dev.jwebrtc.rtp.rtcp.PictureLossIndication;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PLI by default; FIR (with a sequence number that counts up) for a stream marked as FIR-only. */
class KeyframeRequesterUsesFirWhereOnlyFirWasNegotiatedTest {

    @Test
    void firForTheMarkedStreamAndPliForTheOthers() {
        List<RtcpPacket> sent = new ArrayList<>();
        InterceptorOutput out = new InterceptorOutput() {
            @Override
            public void sendRtp(RtpPacket packet) {
            }

            @Override
            public void sendRtcp(RtcpPacket packet) {
                sent.add(packet);
            }

            @Override
            public void emit(InterceptorEvent event) {
            }
        };
        KeyframeRequester requester = new KeyframeRequester(1, 100, false);
        requester.useFirFor(20);
        requester.requestKeyframe(0, 10, out);
        requester.requestKeyframe(0, 20, out);
        requester.requestKeyframe(1000, 20, out);
        assertInstanceOf(PictureLossIndication.class, sent.get(0));
        FullIntraRequest first = assertInstanceOf(FullIntraRequest.class, sent.get(1));
        FullIntraRequest second = assertInstanceOf(FullIntraRequest.class, sent.get(2));
        assertEquals(20, first.entries().get(0).ssrc());
        assertEquals((first.entries().get(0).sequenceNumber() + 1) & 0xFF, second.entries().get(0).sequenceNumber(),
                "RFC 5104 §4.3.1.1: a new request increments the sequence number");
    }
}
