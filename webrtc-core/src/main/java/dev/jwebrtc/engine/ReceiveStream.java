package dev.jwebrtc.engine;

import dev.jwebrtc.rtp.codec.Depacketizer;
import dev.jwebrtc.rtp.interceptor.JitterBuffer;
import dev.jwebrtc.sdp.jsep.Codec;
import org.jspecify.annotations.Nullable;

/**
 * One incoming RTP stream (an SSRC) of a receiving transceiver: its rid (simulcast, RFC 8853), its jitter buffer
 * and the counters {@code inbound-rtp} stats need. Event-loop confined.
 */
final class ReceiveStream {

    final long ssrc;
    final MediaTransceiver transceiver;
    final @Nullable String rid;
    long rtxSsrc = -1;
    @Nullable Codec codec;
    @Nullable JitterBuffer jitterBuffer;
    long packetsReceived;
    long bytesReceived;
    long headerBytesReceived;
    long framesReceived;
    long keyFramesReceived;
    long lastPacketReceivedNanos;
    long pliSent;
    long firSent;

    ReceiveStream(long ssrc, MediaTransceiver transceiver, @Nullable String rid) {
        this.ssrc = ssrc;
        this.transceiver = transceiver;
        this.rid = rid;
    }

    /**
     * The jitter buffer for a payload type, recreated when the sender switches codecs. Null when we cannot assemble
     * frames of that codec (the application still gets the RTP packets).
     */
    @Nullable JitterBuffer bufferFor(Codec c, long minWaitNanos, long maxWaitNanos) {
        if (codec == null || codec.payloadType() != c.payloadType()) {
            codec = c;
            Depacketizer d = MediaCodecs.depacketizer(c);
            jitterBuffer = d == null ? null : new JitterBuffer(d, c.clockRate(), minWaitNanos, maxWaitNanos, 2048);
            if (jitterBuffer != null && transceiver.kind == dev.jwebrtc.sdp.jsep.MediaKind.VIDEO) {
                // Frames are handed out decodable: from a keyframe on, and again after a loss (then a PLI goes out).
                jitterBuffer.requireKeyframes();
            }
        }
        return jitterBuffer;
    }
}
