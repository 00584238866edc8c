package dev.jwebrtc.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.dtls.DtlsRole;
import dev.jwebrtc.dtls.DtlsSrtpKeys;
import dev.jwebrtc.dtls.SrtpProfile;
import dev.jwebrtc.rtp.RtpHeader;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.jsep.Codec;
import dev.jwebrtc.sdp.jsep.MediaKind;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The DTLS server finishes its handshake first and may send media at once; the client's handshake completes a moment
 * later on the DTLS thread. SRTP that arrives in between is kept and processed when the keys come, not dropped.
 */
class MediaKeepsSrtpThatArrivesBeforeItsKeysTest {

    @Test
    void packetsBeforeTheKeysAreReplayedOnceKeyed() {
        byte[] material = new byte[SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength()];
        new SplittableRandom(1).nextBytes(material);
        List<ByteBuffer> wire = new ArrayList<>();
        Media server = new Media(new SplittableRandom(2), new ArrayDeque<>(), b -> wire.add(b), 0);
        Media client = new Media(new SplittableRandom(3), new ArrayDeque<>(), b -> true, 0);
        server.keys(0, DtlsSrtpKeys.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, DtlsRole.SERVER, material));

        MediaTransceiver t = server.addTransceiver(MediaKind.VIDEO, Direction.SENDONLY, "v", "s");
        t.sending = true;
        t.sendCodec = Codec.vp8(96);
        for (int i = 0; i < 3; i++) {
            server.sendRaw(0, t, null, RtpPacket.of(RtpHeader.of(false, 96, 100 + i, 9000, 1), new byte[100]));
        }
        assertEquals(3, wire.size());
        for (ByteBuffer packet : wire) {
            client.receive(1, packet);
        }
        assertEquals(0, client.counters().beforeKeys(), "kept, not dropped");

        client.keys(2, DtlsSrtpKeys.fromKeyingMaterial(SrtpProfile.AEAD_AES_128_GCM, DtlsRole.CLIENT, material));
        Media.Counters after = client.counters();
        assertEquals(0, after.srtpFailures(), "they decrypt with the client's keys");
        assertEquals(3, after.unroutable(), "and reach routing (no transceiver here takes them)");
    }
}
