#!/usr/bin/env bash
# Generates the small media files that the play-from-disk example and the interop tests send:
#
#   vp8-320x240-30fps.ivf     4 s of GStreamer's videotestsrc (SMPTE bars) with the running time drawn on it,
#                             VP8 at 250 kbit/s, 120 frames, a keyframe every 30 frames (1 s), IVF time base 1/30
#   opus-48k-stereo-sine.ogg  4 s of a 440 Hz sine (left) and 660 Hz sine (right), Opus 64 kbit/s in 20 ms frames,
#                             Ogg/Opus (RFC 7845)
#
# Usage:  examples/media/generate.sh [output directory]      (default: examples/src/main/resources/media)
#
# Needs:  gst-launch-1.0 with videotestsrc, timeoverlay, audiotestsrc, oggmux (gstreamer1.0-plugins-base),
#         vp8enc, opusenc, multifilesink, ivfparse, vp8dec (gstreamer1.0-plugins-good/-base), a JDK 17+ (java),
#         and webrtc-rtp's compiled classes (built with Maven here when missing; MVN_ARGS is passed to Maven, e.g.
#         MVN_ARGS="-o -Dmaven.repo.local=$PWD/.m2repo").
#
# GStreamer has no IVF muxer, so the VP8 frames go to one file each (multifilesink, which also posts each
# frame's timestamp on the bus; gst-launch -m prints those messages) and our own dev.jwebrtc.rtp.media.IvfWriter
# assembles the IVF from the frames and their timestamps. Both files are then decoded by GStreamer once
# (ivfparse ! vp8dec, oggdemux ! opusdec) to prove they are valid for another implementation too.
#
# Reproducibility: with the same GStreamer/libvpx/libopus versions the VP8 frames and Opus packets come out the same
# (single-threaded encoder, fixed settings); the Ogg stream serial number is random per run (oggmux picks it), so
# the .ogg bytes differ in those four bytes per page and in the page CRCs.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/examples/src/main/resources/media}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds=4
fps=30
frames=$((seconds * fps))

# ---------------------------------------------------------------- VP8 frames, one file each, with their timestamps
gst-launch-1.0 -m \
    videotestsrc num-buffers=$frames pattern=smpte \
    ! "video/x-raw,format=I420,width=320,height=240,framerate=$fps/1" \
    ! timeoverlay font-desc="Sans 20" halignment=center valignment=bottom \
    ! vp8enc target-bitrate=250000 keyframe-max-dist=$fps deadline=1 cpu-used=4 threads=1 \
    ! multifilesink location="$work/frame-%05d.vp8" post-messages=true \
    > "$work/bus.txt"

# "GstMultiFileSink, filename=(string)/.../frame-00000.vp8, index=(int)0, timestamp=(guint64)0, ..." per frame
sed -n 's/.*GstMultiFileSink, filename=(string)\([^,]*\), index=(int)[0-9]*, timestamp=(guint64)\([0-9]*\),.*/\2 \1/p' \
    "$work/bus.txt" > "$work/frames.txt"
if [ "$(wc -l < "$work/frames.txt")" -ne "$frames" ]; then
  echo "expected $frames frames from multifilesink, got $(wc -l < "$work/frames.txt")" >&2
  exit 1
fi

# ---------------------------------------------------------------- assemble the IVF with IvfWriter
classes=$root/webrtc-rtp/target/classes
if [ ! -f "$classes/dev/jwebrtc/rtp/media/IvfWriter.class" ]; then
  (cd "$root" && mvn -B -q ${MVN_ARGS:-} -pl webrtc-rtp -am compile)
fi
cat > "$work/AssembleIvf.java" <<'JAVA'
import dev.jwebrtc.rtp.media.IvfHeader;
import dev.jwebrtc.rtp.media.IvfWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** args: frame list ("timestampNanos path" per line), output IVF, width, height, frames per second. */
public class AssembleIvf {
    public static void main(String[] args) throws Exception {
        int fps = Integer.parseInt(args[4]);
        IvfHeader header = new IvfHeader(IvfHeader.VP8, Integer.parseInt(args[2]), Integer.parseInt(args[3]), fps, 1, 0);
        try (IvfWriter ivf = IvfWriter.create(Path.of(args[1]), header)) {
            for (String line : Files.readAllLines(Path.of(args[0]))) {
                String[] f = line.split(" ", 2);
                long nanos = Long.parseLong(f[0]);
                long ticks = Math.round(nanos * fps / 1e9); // IVF time base 1/fps: one tick per frame
                ivf.write(ticks, ByteBuffer.wrap(Files.readAllBytes(Path.of(f[1]))));
            }
            System.out.println("wrote " + ivf.frameCount() + " frames to " + args[1]);
        }
    }
}
JAVA
java -cp "$classes" "$work/AssembleIvf.java" "$work/frames.txt" "$out/vp8-320x240-30fps.ivf" 320 240 $fps

# ---------------------------------------------------------------- Ogg/Opus
gst-launch-1.0 -q \
    audiotestsrc wave=sine freq=440 volume=0.4 num-buffers=$((seconds * 50)) samplesperbuffer=960 \
    ! "audio/x-raw,format=S16LE,rate=48000,channels=1" ! queue ! mix.sink_0 \
    audiotestsrc wave=sine freq=660 volume=0.4 num-buffers=$((seconds * 50)) samplesperbuffer=960 \
    ! "audio/x-raw,format=S16LE,rate=48000,channels=1" ! queue ! mix.sink_1 \
    interleave name=mix ! audioconvert ! "audio/x-raw,rate=48000,channels=2" \
    ! opusenc bitrate=64000 frame-size=20 ! oggmux ! filesink location="$out/opus-48k-stereo-sine.ogg"

# ---------------------------------------------------------------- GStreamer decodes both
gst-launch-1.0 -q filesrc location="$out/vp8-320x240-30fps.ivf" ! ivfparse ! vp8dec ! fakesink
gst-launch-1.0 -q filesrc location="$out/opus-48k-stereo-sine.ogg" ! oggdemux ! opusdec ! fakesink
ls -l "$out"/vp8-320x240-30fps.ivf "$out"/opus-48k-stereo-sine.ogg
