package dev.jwebrtc.rtp.interceptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.jwebrtc.rtp.RtpHeader;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import org.junit.jupiter.api.Test;

/** RFC 4588 §8.6: with several codecs on one stream, each RTX payload type restores its own {@code apt}. */
class RtxReceiverRestoresEachCodecsPayloadTypeTest {

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

    private static RtpPacket rtx(int payloadType, int osn) {
        byte[] payload = {(byte) (osn >>> 8), (byte) osn, 1, 2, 3};
        return RtpPacket.of(RtpHeader.of(true, payloadType, 500, 90_000, 11), payload);
    }

    @Test
    void eachRtxPayloadTypeGivesBackItsMediaPayloadType() {
        RtxReceiver receiver = new RtxReceiver();
        receiver.bindRemoteStream(new StreamInfo(10, 96, 90_000, 11, 97, true, 0));
        receiver.associate(97, 96);
        receiver.associate(99, 98); // VP9's RTX on the same stream

        RtpPacket vp8 = receiver.receiveRtp(0, rtx(97, 1000), NONE);
        RtpPacket vp9 = receiver.receiveRtp(0, rtx(99, 1001), NONE);
        assertNotNull(vp8);
        assertNotNull(vp9);
        assertEquals(96, vp8.payloadType());
        assertEquals(98, vp9.payloadType());
        assertEquals(1001, vp9.sequenceNumber(), "the original sequence number (OSN)");
        assertEquals(10, vp9.ssrc(), "the media SSRC");
        assertEquals(3, vp9.payload().remaining(), "the payload after the OSN");
        assertEquals(2, receiver.recovered());
    }

    @Test
    void withoutAnAssociationTheStreamsOwnPairIsUsed() {
        RtxReceiver receiver = new RtxReceiver();
        receiver.bindRemoteStream(new StreamInfo(10, 96, 90_000, 11, 97, true, 0));
        assertEquals(96, receiver.receiveRtp(0, rtx(97, 7), NONE).payloadType());
        RtpPacket other = rtx(100, 7);
        assertEquals(other, receiver.receiveRtp(0, other, NONE), "an unknown payload type passes untouched");
    }
}
