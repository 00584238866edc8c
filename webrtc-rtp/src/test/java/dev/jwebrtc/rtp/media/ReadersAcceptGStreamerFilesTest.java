package dev.jwebrtc.rtp.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.codec.AnnexB;
import dev.jwebrtc.rtp.codec.EncodedFrame;
import dev.jwebrtc.rtp.codec.FrameAssembler;
import dev.jwebrtc.rtp.codec.H264Codec;
import dev.jwebrtc.rtp.codec.OpusCodec;
import dev.jwebrtc.rtp.codec.RtpPacketizer;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Files written by GStreamer (libogg/libopus, OpenH264; see src/test/resources/media/README.md) read correctly. */
class ReadersAcceptGStreamerFilesTest {

    private static InputStream resource(String name) {
        InputStream in = ReadersAcceptGStreamerFilesTest.class.getResourceAsStream("/media/" + name);
        assertTrue(in != null, name);
        return in;
    }

    @Test
    void oggOpusFromOpusencAndOggmux() throws Exception {
        try (InputStream in = resource("gst-sine-stereo.opus")) {
            OggOpusReader r = new OggOpusReader(in);
            assertEquals(2, r.head().channelCount());
            assertEquals(0, r.head().mappingFamily());
            assertTrue(r.head().preSkip() > 0);
            long samples = 0;
            long lastGranule = -1;
            int packets = 0;
            for (Optional<OggOpusReader.Packet> p = r.next(); p.isPresent(); p = r.next()) {
                int n = OpusCodec.sampleCount(p.get().data());
                assertTrue(n > 0);
                samples += n;
                packets++;
                if (p.get().granulePosition() >= 0) {
                    lastGranule = p.get().granulePosition();
                }
            }
            assertEquals(13, packets); // what GStreamer's oggdemux yields too (15 buffers with the two headers)
            // RFC 7845 §4.5: the final granule may trim the end, never extend it
            assertTrue(lastGranule > r.head().preSkip() && lastGranule <= r.head().preSkip() + samples,
                    "granule " + lastGranule);
            assertEquals(0, r.pagesLost());
        }
    }

    @Test
    void annexBFromOpenH264GroupsIntoFiveAccessUnitsAndSurvivesRtp() throws Exception {
        List<List<ByteBuffer>> units = new ArrayList<>();
        try (InputStream in = resource("gst-ball-5frames.h264")) {
            AnnexBReader r = new AnnexBReader(in);
            for (Optional<List<ByteBuffer>> au = r.nextAccessUnit(); au.isPresent(); au = r.nextAccessUnit()) {
                units.add(au.get());
            }
        }
        assertEquals(5, units.size());
        assertEquals(List.of(9, 7, 8, 5), units.get(0).stream().map(n -> n.get(0) & 0x1F).toList());
        RtpPacketizer packetizer = new RtpPacketizer(new H264Codec(), 102, 7, 120, 100);
        FrameAssembler assembler = new FrameAssembler(new H264Codec());
        for (int i = 0; i < units.size(); i++) {
            List<EncodedFrame> out = new ArrayList<>();
            for (RtpPacket p : packetizer.packetize(ByteBuffer.wrap(AnnexB.join(units.get(i))), i * 3000L)) {
                assembler.push(p).ifPresent(out::add);
            }
            assertEquals(1, out.size());
            List<ByteBuffer> withoutAud = new ArrayList<>(units.get(i));
            withoutAud.removeIf(n -> (n.get(0) & 0x1F) == 9);
            assertArrayEquals(AnnexB.join(withoutAud), out.get(0).bytes());
            if (i == 0) {
                assertTrue(out.get(0).keyframe());
            } else {
                assertFalse(out.get(0).keyframe());
            }
        }
    }
}
