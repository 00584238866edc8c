package dev.jwebrtc.engine;

import dev.jwebrtc.dtls.DtlsSrtpKeys;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.rtcp.RtcpCompound;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import dev.jwebrtc.srtp.SrtpContext;
import dev.jwebrtc.srtp.SrtpProfile;
import dev.jwebrtc.srtp.SrtpResult;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * SRTP/SRTCP between the RTP plane and the ICE pair (RFC 3711, RFC 5764, RFC 5761 §4): the two contexts keyed from
 * DTLS, protecting what goes out and unprotecting what comes in. Datagrams that arrive before the keys (the DTLS
 * server finishes first and may send at once while our side's handshake is still on its thread) are kept, a few,
 * and handed back by {@link #keys}. Event-loop confined.
 */
final class SrtpLayer {

    private static final int MAX_EARLY = 64;

    private final Predicate<ByteBuffer> network;
    private final ArrayDeque<byte[]> early = new ArrayDeque<>();
    private @Nullable SrtpContext outbound;
    private @Nullable SrtpContext inbound;
    long failures;
    long beforeKeys;
    long sendsDropped;

    /** @param network sends a datagram on the selected pair; false when it could not */
    SrtpLayer(Predicate<ByteBuffer> network) {
        this.network = network;
    }

    /** Keys both directions (RFC 5764 §4.2); returns the datagrams that arrived early, to be received now. */
    List<byte[]> keys(DtlsSrtpKeys keys) {
        // The same IANA DTLS-SRTP protection profile ids (RFC 5764 §4.1.2, RFC 7714 §14.2) name both enums.
        SrtpProfile profile = SrtpProfile.fromId(keys.profile().id())
                .orElseThrow(() -> new IllegalStateException("DTLS negotiated unknown SRTP profile " + keys.profile()));
        outbound = SrtpContext.create(profile, keys.localKey(), keys.localSalt());
        inbound = SrtpContext.create(profile, keys.remoteKey(), keys.remoteSalt());
        List<byte[]> replay = List.copyOf(early);
        early.clear();
        return replay;
    }

    boolean keyed() {
        return outbound != null;
    }

    /**
     * Unprotects an incoming datagram (first byte 128-191, RFC 7983). Returns the plain packet, and whether it is
     * RTCP (RFC 5761 §4: packet types 192-223), or null when it is dropped (no keys yet: kept; or it failed SRTP).
     */
    @Nullable ByteBuffer unprotect(ByteBuffer datagram) {
        SrtpContext srtp = inbound;
        byte[] bytes = new byte[datagram.remaining()];
        datagram.duplicate().get(bytes);
        if (srtp == null) {
            if (early.size() < MAX_EARLY) {
                early.add(bytes);
            } else {
                beforeKeys++;
            }
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        SrtpResult result = isRtcp(buf) ? srtp.unprotectRtcp(buf) : srtp.unprotectRtp(buf);
        if (result != SrtpResult.OK) {
            failures++;
            return null;
        }
        return buf;
    }

    /** RFC 5761 §4: the second byte of RTCP is a packet type 192-223, which RTP payload types never reach. */
    static boolean isRtcp(ByteBuffer packet) {
        int second = packet.remaining() > 1 ? packet.get(packet.position() + 1) & 0xff : 0;
        return second >= 192 && second <= 223;
    }

    void sendRtp(RtpPacket p) {
        SrtpContext srtp = outbound;
        if (srtp == null) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(p.encodedLength() + srtp.profile().rtpOverhead());
        p.writeTo(buf);
        buf.flip();
        srtp.protectRtp(buf);
        if (!network.test(buf)) {
            sendsDropped++;
        }
    }

    /** Sends RTCP packets as one compound (or reduced-size, RFC 5506) SRTCP datagram. */
    void sendRtcp(List<RtcpPacket> packets) {
        SrtpContext srtp = outbound;
        if (srtp == null || packets.isEmpty()) {
            return;
        }
        ByteBuffer buf = ByteBuffer.allocate(RtcpCompound.encodedLength(packets) + srtp.profile().rtcpOverhead());
        RtcpCompound.writeTo(packets, buf);
        buf.flip();
        srtp.protectRtcp(buf);
        if (!network.test(buf)) {
            sendsDropped++;
        }
    }
}
