package dev.jwebrtc.srtp;

import dev.jwebrtc.srtp.internal.KeyDerivation;
import dev.jwebrtc.srtp.internal.SessionKeys;
import dev.jwebrtc.srtp.internal.SrtpSession;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * SRTP and SRTCP (RFC 3711, RFC 7714) under one master key and salt, for any number of SSRCs.
 *
 * <p>DTLS-SRTP gives each direction its own master key, so a peer connection has two contexts: {@link
 * #fromDtlsKeyingMaterial} returns them as a {@link SrtpContextPair}. Use the local one to protect and the remote one
 * to unprotect. A context tracks, per SSRC, the rollover counter and highest sequence number of what it protected and
 * the replay windows of what it unprotected (created on the first authenticated packet of an SSRC).
 *
 * <p>Buffers: every method works on {@code [position, limit)} of its input. Out-of-place methods read {@code in},
 * write at {@code out}'s position and, on success, move {@code in}'s position to its limit and {@code out}'s position
 * past what was written. In-place methods keep the position and move the limit. Heap buffers are processed in their
 * arrays; direct buffers go through one scratch array owned by the context. On any result other than {@link
 * SrtpResult#OK} no buffer position, limit or content changes (for out-of-place calls, bytes of {@code out} beyond its
 * position may have been written).
 *
 * <p>Errors: network input never throws; unprotect returns an {@link SrtpResult}, counts the drop in {@link #stats()}
 * and logs it at DEBUG. Caller mistakes (an output buffer that is too small, a malformed packet handed to protect,
 * overlapping buffers) throw {@link IllegalArgumentException}; running out of SSRC slots or SRTCP indices on the send
 * side throws {@link IllegalStateException}.
 *
 * <p>Threading: not thread-safe. A context owns reusable {@code Cipher} and {@code Mac} instances; confine it to one
 * thread (the peer connection's event loop). Steady-state protect and unprotect allocate nothing of their own (the
 * JDK still allocates its IV parameter objects and HMAC output internally).
 */
public final class SrtpContext {

    private final SrtpProfile profile;
    private final SrtpOptions options;
    private final SrtpSession session;
    private byte[] scratch = new byte[0];

    private SrtpContext(SrtpProfile profile, SessionKeys rtpKeys, SessionKeys rtcpKeys, SrtpOptions options) {
        this.profile = profile;
        this.options = options;
        this.session = new SrtpSession(profile, rtpKeys, rtcpKeys, options);
    }

    /** A context with default options; see {@link #create(SrtpProfile, byte[], byte[], SrtpOptions)}. */
    public static SrtpContext create(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        return create(profile, masterKey, masterSalt, SrtpOptions.DEFAULT);
    }

    /**
     * A context for one master key and salt; derives the SRTP and SRTCP session keys (RFC 3711 §4.3, kdr 0).
     *
     * @throws IllegalArgumentException if the key or salt length does not fit the profile
     */
    public static SrtpContext create(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, SrtpOptions options) {
        if (masterKey.length != profile.keyLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.keyLength() + "-octet master key, got "
                    + masterKey.length);
        }
        if (masterSalt.length != profile.saltLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.saltLength()
                    + "-octet master salt, got " + masterSalt.length);
        }
        return new SrtpContext(profile, KeyDerivation.rtpKeys(profile, masterKey, masterSalt),
                KeyDerivation.rtcpKeys(profile, masterKey, masterSalt), options);
    }

    /** {@link #fromDtlsKeyingMaterial(SrtpProfile, byte[], SrtpRole, SrtpOptions)} with default options. */
    public static SrtpContextPair fromDtlsKeyingMaterial(SrtpProfile profile, byte[] keyingMaterial, SrtpRole role) {
        return fromDtlsKeyingMaterial(profile, keyingMaterial, role, SrtpOptions.DEFAULT);
    }

    /**
     * Splits keying material exported from DTLS with the label {@code "EXTRACTOR-dtls_srtp"} (RFC 5764 §4.2) into the
     * local and remote contexts. The layout is {@code client_write_key | server_write_key | client_write_salt |
     * server_write_salt}; the DTLS client sends with the client half.
     *
     * @param keyingMaterial exactly {@link SrtpProfile#keyingMaterialLength()} octets
     * @throws IllegalArgumentException if the material has the wrong length
     */
    public static SrtpContextPair fromDtlsKeyingMaterial(
            SrtpProfile profile, byte[] keyingMaterial, SrtpRole role, SrtpOptions options) {
        if (keyingMaterial.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException(profile + " needs " + profile.keyingMaterialLength()
                    + " octets of DTLS-SRTP keying material, got " + keyingMaterial.length);
        }
        int k = profile.keyLength();
        int s = profile.saltLength();
        byte[] clientKey = Arrays.copyOfRange(keyingMaterial, 0, k);
        byte[] serverKey = Arrays.copyOfRange(keyingMaterial, k, 2 * k);
        byte[] clientSalt = Arrays.copyOfRange(keyingMaterial, 2 * k, 2 * k + s);
        byte[] serverSalt = Arrays.copyOfRange(keyingMaterial, 2 * k + s, 2 * k + 2 * s);
        try {
            SrtpContext client = create(profile, clientKey, clientSalt, options);
            SrtpContext server = create(profile, serverKey, serverSalt, options);
            return role == SrtpRole.CLIENT ? new SrtpContextPair(client, server) : new SrtpContextPair(server, client);
        } finally {
            Arrays.fill(clientKey, (byte) 0);
            Arrays.fill(serverKey, (byte) 0);
            Arrays.fill(clientSalt, (byte) 0);
            Arrays.fill(serverSalt, (byte) 0);
        }
    }

    /** A context from already derived session keys (the RFC 7714 vectors give session keys, not master keys). */
    static SrtpContext fromSessionKeys(
            SrtpProfile profile, SessionKeys rtpKeys, SessionKeys rtcpKeys, SrtpOptions options) {
        return new SrtpContext(profile, rtpKeys, rtcpKeys, options);
    }

    /** The protection profile. */
    public SrtpProfile profile() {
        return profile;
    }

    /** The options. */
    public SrtpOptions options() {
        return options;
    }

    // ---------------------------------------------------------------- RTP

    /**
     * Protects the RTP packet in {@code in} into {@code out}.
     *
     * @return octets written ({@code in.remaining() + profile().rtpOverhead()})
     * @throws IllegalArgumentException if {@code in} is not an RTP version 2 packet, or {@code out} has less room
     */
    public int protectRtp(ByteBuffer in, ByteBuffer out) {
        return protect(false, in, out);
    }

    /**
     * Protects the RTP packet in {@code [position, limit)} in place and extends the limit by the tag.
     *
     * @return the new packet length
     * @throws IllegalArgumentException if the buffer lacks {@link SrtpProfile#rtpOverhead()} octets of room past its
     *     limit, or holds no RTP version 2 packet
     */
    public int protectRtp(ByteBuffer packet) {
        return protect(false, packet);
    }

    /**
     * Verifies, replay-checks and decrypts the SRTP packet in {@code in} into {@code out}.
     *
     * @throws IllegalArgumentException if {@code out} has less room than {@code in.remaining()} minus the tag
     */
    public SrtpResult unprotectRtp(ByteBuffer in, ByteBuffer out) {
        return unprotect(false, in, out);
    }

    /** Unprotects the SRTP packet in {@code [position, limit)} in place; on {@link SrtpResult#OK} shrinks the limit. */
    public SrtpResult unprotectRtp(ByteBuffer packet) {
        return unprotect(false, packet);
    }

    // ---------------------------------------------------------------- RTCP

    /**
     * Protects the (compound) RTCP packet in {@code in} into {@code out}, encrypted (E bit set) under the next SRTCP
     * index of the first packet's sender SSRC.
     *
     * @return octets written ({@code in.remaining() + profile().rtcpOverhead()})
     * @throws IllegalArgumentException if {@code in} is not RTCP version 2, or {@code out} has less room
     */
    public int protectRtcp(ByteBuffer in, ByteBuffer out) {
        return protect(true, in, out);
    }

    /** Protects the RTCP packet in {@code [position, limit)} in place; see {@link #protectRtp(ByteBuffer)}. */
    public int protectRtcp(ByteBuffer packet) {
        return protect(true, packet);
    }

    /** Verifies, replay-checks and (if its E bit is set) decrypts the SRTCP packet in {@code in} into {@code out}. */
    public SrtpResult unprotectRtcp(ByteBuffer in, ByteBuffer out) {
        return unprotect(true, in, out);
    }

    /** Unprotects the SRTCP packet in {@code [position, limit)} in place; on OK shrinks the limit. */
    public SrtpResult unprotectRtcp(ByteBuffer packet) {
        return unprotect(true, packet);
    }

    // ---------------------------------------------------------------- streams and stats

    /** Forgets everything about {@code ssrc} (an ended track); returns whether it was known. */
    public boolean removeStream(int ssrc) {
        return session.removeStream(ssrc);
    }

    /** Number of SSRCs this context tracks. */
    public int streamCount() {
        return session.streamCount();
    }

    /** A snapshot of the counters. */
    public SrtpStats stats() {
        return session.stats();
    }

    @Override
    public String toString() {
        return "SrtpContext[" + profile + ", streams=" + session.streamCount() + "]";
    }

    /** Highest SRTP index received from {@code ssrc}, or -1 (tests). */
    long highestReceivedRtpIndex(int ssrc) {
        return session.highestReceivedRtpIndex(ssrc);
    }

    /** RTP header length, or a negative code (tests). */
    static int rtpHeaderLength(byte[] b, int off, int len) {
        return SrtpSession.rtpHeaderLength(b, off, len);
    }

    /** Sets the next SRTCP index sent for {@code ssrc} (tests). */
    void setNextSrtcpIndex(int ssrc, int index) {
        session.sendStream(ssrc).setNextRtcpSendIndex(index);
    }

    // ---------------------------------------------------------------- the buffer handling both share

    private int overhead(boolean rtcp) {
        return rtcp ? profile.rtcpOverhead() : profile.rtpOverhead();
    }

    /** Out-of-place protect of SRTP ({@code rtcp} false) or SRTCP. */
    private int protect(boolean rtcp, ByteBuffer in, ByteBuffer out) {
        int len = in.remaining();
        int outLen = len + overhead(rtcp);
        requireRoom(out, outLen, rtcp ? "protected RTCP packet" : "protected RTP packet");
        boolean arrays = in.hasArray() && out.hasArray();
        byte[] src = arrays ? in.array() : scratch(outLen);
        byte[] dst = arrays ? out.array() : src;
        int srcOff = arrays ? in.arrayOffset() + in.position() : 0;
        int dstOff = arrays ? out.arrayOffset() + out.position() : 0;
        if (arrays) {
            requireApart(src, srcOff, len, dst, dstOff, outLen);
        } else {
            in.get(in.position(), src, 0, len);
        }
        if (rtcp) {
            session.protectRtcp(src, srcOff, len, dst, dstOff);
        } else {
            session.protectRtp(src, srcOff, len, dst, dstOff);
        }
        if (!arrays) {
            out.put(out.position(), dst, 0, outLen);
        }
        in.position(in.limit());
        out.position(out.position() + outLen);
        return outLen;
    }

    /** In-place protect of SRTP ({@code rtcp} false) or SRTCP: extends the limit by the overhead. */
    private int protect(boolean rtcp, ByteBuffer packet) {
        int len = packet.remaining();
        int outLen = len + overhead(rtcp);
        requireTailRoom(packet, outLen);
        boolean array = packet.hasArray();
        byte[] b = array ? packet.array() : scratch(outLen);
        int off = array ? packet.arrayOffset() + packet.position() : 0;
        if (!array) {
            packet.get(packet.position(), b, 0, len);
        }
        if (rtcp) {
            session.protectRtcp(b, off, len, b, off);
        } else {
            session.protectRtp(b, off, len, b, off);
        }
        packet.limit(packet.position() + outLen);
        if (!array) {
            packet.put(packet.position(), b, 0, outLen);
        }
        return outLen;
    }

    /** Out-of-place unprotect of SRTP ({@code rtcp} false) or SRTCP. */
    private SrtpResult unprotect(boolean rtcp, ByteBuffer in, ByteBuffer out) {
        int len = in.remaining();
        requireRoom(out, len - (rtcp ? profile.rtcpOverhead() : profile.rtpAuthTagLength()),
                rtcp ? "unprotected RTCP packet" : "unprotected RTP packet");
        boolean arrays = in.hasArray() && out.hasArray();
        byte[] src = arrays ? in.array() : scratch(len);
        byte[] dst = arrays ? out.array() : src;
        int srcOff = arrays ? in.arrayOffset() + in.position() : 0;
        int dstOff = arrays ? out.arrayOffset() + out.position() : 0;
        if (arrays) {
            requireApart(src, srcOff, len, dst, dstOff, len);
        } else {
            in.get(in.position(), src, 0, len);
        }
        SrtpResult r = rtcp
                ? session.unprotectRtcp(src, srcOff, len, dst, dstOff)
                : session.unprotectRtp(src, srcOff, len, dst, dstOff);
        if (r == SrtpResult.OK) {
            if (!arrays) {
                out.put(out.position(), dst, 0, session.plainLength());
            }
            in.position(in.limit());
            out.position(out.position() + session.plainLength());
        }
        return r;
    }

    /** In-place unprotect of SRTP ({@code rtcp} false) or SRTCP: on OK shrinks the limit. */
    private SrtpResult unprotect(boolean rtcp, ByteBuffer packet) {
        int len = packet.remaining();
        boolean array = packet.hasArray();
        byte[] b = array ? packet.array() : scratch(len);
        int off = array ? packet.arrayOffset() + packet.position() : 0;
        if (!array) {
            packet.get(packet.position(), b, 0, len);
        }
        SrtpResult r = rtcp ? session.unprotectRtcp(b, off, len, b, off) : session.unprotectRtp(b, off, len, b, off);
        if (r == SrtpResult.OK) {
            if (!array) {
                packet.put(packet.position(), b, 0, session.plainLength());
            }
            packet.limit(packet.position() + session.plainLength());
        }
        return r;
    }

    private byte[] scratch(int length) {
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, 2048)];
        }
        return scratch;
    }

    private static void requireRoom(ByteBuffer out, int needed, String what) {
        if (out.remaining() < needed) {
            throw new IllegalArgumentException("output buffer has " + out.remaining() + " octets remaining; the "
                    + what + " needs " + needed);
        }
    }

    private void requireTailRoom(ByteBuffer packet, int outLen) {
        int room = packet.capacity() - packet.position();
        if (room < outLen) {
            throw new IllegalArgumentException("in-place protect needs " + (outLen - packet.remaining())
                    + " octets of room past the limit; the buffer has " + (packet.capacity() - packet.limit()));
        }
    }

    private static void requireApart(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) {
        if (src == dst && srcOff != dstOff && srcOff < dstOff + dstLen && dstOff < srcOff + srcLen) {
            throw new IllegalArgumentException("input and output buffers overlap at different offsets;"
                    + " use the in-place variant");
        }
    }
}
