package dev.jwebrtc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.jwebrtc.dtls.DtlsRole;
import dev.jwebrtc.dtls.DtlsSrtpKeys;
import dev.jwebrtc.dtls.SrtpProfile;
import dev.jwebrtc.rtp.RtpHeader;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.rtcp.FullIntraRequest;
import dev.jwebrtc.rtp.rtcp.PictureLossIndication;
import dev.jwebrtc.rtp.rtcp.RtcpCompound;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.jsep.Codec;
import dev.jwebrtc.sdp.jsep.MediaKind;
import dev.jwebrtc.srtp.SrtpContext;
import dev.jwebrtc.srtp.SrtpResult;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * RFC 4585 §6.3.1 / RFC 5104 §7.1: a keyframe request goes out as PLI when the remote negotiated {@code nack pli},
 * as FIR when it negotiated only {@code ccm fir}, and is counted as what went out, once per stream.
 */
class MediaAsksForKeyframesAsNegotiatedTest {

    private static RtcpPacket requestFor(List<String> feedback) {
        byte[] material = new byte[SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength()];
        new SplittableRandom(9).nextBytes(material);
        DtlsSrtpKeys ours = DtlsSrtpKeys.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, DtlsRole.CLIENT, material);
        DtlsSrtpKeys theirs = DtlsSrtpKeys.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, DtlsRole.SERVER, material);
        dev.jwebrtc.srtp.SrtpProfile profile = dev.jwebrtc.srtp.SrtpProfile.SRTP_AEAD_AES_128_GCM;
        SrtpContext peerOut = SrtpContext.create(profile, theirs.localKey(), theirs.localSalt());
        SrtpContext peerIn = SrtpContext.create(profile, theirs.remoteKey(), theirs.remoteSalt());
        List<ByteBuffer> wire = new ArrayList<>();
        Media media = new Media(new SplittableRandom(10), new ArrayDeque<>(), b -> wire.add(b), 0);
        media.keys(0, ours);
        MediaTransceiver t = media.addTransceiver(MediaKind.VIDEO, Direction.RECVONLY, "v", "-");
        t.mid = "0";
        t.receiving = true;
        t.codecs = List.of(new Codec(96, "VP8", 90_000, 0, "", feedback));

        RtpPacket p = RtpPacket.of(RtpHeader.of(false, 96, 1, 0, 4242), new byte[20]);
        ByteBuffer buf = ByteBuffer.allocate(p.encodedLength() + 16);
        p.writeTo(buf);
        buf.flip();
        peerOut.protectRtp(buf);
        media.receive(1, buf);
        media.requestKeyframe(2, t);

        MediaStats.Inbound in = MediaStats.of(media).inbound().get(0);
        boolean fir = !feedback.contains("nack pli");
        assertEquals(fir ? 1 : 0, in.firCount());
        assertEquals(fir ? 0 : 1, in.pliCount());
        assertEquals(1, wire.size(), "one request on the wire");
        ByteBuffer rtcp = wire.get(0);
        assertEquals(SrtpResult.OK, peerIn.unprotectRtcp(rtcp));
        List<RtcpPacket> packets = RtcpCompound.parse(rtcp).orElseThrow();
        assertEquals(1, packets.size());
        return packets.get(0);
    }

    @Test
    void pliWhereNackPliWasNegotiated() {
        PictureLossIndication pli = assertInstanceOf(PictureLossIndication.class,
                requestFor(List.of("nack", "nack pli", "ccm fir")));
        assertEquals(4242, pli.mediaSsrc());
    }

    @Test
    void firWhereOnlyCcmFirWasNegotiated() {
        FullIntraRequest fir = assertInstanceOf(FullIntraRequest.class, requestFor(List.of("nack", "ccm fir")));
        assertEquals(4242, fir.entries().get(0).ssrc());
    }
}
