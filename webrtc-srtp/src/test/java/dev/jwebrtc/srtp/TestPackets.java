package dev.jwebrtc.srtp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Builds plain RTP and RTCP packets for tests, and matching sender/receiver contexts. */
final class TestPackets {

    static final byte[] KEY_16 = Hex.bytes("e1f97a0d3e018be0d64fa32c06de4139");
    static final byte[] KEY_32 = Hex.bytes("f0f04914b513f2763a1b1fa130f10e2998f6f6e43e4309d1e622a0e332b9f1b6");
    static final byte[] SALT_14 = Hex.bytes("0ec675ad498afeebb6960b3aabe6");

    private TestPackets() {
    }

    /** A context for {@code profile} under a fixed test master key; two calls give a matching sender and receiver. */
    static SrtpContext context(SrtpProfile profile) {
        return context(profile, SrtpOptions.DEFAULT);
    }

    static SrtpContext context(SrtpProfile profile, SrtpOptions options) {
        byte[] key = profile.keyLength() == 32 ? KEY_32 : KEY_16;
        return SrtpContext.create(profile, key, Arrays.copyOf(SALT_14, profile.saltLength()), options);
    }

    /** A minimal RTP packet: 12-octet header and a payload that encodes the sequence number. */
    static byte[] rtp(int ssrc, int seq, int payloadLength) {
        byte[] p = new byte[12 + payloadLength];
        p[0] = (byte) 0x80;
        p[1] = 111;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        p[4] = (byte) (seq * 7);
        p[8] = (byte) (ssrc >>> 24);
        p[9] = (byte) (ssrc >>> 16);
        p[10] = (byte) (ssrc >>> 8);
        p[11] = (byte) ssrc;
        for (int i = 12; i < p.length; i++) {
            p[i] = (byte) (seq + i);
        }
        return p;
    }

    /**
     * An RTP packet with random CSRCs (0-15), maybe a header extension of random length, maybe padding, and a payload
     * of up to {@code maxPayload} octets.
     */
    static byte[] randomRtp(RandomGenerator rnd, int ssrc, int seq, int maxPayload) {
        int cc = rnd.nextInt(16);
        boolean ext = rnd.nextBoolean();
        int extWords = ext ? rnd.nextInt(12) : 0;
        boolean pad = rnd.nextInt(4) == 0;
        int padLength = pad ? 1 + rnd.nextInt(32) : 0;
        int payload = rnd.nextInt(maxPayload + 1);
        int header = 12 + 4 * cc + (ext ? 4 + 4 * extWords : 0);
        byte[] p = new byte[header + payload + padLength];
        rnd.nextBytes(p);
        p[0] = (byte) (0x80 | (pad ? 0x20 : 0) | (ext ? 0x10 : 0) | cc);
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        p[8] = (byte) (ssrc >>> 24);
        p[9] = (byte) (ssrc >>> 16);
        p[10] = (byte) (ssrc >>> 8);
        p[11] = (byte) ssrc;
        if (ext) {
            int at = 12 + 4 * cc;
            p[at] = (byte) 0xbe;
            p[at + 1] = (byte) 0xde;
            p[at + 2] = (byte) (extWords >>> 8);
            p[at + 3] = (byte) extWords;
        }
        if (pad) {
            p[p.length - 1] = (byte) padLength;
        }
        return p;
    }

    /** A random (compound-looking) RTCP packet: version 2, a sender-report type, a multiple of 4 octets. */
    static byte[] randomRtcp(RandomGenerator rnd, int ssrc, int maxLength) {
        int words = 2 + rnd.nextInt(Math.max(1, maxLength / 4 - 1));
        byte[] p = new byte[4 * words];
        rnd.nextBytes(p);
        p[0] = (byte) (0x80 | rnd.nextInt(32));
        p[1] = (byte) (200 + rnd.nextInt(7));
        p[2] = (byte) ((words - 1) >>> 8);
        p[3] = (byte) (words - 1);
        p[4] = (byte) (ssrc >>> 24);
        p[5] = (byte) (ssrc >>> 16);
        p[6] = (byte) (ssrc >>> 8);
        p[7] = (byte) ssrc;
        return p;
    }

    /** A minimal RTCP receiver report of {@code ssrc} with some trailing octets. */
    static byte[] rtcp(int ssrc, int filler) {
        byte[] p = new byte[8 + 16];
        p[0] = (byte) 0x80;
        p[1] = (byte) 201;
        p[3] = 5;
        p[4] = (byte) (ssrc >>> 24);
        p[5] = (byte) (ssrc >>> 16);
        p[6] = (byte) (ssrc >>> 8);
        p[7] = (byte) ssrc;
        for (int i = 8; i < p.length; i++) {
            p[i] = (byte) (filler + i);
        }
        return p;
    }

    /** Protects with {@code ctx} and returns the SRTP bytes. */
    static byte[] protectRtp(SrtpContext ctx, byte[] plain) {
        ByteBuffer out = ByteBuffer.allocate(plain.length + ctx.profile().rtpOverhead());
        ctx.protectRtp(ByteBuffer.wrap(plain), out);
        return out.array();
    }

    /** Protects with {@code ctx} and returns the SRTCP bytes. */
    static byte[] protectRtcp(SrtpContext ctx, byte[] plain) {
        ByteBuffer out = ByteBuffer.allocate(plain.length + ctx.profile().rtcpOverhead());
        ctx.protectRtcp(ByteBuffer.wrap(plain), out);
        return out.array();
    }

    /** Unprotects a copy of {@code packet}; returns the result and, on OK, leaves the plaintext in {@code plain[0]}. */
    static SrtpResult unprotectRtp(SrtpContext ctx, byte[] packet, byte[][] plain) {
        ByteBuffer out = ByteBuffer.allocate(packet.length);
        SrtpResult r = ctx.unprotectRtp(ByteBuffer.wrap(packet.clone()), out);
        plain[0] = Arrays.copyOf(out.array(), out.position());
        return r;
    }

    static SrtpResult unprotectRtp(SrtpContext ctx, byte[] packet) {
        return unprotectRtp(ctx, packet, new byte[1][]);
    }

    static SrtpResult unprotectRtcp(SrtpContext ctx, byte[] packet) {
        ByteBuffer out = ByteBuffer.allocate(packet.length);
        return ctx.unprotectRtcp(ByteBuffer.wrap(packet.clone()), out);
    }
}
