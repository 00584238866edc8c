package dev.jwebrtc.sctp;

import dev.jwebrtc.sctp.chunk.Chunk;
import dev.jwebrtc.sctp.chunk.InitChunk;
import dev.jwebrtc.sctp.chunk.ForwardTsnSupportedParameter;
import dev.jwebrtc.sctp.chunk.Parameter;
import dev.jwebrtc.sctp.chunk.SupportedExtensionsParameter;
import dev.jwebrtc.sctp.chunk.UnknownParameter;
import dev.jwebrtc.sctp.chunk.UnrecognizedParameter;
import dev.jwebrtc.sctp.chunk.ZeroChecksumAcceptableParameter;
import dev.jwebrtc.sctp.internal.StateCookie;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** INIT / INIT ACK parameter handling shared by both ends of the handshake (package-private). */
final class Handshake {
    private Handshake() {}

    /** What we announce: FORWARD TSN (RFC 3758 §3.1), RE-CONFIG (RFC 6525 §3.1), zero checksum (RFC 9653 §4). */
    static List<Parameter> localParameters(SctpConfig config) {
        List<Parameter> params = new ArrayList<>();
        params.add(new SupportedExtensionsParameter(config.messageInterleaving()
                ? List.of(Chunk.FORWARD_TSN, Chunk.RE_CONFIG, Chunk.I_DATA, Chunk.I_FORWARD_TSN) // RFC 8260 §2.2
                : List.of(Chunk.FORWARD_TSN, Chunk.RE_CONFIG)));
        params.add(ForwardTsnSupportedParameter.INSTANCE);
        if (config.zeroChecksum()) {
            params.add(new ZeroChecksumAcceptableParameter(ZeroChecksumAcceptableParameter.EDMID_DTLS));
        }
        return params;
    }

    /** The peer's capabilities, as {@link StateCookie} CAP_* bits (RFC 9260 §3.2.1 stop bits honoured). */
    static int capabilities(List<Parameter> params) {
        int caps = 0;
        for (Parameter p : params) {
            if (p instanceof ForwardTsnSupportedParameter) {
                caps |= StateCookie.CAP_FORWARD_TSN;
            } else if (p instanceof SupportedExtensionsParameter ext) {
                if (ext.supports(Chunk.FORWARD_TSN)) {
                    caps |= StateCookie.CAP_FORWARD_TSN;
                }
                if (ext.supports(Chunk.RE_CONFIG)) {
                    caps |= StateCookie.CAP_RECONFIG;
                }
                if (ext.supports(Chunk.I_DATA) && ext.supports(Chunk.I_FORWARD_TSN)) {
                    caps |= StateCookie.CAP_IDATA;
                }
            } else if (p instanceof ZeroChecksumAcceptableParameter z
                    && z.errorDetectionMethod() == ZeroChecksumAcceptableParameter.EDMID_DTLS) {
                caps |= StateCookie.CAP_ZERO_CHECKSUM;
            } else if (p instanceof UnknownParameter u && !knownAndIgnored(u.type()) && u.stopProcessing()) {
                break;
            }
        }
        return caps;
    }

    /** RFC 9260 §3.2.1: unknown parameters whose type asks to be reported, for the INIT ACK. */
    static List<Parameter> unrecognized(List<Parameter> params) {
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : params) {
            if (p instanceof UnknownParameter u && !knownAndIgnored(u.type())) {
                if (u.report()) {
                    ByteBuffer b = ByteBuffer.allocate(u.encodedLength());
                    u.encode(b);
                    out.add(new UnrecognizedParameter(b.array()));
                }
                if (u.stopProcessing()) {
                    break;
                }
            }
        }
        return out;
    }

    /** The State Cookie for an INIT (RFC 9260 §5.1.3): what the association needs once the cookie returns. */
    static StateCookie cookie(SctpConfig config, InitChunk init, long localTag, long localInitialTsn, int capabilities,
            long tieLocalTag, long tiePeerTag, long nowNanos) {
        return new StateCookie(localTag, init.initiateTag(), localInitialTsn, init.initialTsn(),
                init.advertisedReceiverWindow(), Math.min(config.outboundStreams(), init.inboundStreams()),
                Math.min(config.inboundStreams(), init.outboundStreams()), capabilities, tieLocalTag, tiePeerTag,
                nowNanos);
    }

    /** RFC 9260 §5.1.5 step 3: a cookie older than its lifetime (or from the future) is stale. */
    static boolean expired(StateCookie c, long nowNanos, SctpConfig config) {
        return nowNanos - c.createdNanos() > config.cookieLifetime().toNanos() || nowNanos < c.createdNanos();
    }

    /**
     * Parameters RFC 9260 defines for INIT that mean nothing over DTLS (addresses, cookie preservative, host name,
     * supported address types, ECN capable): understood and ignored, so their type bits never stop processing.
     * usrsctp sends Supported Address Types (12), whose upper bits would otherwise say "stop".
     */
    static boolean knownAndIgnored(int type) {
        return type == 5 || type == 6 || type == 9 || type == 11 || type == 12 || type == 0x8000;
    }
}
