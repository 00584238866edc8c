package dev.jwebrtc.srtp.internal;

import dev.jwebrtc.srtp.SrtpOptions;
import dev.jwebrtc.srtp.SrtpProfile;
import dev.jwebrtc.srtp.SrtpResult;
import dev.jwebrtc.srtp.SrtpStats;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SRTP and SRTCP over byte arrays for one master key: header checks, per-SSRC index and replay state, the two
 * packet ciphers, and the counters. {@code SrtpContext} adapts it to {@code ByteBuffer}s.
 */
public final class SrtpSession {

    private static final Logger LOG = LoggerFactory.getLogger("dev.jwebrtc.srtp.SrtpContext");
    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;
    /** {@link #rtpHeaderLength} result: the packet ends inside its header. */
    public static final int SHORT = -1;
    /** {@link #rtpHeaderLength} result: the version is not 2. */
    public static final int NOT_V2 = -2;

    private final SrtpProfile profile;
    private final SrtpOptions options;
    private final PacketCipher rtpCipher;
    private final PacketCipher rtcpCipher;
    private final IntObjectMap<StreamState> streams = new IntObjectMap<>();
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

    /** Builds the ciphers for {@code profile} from the SRTP and SRTCP session keys. */
    public SrtpSession(SrtpProfile profile, SessionKeys rtpKeys, SessionKeys rtcpKeys, SrtpOptions options) {
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

    /** Length of the packet the last successful unprotect produced. */
    public int plainLength() {
        return plainLength;
    }

    /** Forgets {@code ssrc}; returns whether it was known. */
    public boolean removeStream(int ssrc) {
        return streams.remove(ssrc);
    }

    /** Number of SSRCs tracked. */
    public int streamCount() {
        return streams.size();
    }

    /** A snapshot of the counters. */
    public SrtpStats stats() {
        return new SrtpStats(rtpProtected, rtcpProtected, rtpUnprotected, rtcpUnprotected, authFailed, replayed,
                tooOld, tooShort, malformed, unknownSsrc);
    }

    /** Highest SRTP index received from {@code ssrc}, or -1. */
    public long highestReceivedRtpIndex(int ssrc) {
        StreamState st = streams.get(ssrc);
        ReplayWindow w = st == null ? null : st.rtpReceive();
        return w == null ? -1 : w.highest();
    }

    /** Protects RTP {@code src[off, off + len)} into {@code dst}; {@link IllegalArgumentException} if not RTP. */
    public void protectRtp(byte[] src, int off, int len, byte[] dst, int dstOff) {
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

    /** Unprotects SRTP; on {@link SrtpResult#OK} {@link #plainLength()} is the RTP length. */
    public SrtpResult unprotectRtp(byte[] src, int off, int len, byte[] dst, int dstOff) {
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
        // RFC 3711 §3.3.1: the receiver starts from the first sequence number it sees, with ROC 0.
        long index = window == null ? seq : RtpIndex.estimate(window.highest(), seq);
        SrtpResult early = admit(st, window, index);
        if (early != SrtpResult.OK) {
            return drop(early, "RTP", ssrc, len);
        }
        int n = rtpCipher.unprotectRtp(src, off, len, headerLength, dst, dstOff, ssrc, index);
        if (n < 0) {
            return drop(SrtpResult.AUTH_FAILED, "RTP", ssrc, len);
        }
        // RFC 3711 §3.3.2: only an authenticated packet updates the replay list and the ROC.
        receiveStream(st, ssrc).rtpReceive(options.rtpReplayWindow()).accept(index);
        rtpUnprotected++;
        plainLength = n;
        if (LOG.isTraceEnabled()) {
            LOG.trace("unprotected RTP ssrc={} index={} length={}", Integer.toUnsignedString(ssrc), index, n);
        }
        return SrtpResult.OK;
    }

    /** Protects (compound) RTCP {@code src[off, off + len)} into {@code dst}. */
    public void protectRtcp(byte[] src, int off, int len, byte[] dst, int dstOff) {
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

    /** Unprotects SRTCP; on {@link SrtpResult#OK} {@link #plainLength()} is the RTCP length. */
    public SrtpResult unprotectRtcp(byte[] src, int off, int len, byte[] dst, int dstOff) {
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
        SrtpResult early = admit(st, window, index);
        if (early != SrtpResult.OK) {
            return drop(early, "RTCP", ssrc, len);
        }
        int n = rtcpCipher.unprotectRtcp(src, off, len, dst, dstOff, ssrc);
        if (n < 0) {
            return drop(SrtpResult.AUTH_FAILED, "RTCP", ssrc, len);
        }
        // RFC 3711 §3.4: SRTCP replay protection as for SRTP, on the authenticated SRTCP index.
        receiveStream(st, ssrc).rtcpReceive(options.rtcpReplayWindow()).accept(index);
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
    public static int rtpHeaderLength(byte[] b, int off, int len) {
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

    /** The state of a local SSRC, created if new; throws {@link IllegalStateException} if the table is full. */
    public StreamState sendStream(int ssrc) {
        StreamState st = streams.get(ssrc);
        if (st == null) {
            if (streams.size() >= options.maxStreams()) {
                throw new IllegalStateException("this SRTP context already tracks " + options.maxStreams()
                        + " SSRCs (SrtpOptions.maxStreams); call removeStream for ended streams"
                        + " before sending from SSRC "
                        + Integer.toUnsignedString(ssrc));
            }
            st = new StreamState(ssrc);
            streams.put(ssrc, st);
        }
        return st;
    }

    /**
     * Whether a received packet may go to the cipher: its index must be fresh for the stream's replay window, or, for
     * a stream not yet seen, the table must have room for one more SSRC (checked before the costly authentication).
     */
    private SrtpResult admit(@Nullable StreamState st, @Nullable ReplayWindow window, long index) {
        if (window != null) {
            return verdict(window.check(index));
        }
        return st == null && streams.size() >= options.maxStreams() ? SrtpResult.UNKNOWN_SSRC : SrtpResult.OK;
    }

    /** The stream of an authenticated packet, created if this was its first. */
    private StreamState receiveStream(@Nullable StreamState st, int ssrc) {
        if (st != null) {
            return st;
        }
        StreamState created = new StreamState(ssrc);
        streams.put(ssrc, created);
        return created;
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

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
    }
}
