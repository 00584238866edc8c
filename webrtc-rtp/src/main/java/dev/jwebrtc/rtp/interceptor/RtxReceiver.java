package dev.jwebrtc.rtp.interceptor;

import dev.jwebrtc.rtp.RtpPacket;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Receive side of RTX (RFC 4588 §4): turns packets on a remote stream's RTX SSRC and payload type back into the
 * original packets (original SSRC, payload type and sequence number, payload after the 2-byte OSN). RTX packets
 * without an OSN (padding-only bandwidth probes) are consumed. Put it last in the chain so that, receiving, it runs
 * first.
 */
public final class RtxReceiver implements Interceptor {
    private final Map<Long, StreamInfo> byRtxSsrc = new HashMap<>();
    /** RFC 4588 §8.6: each RTX payload type names the media payload type it repairs ({@code apt}). */
    private final Map<Integer, Integer> aptByRtxPayloadType = new HashMap<>();
    private long recovered;
    private long probesDropped;

    @Override
    public void bindRemoteStream(StreamInfo stream) {
        if (stream.hasRtx()) {
            byRtxSsrc.put(stream.rtxSsrc(), stream);
        }
    }

    /**
     * Declares an RTX payload type and the media payload type it repairs ({@code a=fmtp:<rtx> apt=<media>}), for
     * streams that use several codecs; without it a stream's own {@link StreamInfo} pair is used.
     */
    public void associate(int rtxPayloadType, int mediaPayloadType) {
        aptByRtxPayloadType.put(rtxPayloadType, mediaPayloadType);
    }

    @Override
    public @Nullable RtpPacket receiveRtp(long nowNanos, RtpPacket packet, InterceptorOutput out) {
        StreamInfo s = byRtxSsrc.get(packet.ssrc());
        if (s == null) {
            return packet;
        }
        Integer apt = aptByRtxPayloadType.get(packet.payloadType());
        if (packet.payloadType() != s.rtxPayloadType() && apt == null) {
            return packet;
        }
        int restoredType = apt != null ? apt : s.payloadType();
        ByteBuffer payload = packet.payload();
        if (payload.remaining() < 2) {
            probesDropped++;
            return null;
        }
        int osn = payload.getShort(payload.position()) & 0xFFFF;
        ByteBuffer original = payload.duplicate();
        original.position(payload.position() + 2);
        recovered++;
        return new RtpPacket(packet.header().withStream(restoredType, osn, packet.timestamp(), s.ssrc()),
                original.slice(), 0);
    }

    /** RTX packets turned back into originals. */
    public long recovered() {
        return recovered;
    }

    /** RTX packets without payload (probes) consumed. */
    public long probesDropped() {
        return probesDropped;
    }
}
