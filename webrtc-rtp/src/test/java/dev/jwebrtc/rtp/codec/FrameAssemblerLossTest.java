package dev.jwebrtc.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.rtp.RtpPacket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A lost packet drops exactly the frame it belonged to; the assembler resumes at the next frame start. */
class FrameAssemblerLossTest {

    private static List<List<RtpPacket>> stream(Payloader payloader, List<byte[]> frames, int max) {
        RtpPacketizer p = new RtpPacketizer(payloader, 96, 1, max, 65530);
        List<List<RtpPacket>> out = new ArrayList<>();
        long ts = 0;
        for (byte[] f : frames) {
            out.add(p.packetize(ByteBuffer.wrap(f), ts));
            ts += 3000;
        }
        return out;
    }

    private static void lossDropsOnlyThatFrame(Payloader payloader, Depacketizer depacketizer, List<byte[]> frames) {
        List<List<RtpPacket>> packets = stream(payloader, frames, 200);
        assertTrue(packets.get(2).size() >= 3, "frame 2 must span packets");
        FrameAssembler a = new FrameAssembler(depacketizer);
        List<EncodedFrame> out = new ArrayList<>();
        for (int f = 0; f < packets.size(); f++) {
            for (int k = 0; k < packets.get(f).size(); k++) {
                if (f == 2 && k == 1) {
                    continue; // lost
                }
                a.push(packets.get(f).get(k)).ifPresent(out::add);
            }
        }
        assertEquals(frames.size() - 1, out.size());
        assertEquals(List.of(0L, 3000L, 9000L, 12000L), out.stream().map(EncodedFrame::rtpTimestamp).toList());
        assertEquals(1, a.framesDropped());
    }

    @Test
    void vp8() {
        Random rnd = new Random(3);
        List<byte[]> frames = List.of(TestFrames.vp8(rnd, 500, true), TestFrames.vp8(rnd, 300, false),
                TestFrames.vp8(rnd, 900, false), TestFrames.vp8(rnd, 700, false), TestFrames.vp8(rnd, 100, false));
        lossDropsOnlyThatFrame(new Vp8Codec(), new Vp8Codec(), frames);
    }

    @Test
    void h264WaitsForAFrameBoundaryAfterALoss() {
        Random rnd = new Random(4);
        List<byte[]> frames = new ArrayList<>();
        frames.add(TestFrames.h264(rnd, 300, true, true, false));
        for (int i = 0; i < 4; i++) {
            // several small slices so a lost packet leaves later slices that look like starts
            frames.add(TestFrames.h264(rnd, i == 1 ? 900 : 300, false, false, false));
        }
        lossDropsOnlyThatFrame(new H264Codec(), new H264Codec(), frames);
    }

    @Test
    void av1() {
        Random rnd = new Random(5);
        List<byte[]> frames = List.of(TestFrames.av1(rnd, 500, true), TestFrames.av1(rnd, 300, false),
                TestFrames.av1(rnd, 900, false), TestFrames.av1(rnd, 700, false), TestFrames.av1(rnd, 100, false));
        lossDropsOnlyThatFrame(new Av1Codec(), new Av1Codec(), frames);
    }

    @Test
    void missingMarkerDropsTheFrameWhenTheTimestampChanges() {
        Random rnd = new Random(6);
        List<List<RtpPacket>> packets = stream(new Vp8Codec(), List.of(TestFrames.vp8(rnd, 500, true),
                TestFrames.vp8(rnd, 500, false)), 1000);
        FrameAssembler a = new FrameAssembler(new Vp8Codec());
        RtpPacket first = packets.get(0).get(0);
        RtpPacket noMarker = first.withHeader(new dev.jwebrtc.rtp.RtpHeader(false, 96, first.sequenceNumber(),
                first.timestamp(), 1, List.of(), null));
        assertTrue(a.push(noMarker).isEmpty());
        assertTrue(a.push(packets.get(1).get(0)).isPresent());
        assertEquals(1, a.framesDropped());
    }
}
