package dev.jwebrtc.rtp.interceptor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.rtp.RtpHeader;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import org.junit.jupiter.api.Test;

/** The send history is bounded: recent packets are known, packets thousands back (or never sent) are not. */
class TwccSenderRemembersARecentWindowTest {

    private static final InterceptorOutput NONE = new InterceptorOutput() {
        @Override
        public void sendRtp(RtpPacket packet) {
        }

        @Override
        public void sendRtcp(RtcpPacket packet) {
        }

        @Override
        public void emit(InterceptorEvent event) {
        }
    };

    @Test
    void recentSendTimesAreKnownAndOldOnesForgotten() {
        TwccSender sender = new TwccSender(65_000);
        assertEquals(Long.MIN_VALUE, sender.sendTimeNanos(65_000), "nothing sent yet");
        sender.bindLocalStream(new StreamInfo(7, 96, 90_000, -1, -1, true, 3));
        for (int i = 0; i < 5000; i++) {
            sender.sendRtp(1_000L * i, RtpPacket.of(RtpHeader.of(false, 96, i, 0, 7), new byte[10]), NONE);
        }
        int last = (65_000 + 4999) & 0xFFFF; // the sequence wrapped past 65535
        assertEquals(1_000L * 4999, sender.sendTimeNanos(last));
        assertEquals(1_000L * 4000, sender.sendTimeNanos((65_000 + 4000) & 0xFFFF));
        assertEquals(Long.MIN_VALUE, sender.sendTimeNanos(65_000), "5000 packets ago: out of the window");
    }
}
