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
    private long recovered;
    private long probesDropped;

    @Override
    public void bindRemoteStream(StreamInfo stream) {
        if (stream.hasRtx()) {
            byRtxSsrc.put(stream.rtxSsrc(), stream);
        }
    }

    @Override
    public @Nullable RtpPacket receiveRtp(long nowNanos, RtpPacket packet, InterceptorOutput out) {
        StreamInfo s = byRtxSsrc.get(packet.ssrc());
        if (s == null || packet.payloadType() != s.rtxPayloadType()) {
            return packet;
        }
        ByteBuffer payload = packet.payload();
        if (payload.remaining() < 2) {
            probesDropped++;
            return null;
        }
        int osn = payload.getShort(payload.position()) & 0xFFFF;
        ByteBuffer original = payload.duplicate();
        original.position(payload.position() + 2);
        recovered++;
        return new RtpPacket(packet.header().withStream(s.payloadType(), osn, packet.timestamp(), s.ssrc()),
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
