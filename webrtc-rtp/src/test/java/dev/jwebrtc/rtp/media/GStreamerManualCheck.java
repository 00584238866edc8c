package dev.jwebrtc.rtp.media;

import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.codec.Depacketizer;
import dev.jwebrtc.rtp.codec.EncodedFrame;
import dev.jwebrtc.rtp.codec.FrameAssembler;
import dev.jwebrtc.rtp.codec.H264Codec;
import dev.jwebrtc.rtp.codec.Payloader;
import dev.jwebrtc.rtp.codec.RtpPacketizer;
import dev.jwebrtc.rtp.codec.Vp8Codec;
import dev.jwebrtc.rtp.codec.Vp9Codec;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Manual interoperability check with GStreamer, not a unit test (unit tests must not need GStreamer). Frames that
 * GStreamer's encoders produced go through our payloaders, RTP serialisation and depacketizers and are written with
 * our container writers; GStreamer then has to decode what we wrote. Steps:
 *
 * <pre>
 * D=/tmp/jwebrtc-gst; mkdir -p $D/vp8 $D/vp9
 * gst-launch-1.0 videotestsrc num-buffers=60 ! video/x-raw,width=320,height=240 ! vp8enc ! multifilesink location=$D/vp8/%05d
 * gst-launch-1.0 videotestsrc num-buffers=60 ! video/x-raw,width=320,height=240 ! vp9enc ! multifilesink location=$D/vp9/%05d
 * gst-launch-1.0 audiotestsrc num-buffers=100 ! opusenc ! oggmux ! filesink location=$D/in.opus
 * java -cp target/classes:target/test-classes:$SLF4J dev.jwebrtc.rtp.media.GStreamerManualCheck $D
 * gst-launch-1.0 filesrc location=$D/out-vp8.ivf ! ivfparse ! vp8dec ! fakesink   (and vp9, opus, h264)
 * </pre>
 */
public final class GStreamerManualCheck {
    private GStreamerManualCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        video(dir.resolve("vp8"), new Vp8Codec(), new Vp8Codec(), dir.resolve("out-vp8.ivf"), IvfHeader.VP8);
        video(dir.resolve("vp9"), new Vp9Codec(), new Vp9Codec(), dir.resolve("out-vp9.ivf"), IvfHeader.VP9);
        opus(dir.resolve("in.opus"), dir.resolve("out.opus"));
        if (Files.exists(dir.resolve("in.h264"))) {
            h264(dir.resolve("in.h264"), dir.resolve("out.h264"));
        }
    }

    private static List<EncodedFrame> throughRtp(List<byte[]> frames, Payloader payloader, Depacketizer depacketizer) {
        RtpPacketizer packetizer = new RtpPacketizer(payloader, 96, 0xCAFEL, 1100, 40_000);
        FrameAssembler assembler = new FrameAssembler(depacketizer);
        List<EncodedFrame> out = new ArrayList<>();
        long ts = 0;
        int packets = 0;
        for (byte[] f : frames) {
            for (RtpPacket p : packetizer.packetize(ByteBuffer.wrap(f), ts)) {
                packets++;
                assembler.push(RtpPacket.parse(ByteBuffer.wrap(p.toByteArray())).orElseThrow()).ifPresent(out::add);
            }
            ts += 3000;
        }
        System.out.printf("%d frames -> %d RTP packets -> %d frames (%d keyframes), %d dropped%n", frames.size(),
                packets, out.size(), out.stream().filter(EncodedFrame::keyframe).count(), assembler.framesDropped());
        return out;
    }

    private static void video(Path frameDir, Payloader payloader, Depacketizer depacketizer, Path ivf, String fourcc)
            throws Exception {
        List<byte[]> frames = new ArrayList<>();
        try (Stream<Path> files = Files.list(frameDir)) {
            for (Path p : files.sorted().toList()) {
                frames.add(Files.readAllBytes(p));
            }
        }
        List<EncodedFrame> out = throughRtp(frames, payloader, depacketizer);
        try (IvfWriter w = IvfWriter.create(ivf, IvfHeader.forRtp(fourcc, 320, 240))) {
            for (EncodedFrame f : out) {
                w.write(f.rtpTimestamp(), f.data());
            }
        }
        System.out.println("wrote " + ivf);
    }

    private static void opus(Path in, Path out) throws Exception {
        try (InputStream is = Files.newInputStream(in); OutputStream os = Files.newOutputStream(out)) {
            OggOpusReader r = new OggOpusReader(is);
            System.out.println("read " + in + ": " + r.head() + " " + r.tags());
            int n = 0;
            try (OggOpusWriter w = new OggOpusWriter(os, r.head(), new OpusTags("jwebrtc", List.of()), 0x5EED)) {
                for (Optional<OggOpusReader.Packet> p = r.next(); p.isPresent(); p = r.next()) {
                    w.write(p.get().data());
                    n++;
                }
                System.out.println("rewrote " + n + " Opus packets, final granule " + w.granulePosition());
            }
        }
    }

    private static void h264(Path in, Path out) throws Exception {
        List<byte[]> units = new ArrayList<>();
        try (InputStream is = Files.newInputStream(in)) {
            AnnexBReader r = new AnnexBReader(is);
            for (Optional<List<ByteBuffer>> au = r.nextAccessUnit(); au.isPresent(); au = r.nextAccessUnit()) {
                units.add(dev.jwebrtc.rtp.codec.AnnexB.join(au.get()));
            }
        }
        List<EncodedFrame> frames = throughRtp(units, new H264Codec(), new H264Codec());
        try (OutputStream os = Files.newOutputStream(out); AnnexBWriter w = new AnnexBWriter(os)) {
            for (EncodedFrame f : frames) {
                w.writeAccessUnit(f.data());
            }
        }
        System.out.println("wrote " + out);
    }
}
