package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;

/** What a datagram on a WebRTC 5-tuple is, by its first byte (RFC 7983 §7, with RFC 8656 ChannelData). */
public enum PacketKind {
    /** 0..3 */
    STUN,
    /** 16..19 */
    ZRTP,
    /** 20..63 */
    DTLS,
    /** 64..79 */
    TURN_CHANNEL,
    /** 128..191 */
    RTP_RTCP,
    /** anything else, including empty datagrams */
    UNKNOWN;

    /** Classifies the datagram between position and limit. */
    public static PacketKind of(ByteBuffer datagram) {
        if (!datagram.hasRemaining()) {
            return UNKNOWN;
        }
        int b = datagram.get(datagram.position()) & 0xFF;
        if (b <= 3) {
            return STUN;
        } else if (b >= 16 && b <= 19) {
            return ZRTP;
        } else if (b >= 20 && b <= 63) {
            return DTLS;
        } else if (b >= 64 && b <= 79) {
            return TURN_CHANNEL;
        } else if (b >= 128 && b <= 191) {
            return RTP_RTCP;
        }
        return UNKNOWN;
    }
}
