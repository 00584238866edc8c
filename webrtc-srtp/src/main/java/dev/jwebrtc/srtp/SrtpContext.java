package dev.jwebrtc.srtp;

import dev.jwebrtc.srtp.internal.AesCmHmacCipher;
import dev.jwebrtc.srtp.internal.AesGcmCipher;
import dev.jwebrtc.srtp.internal.IntObjectMap;
import dev.jwebrtc.srtp.internal.KeyDerivation;
import dev.jwebrtc.srtp.internal.PacketCipher;
import dev.jwebrtc.srtp.internal.ReplayWindow;
import dev.jwebrtc.srtp.internal.RtpIndex;
import dev.jwebrtc.srtp.internal.SessionKeys;
import dev.jwebrtc.srtp.internal.StreamState;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(SrtpContext.class);
    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;
    private static final int SHORT = -1;
    private static final int NOT_V2 = -2;

    private final SrtpProfile profile;
    private final SrtpOptions options;
    private final PacketCipher rtpCipher;
    private final PacketCipher rtcpCipher;
    private final IntObjectMap<StreamState> streams = new IntObjectMap<>();
    private byte[] scratch = new byte[0];
    private int plainLength;

    private long rtpProtected;
    private long rtcpProtected;
    private long rtpUnprotected;
    private long rtcpUnprotected;
    private long authFailed;
    private long replayed;
    private long tooOld;
    private long tooShort;
    private long malformed;
    private long unknownSsrc;

    private SrtpContext(SrtpProfile profile, SessionKeys rtpKeys, SessionKeys rtcpKeys, SrtpOptions options) {
        this.profile = profile;
        this.options = options;
        if (profile.aead()) {
            this.rtpCipher = new AesGcmCipher(rtpKeys);
            this.rtcpCipher = new AesGcmCipher(rtcpKeys);
        } else {
            this.rtpCipher = new AesCmHmacCipher(rtpKeys, profile.rtpAuthTagLength());
            this.rtcpCipher = new AesCmHmacCipher(rtcpKeys, profile.rtcpAuthTagLength());
        }
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
        int len = in.remaining();
        int outLen = len + profile.rtpOverhead();
        requireRoom(out, outLen, "protected RTP packet");
        if (in.hasArray() && out.hasArray()) {
            int srcOff = in.arrayOffset() + in.position();
            int dstOff = out.arrayOffset() + out.position();
            requireApart(in.array(), srcOff, len, out.array(), dstOff, outLen);
            protectRtp(in.array(), srcOff, len, out.array(), dstOff);
        } else {
            byte[] s = scratch(outLen);
            in.get(in.position(), s, 0, len);
            protectRtp(s, 0, len, s, 0);
            out.put(out.position(), s, 0, outLen);
        }
        in.position(in.limit());
        out.position(out.position() + outLen);
        return outLen;
    }

    /**
     * Protects the RTP packet in {@code [position, limit)} in place and extends the limit by the tag.
     *
     * @return the new packet length
     * @throws IllegalArgumentException if the buffer lacks {@link SrtpProfile#rtpOverhead()} octets of room past its
     *     limit, or holds no RTP version 2 packet
     */
    public int protectRtp(ByteBuffer packet) {
        int len = packet.remaining();
        int outLen = len + profile.rtpOverhead();
        requireTailRoom(packet, outLen);
        if (packet.hasArray()) {
            int off = packet.arrayOffset() + packet.position();
            protectRtp(packet.array(), off, len, packet.array(), off);
            packet.limit(packet.position() + outLen);
        } else {
            byte[] s = scratch(outLen);
            packet.get(packet.position(), s, 0, len);
            protectRtp(s, 0, len, s, 0);
            packet.limit(packet.position() + outLen);
            packet.put(packet.position(), s, 0, outLen);
        }
        return outLen;
    }

    /**
     * Verifies, replay-checks and decrypts the SRTP packet in {@code in} into {@code out}.
     *
     * @throws IllegalArgumentException if {@code out} has less room than {@code in.remaining()} minus the tag
     */
    public SrtpResult unprotectRtp(ByteBuffer in, ByteBuffer out) {
        int len = in.remaining();
        requireRoom(out, len - profile.rtpAuthTagLength(), "unprotected RTP packet");
        SrtpResult r;
        if (in.hasArray() && out.hasArray()) {
            int srcOff = in.arrayOffset() + in.position();
            int dstOff = out.arrayOffset() + out.position();
            requireApart(in.array(), srcOff, len, out.array(), dstOff, len);
            r = unprotectRtp(in.array(), srcOff, len, out.array(), dstOff);
        } else {
            byte[] s = scratch(len);
            in.get(in.position(), s, 0, len);
            r = unprotectRtp(s, 0, len, s, 0);
            if (r == SrtpResult.OK) {
                out.put(out.position(), s, 0, plainLength);
            }
        }
        if (r == SrtpResult.OK) {
            in.position(in.limit());
            out.position(out.position() + plainLength);
        }
        return r;
    }

    /** Unprotects the SRTP packet in {@code [position, limit)} in place; on {@link SrtpResult#OK} shrinks the limit. */
    public SrtpResult unprotectRtp(ByteBuffer packet) {
        int len = packet.remaining();
        SrtpResult r;
        if (packet.hasArray()) {
            int off = packet.arrayOffset() + packet.position();
            r = unprotectRtp(packet.array(), off, len, packet.array(), off);
        } else {
            byte[] s = scratch(len);
            packet.get(packet.position(), s, 0, len);
            r = unprotectRtp(s, 0, len, s, 0);
            if (r == SrtpResult.OK) {
                packet.put(packet.position(), s, 0, plainLength);
            }
        }
        if (r == SrtpResult.OK) {
            packet.limit(packet.position() + plainLength);
        }
        return r;
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
        int len = in.remaining();
        int outLen = len + profile.rtcpOverhead();
        requireRoom(out, outLen, "protected RTCP packet");
        if (in.hasArray() && out.hasArray()) {
            int srcOff = in.arrayOffset() + in.position();
            int dstOff = out.arrayOffset() + out.position();
            requireApart(in.array(), srcOff, len, out.array(), dstOff, outLen);
            protectRtcp(in.array(), srcOff, len, out.array(), dstOff);
        } else {
            byte[] s = scratch(outLen);
            in.get(in.position(), s, 0, len);
            protectRtcp(s, 0, len, s, 0);
            out.put(out.position(), s, 0, outLen);
        }
        in.position(in.limit());
        out.position(out.position() + outLen);
        return outLen;
    }

    /** Protects the RTCP packet in {@code [position, limit)} in place; see {@link #protectRtp(ByteBuffer)}. */
    public int protectRtcp(ByteBuffer packet) {
        int len = packet.remaining();
        int outLen = len + profile.rtcpOverhead();
        requireTailRoom(packet, outLen);
        if (packet.hasArray()) {
            int off = packet.arrayOffset() + packet.position();
            protectRtcp(packet.array(), off, len, packet.array(), off);
            packet.limit(packet.position() + outLen);
        } else {
            byte[] s = scratch(outLen);
            packet.get(packet.position(), s, 0, len);
            protectRtcp(s, 0, len, s, 0);
            packet.limit(packet.position() + outLen);
            packet.put(packet.position(), s, 0, outLen);
        }
        return outLen;
    }

    /** Verifies, replay-checks and (if its E bit is set) decrypts the SRTCP packet in {@code in} into {@code out}. */
    public SrtpResult unprotectRtcp(ByteBuffer in, ByteBuffer out) {
        int len = in.remaining();
        requireRoom(out, len - profile.rtcpOverhead(), "unprotected RTCP packet");
        SrtpResult r;
        if (in.hasArray() && out.hasArray()) {
            int srcOff = in.arrayOffset() + in.position();
            int dstOff = out.arrayOffset() + out.position();
            requireApart(in.array(), srcOff, len, out.array(), dstOff, len);
            r = unprotectRtcp(in.array(), srcOff, len, out.array(), dstOff);
        } else {
            byte[] s = scratch(len);
            in.get(in.position(), s, 0, len);
            r = unprotectRtcp(s, 0, len, s, 0);
            if (r == SrtpResult.OK) {
                out.put(out.position(), s, 0, plainLength);
            }
        }
        if (r == SrtpResult.OK) {
            in.position(in.limit());
            out.position(out.position() + plainLength);
        }
        return r;
    }

    /** Unprotects the SRTCP packet in {@code [position, limit)} in place; on {@link SrtpResult#OK} shrinks the limit. */
    public SrtpResult unprotectRtcp(ByteBuffer packet) {
        int len = packet.remaining();
        SrtpResult r;
        if (packet.hasArray()) {
            int off = packet.arrayOffset() + packet.position();
            r = unprotectRtcp(packet.array(), off, len, packet.array(), off);
        } else {
            byte[] s = scratch(len);
            packet.get(packet.position(), s, 0, len);
            r = unprotectRtcp(s, 0, len, s, 0);
            if (r == SrtpResult.OK) {
                packet.put(packet.position(), s, 0, plainLength);
            }
        }
        if (r == SrtpResult.OK) {
            packet.limit(packet.position() + plainLength);
        }
        return r;
    }

    // ---------------------------------------------------------------- streams and stats

    /** Forgets everything about {@code ssrc} (an ended track); returns whether it was known. */
    public boolean removeStream(int ssrc) {
        return streams.remove(ssrc);
    }

    /** Number of SSRCs this context tracks. */
    public int streamCount() {
        return streams.size();
    }

    /** A snapshot of the counters. */
    public SrtpStats stats() {
        return new SrtpStats(rtpProtected, rtcpProtected, rtpUnprotected, rtcpUnprotected, authFailed, replayed,
                tooOld, tooShort, malformed, unknownSsrc);
    }

    @Override
    public String toString() {
        return "SrtpContext[" + profile + ", streams=" + streams.size() + "]";
    }

    /** Highest SRTP index received from {@code ssrc}, or -1 (tests). */
    long highestReceivedRtpIndex(int ssrc) {
        StreamState st = streams.get(ssrc);
        ReplayWindow w = st == null ? null : st.rtpReceive();
        return w == null ? -1 : w.highest();
    }

    /** Sets the next SRTCP index sent for {@code ssrc} (tests). */
    void setNextSrtcpIndex(int ssrc, int index) {
        sendStream(ssrc).setNextRtcpSendIndex(index);
    }

    // ---------------------------------------------------------------- array level

    private void protectRtp(byte[] src, int off, int len, byte[] dst, int dstOff) {
        int headerLength = rtpHeaderLength(src, off, len);
        if (headerLength == NOT_V2) {
            throw new IllegalArgumentException("not an RTP version 2 packet: first octet 0x"
                    + Integer.toHexString(src[off] & 0xff));
        }
        if (headerLength < 0) {
            throw new IllegalArgumentException("RTP packet of " + len
                    + " octets is shorter than its header (fixed part, CSRCs and extension)");
        }
        int ssrc = PacketCipher.readInt(src, off + 8);
        int seq = u16(src, off + 2);
        long index = sendStream(ssrc).nextRtpSendIndex(seq);
        rtpCipher.protectRtp(src, off, len, headerLength, dst, dstOff, ssrc, index);
        rtpProtected++;
        if (LOG.isTraceEnabled()) {
            LOG.trace("protected RTP ssrc={} index={} length={}", Integer.toUnsignedString(ssrc), index, len);
        }
    }

    private SrtpResult unprotectRtp(byte[] src, int off, int len, byte[] dst, int dstOff) {
        int headerLength = rtpHeaderLength(src, off, len);
        if (headerLength == NOT_V2) {
            return drop(SrtpResult.MALFORMED, "RTP", 0, len);
        }
        if (headerLength < 0 || headerLength + rtpCipher.tagLength() > len) {
            return drop(SrtpResult.TOO_SHORT, "RTP", len >= RTP_HEADER ? PacketCipher.readInt(src, off + 8) : 0,
                    len);
        }
        int ssrc = PacketCipher.readInt(src, off + 8);
        int seq = u16(src, off + 2);
        StreamState st = streams.get(ssrc);
        ReplayWindow window = st == null ? null : st.rtpReceive();
        long index;
        if (window == null) {
            if (st == null && streams.size() >= options.maxStreams()) {
                return drop(SrtpResult.UNKNOWN_SSRC, "RTP", ssrc, len);
            }
            // RFC 3711 §3.3.1: the receiver starts from the first sequence number it sees, with ROC 0.
            index = seq;
        } else {
            index = RtpIndex.estimate(window.highest(), seq);
            SrtpResult early = verdict(window.check(index));
            if (early != SrtpResult.OK) {
                return drop(early, "RTP", ssrc, len);
            }
        }
        int n = rtpCipher.unprotectRtp(src, off, len, headerLength, dst, dstOff, ssrc, index);
        if (n < 0) {
            return drop(SrtpResult.AUTH_FAILED, "RTP", ssrc, len);
        }
        // RFC 3711 §3.3.2: only an authenticated packet updates the replay list and the ROC.
        if (st == null) {
            st = new StreamState(ssrc);
            streams.put(ssrc, st);
        }
        st.rtpReceive(options.rtpReplayWindow()).accept(index);
        rtpUnprotected++;
        plainLength = n;
        if (LOG.isTraceEnabled()) {
            LOG.trace("unprotected RTP ssrc={} index={} length={}", Integer.toUnsignedString(ssrc), index, n);
        }
        return SrtpResult.OK;
    }

    private void protectRtcp(byte[] src, int off, int len, byte[] dst, int dstOff) {
        if (len < RTCP_HEADER) {
            throw new IllegalArgumentException("RTCP packet of " + len + " octets is shorter than its 8-octet header");
        }
        if ((src[off] & 0xc0) != 0x80) {
            throw new IllegalArgumentException("not an RTCP version 2 packet: first octet 0x"
                    + Integer.toHexString(src[off] & 0xff));
        }
        int ssrc = PacketCipher.readInt(src, off + 4);
        int index = sendStream(ssrc).nextRtcpSendIndex();
        rtcpCipher.protectRtcp(src, off, len, dst, dstOff, ssrc, index);
        rtcpProtected++;
        if (LOG.isTraceEnabled()) {
            LOG.trace("protected RTCP ssrc={} index={} length={}", Integer.toUnsignedString(ssrc), index, len);
        }
    }

    private SrtpResult unprotectRtcp(byte[] src, int off, int len, byte[] dst, int dstOff) {
        if (len > 0 && (src[off] & 0xc0) != 0x80) {
            return drop(SrtpResult.MALFORMED, "RTCP", 0, len);
        }
        if (len < RTCP_HEADER + profile.rtcpOverhead()) {
            return drop(SrtpResult.TOO_SHORT, "RTCP", len >= RTCP_HEADER ? PacketCipher.readInt(src, off + 4) : 0,
                    len);
        }
        int ssrc = PacketCipher.readInt(src, off + 4);
        int index = PacketCipher.readInt(src, off + rtcpCipher.srtcpIndexOffset(len)) & StreamState.MAX_SRTCP_INDEX;
        StreamState st = streams.get(ssrc);
        ReplayWindow window = st == null ? null : st.rtcpReceive();
        if (window == null) {
            if (st == null && streams.size() >= options.maxStreams()) {
                return drop(SrtpResult.UNKNOWN_SSRC, "RTCP", ssrc, len);
            }
        } else {
            SrtpResult early = verdict(window.check(index));
            if (early != SrtpResult.OK) {
                return drop(early, "RTCP", ssrc, len);
            }
        }
        int n = rtcpCipher.unprotectRtcp(src, off, len, dst, dstOff, ssrc);
        if (n < 0) {
            return drop(SrtpResult.AUTH_FAILED, "RTCP", ssrc, len);
        }
        if (st == null) {
            st = new StreamState(ssrc);
            streams.put(ssrc, st);
        }
        st.rtcpReceive(options.rtcpReplayWindow()).accept(index);
        rtcpUnprotected++;
        plainLength = n;
        if (LOG.isTraceEnabled()) {
            LOG.trace("unprotected RTCP ssrc={} index={} length={}", Integer.toUnsignedString(ssrc), index, n);
        }
        return SrtpResult.OK;
    }

    // ---------------------------------------------------------------- helpers

    /**
     * RFC 3550 §5.1/§5.3.1: 12 fixed octets, 4 per CSRC, and an extension of 4 + 4 * length octets when X is set.
     * Returns {@link #SHORT} if the packet ends inside the header, {@link #NOT_V2} if the version is not 2.
     */
    static int rtpHeaderLength(byte[] b, int off, int len) {
        if (len < 1) {
            return SHORT;
        }
        int b0 = b[off] & 0xff;
        if (b0 >>> 6 != 2) {
            return NOT_V2;
        }
        if (len < RTP_HEADER) {
            return SHORT;
        }
        int length = RTP_HEADER + 4 * (b0 & 0x0f);
        if ((b0 & 0x10) != 0) {
            if (length + 4 > len) {
                return SHORT;
            }
            length += 4 + 4 * u16(b, off + length + 2);
        }
        return length > len ? SHORT : length;
    }

    private StreamState sendStream(int ssrc) {
        StreamState st = streams.get(ssrc);
        if (st == null) {
            if (streams.size() >= options.maxStreams()) {
                throw new IllegalStateException("this SRTP context already tracks " + options.maxStreams()
                        + " SSRCs (SrtpOptions.maxStreams); call removeStream for ended streams before sending from SSRC "
                        + Integer.toUnsignedString(ssrc));
            }
            st = new StreamState(ssrc);
            streams.put(ssrc, st);
        }
        return st;
    }

    private static SrtpResult verdict(ReplayWindow.Verdict v) {
        return switch (v) {
            case REPLAYED -> SrtpResult.REPLAYED;
            case TOO_OLD -> SrtpResult.TOO_OLD;
            case FRESH -> SrtpResult.OK;
        };
    }

    private SrtpResult drop(SrtpResult result, String kind, int ssrc, int length) {
        switch (result) {
            case AUTH_FAILED -> authFailed++;
            case REPLAYED -> replayed++;
            case TOO_OLD -> tooOld++;
            case TOO_SHORT -> tooShort++;
            case MALFORMED -> malformed++;
            case UNKNOWN_SSRC -> unknownSsrc++;
            default -> throw new AssertionError(result);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("dropped S{} packet: {} (ssrc={}, {} octets)", kind, result, Integer.toUnsignedString(ssrc),
                    length);
        }
        return result;
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

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
    }
}
