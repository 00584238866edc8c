package dev.jwebrtc.rtp.interceptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jwebrtc.rtp.rtcp.FirEntry;
import dev.jwebrtc.rtp.rtcp.FullIntraRequest;
import dev.jwebrtc.rtp.rtcp.PictureLossIndication;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PLI/FIR requests are rate-limited and deferred, FIR sequence numbers increase, incoming requests become events. */
class KeyframeRequesterRateLimitsTest {
    private static final long MS = 1_000_000L;

    @Test
    void requestsInsideTheIntervalAreDeferredAndMerged() {
        KeyframeRequester k = new KeyframeRequester(5, 500 * MS, false);
        InterceptorChain chain = new InterceptorChain(List.of(k));
        k.requestKeyframe(0, 77, chain);
        assertEquals(new PictureLossIndication(5, 77), chain.pollRtcp());
        k.requestKeyframe(100 * MS, 77, chain);
        k.requestKeyframe(200 * MS, 77, chain);
        assertNull(chain.pollRtcp());
        assertEquals(500 * MS, chain.pollTimeout());
        chain.handleTimeout(500 * MS);
        assertEquals(new PictureLossIndication(5, 77), chain.pollRtcp());
        assertNull(chain.pollRtcp());
        assertEquals(Long.MAX_VALUE, chain.pollTimeout());
        assertEquals(2, k.requestsSent());
    }

    @Test
    void firCarriesAnIncreasingSequenceNumber() {
        KeyframeRequester k = new KeyframeRequester(5, 0, true);
        InterceptorChain chain = new InterceptorChain(List.of(k));
        k.requestKeyframe(0, 77, chain);
        k.requestKeyframe(1, 77, chain);
        assertEquals(List.of(new FirEntry(77, 1)), ((FullIntraRequest) chain.pollRtcp()).entries());
        assertEquals(List.of(new FirEntry(77, 2)), ((FullIntraRequest) chain.pollRtcp()).entries());
    }

    @Test
    void incomingPliAndFirForOurStreamsBecomeEvents() {
        KeyframeRequester k = new KeyframeRequester(5, 0, false);
        InterceptorChain chain = new InterceptorChain(List.of(k));
        chain.bindLocalStream(StreamInfo.of(42, 96, 90_000));
        chain.receiveRtcp(0, List.of(new PictureLossIndication(9, 42), new PictureLossIndication(9, 43),
                new FullIntraRequest(9, List.of(new FirEntry(42, 3)))));
        assertEquals(new InterceptorEvent.KeyframeRequested(42, false), chain.pollEvent());
        assertInstanceOf(InterceptorEvent.KeyframeRequested.class, chain.pollEvent());
        assertNull(chain.pollEvent());
    }
}
