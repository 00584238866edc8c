package dev.jwebrtc.srtp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix A: the receiver's guess of the rollover counter. */
class RtpIndexEstimationTest {

    private static long index(long roc, int seq) {
        return (roc << 16) | seq;
    }

    @Test
    void nearbySequenceNumbersKeepTheRoc() {
        assertEquals(index(3, 1001), RtpIndex.estimate(index(3, 1000), 1001));
        assertEquals(index(3, 900), RtpIndex.estimate(index(3, 1000), 900));
        assertEquals(index(3, 40000), RtpIndex.estimate(index(3, 39000), 40000));
    }

    @Test
    void aSmallSequenceNumberAfterAHighOneIsTheNextRoc() {
        assertEquals(index(4, 2), RtpIndex.estimate(index(3, 65534), 2));
        assertEquals(index(4, 0), RtpIndex.estimate(index(3, 65535), 0));
    }

    @Test
    void aHighSequenceNumberAfterALowOneIsThePreviousRoc() {
        assertEquals(index(2, 65533), RtpIndex.estimate(index(3, 1), 65533));
    }

    @Test
    void thereIsNoRocBeforeZero() {
        assertEquals(index(0, 65533), RtpIndex.estimate(index(0, 1), 65533));
    }

    @Test
    void theHalfwayBoundaryFollowsTheRfc() {
        // s_l < 2^15: only SEQ - s_l > 2^15 reads as the previous ROC.
        assertEquals(index(5, 32768 + 100), RtpIndex.estimate(index(5, 100), 32768 + 100));
        assertEquals(index(4, 32769 + 100), RtpIndex.estimate(index(5, 100), 32769 + 100));
        // s_l >= 2^15: only s_l - 2^15 > SEQ reads as the next ROC.
        assertEquals(index(5, 100), RtpIndex.estimate(index(5, 32768 + 100), 100));
        assertEquals(index(6, 99), RtpIndex.estimate(index(5, 32768 + 100), 99));
    }
}
