package dev.jwebrtc.sctp;

import dev.jwebrtc.sctp.chunk.AbortChunk;
import dev.jwebrtc.sctp.chunk.Chunk;
import dev.jwebrtc.sctp.chunk.CookieAckChunk;
import dev.jwebrtc.sctp.chunk.CookieEchoChunk;
import dev.jwebrtc.sctp.chunk.DataChunk;
import dev.jwebrtc.sctp.chunk.ErrorCause;
import dev.jwebrtc.sctp.chunk.ErrorChunk;
import dev.jwebrtc.sctp.chunk.ForwardTsnChunk;
import dev.jwebrtc.sctp.chunk.HeartbeatAckChunk;
import dev.jwebrtc.sctp.chunk.HeartbeatChunk;
import dev.jwebrtc.sctp.chunk.IDataChunk;
import dev.jwebrtc.sctp.chunk.IForwardTsnChunk;
import dev.jwebrtc.sctp.chunk.InitAckChunk;
import dev.jwebrtc.sctp.chunk.InitChunk;
import dev.jwebrtc.sctp.chunk.Parameter;
import dev.jwebrtc.sctp.chunk.ReConfigChunk;
import dev.jwebrtc.sctp.chunk.SackChunk;
import dev.jwebrtc.sctp.chunk.SctpPacket;
import dev.jwebrtc.sctp.chunk.ShutdownAckChunk;
import dev.jwebrtc.sctp.chunk.ShutdownChunk;
import dev.jwebrtc.sctp.chunk.ShutdownCompleteChunk;
import dev.jwebrtc.sctp.chunk.StateCookieParameter;
import dev.jwebrtc.sctp.chunk.UnknownChunk;
import dev.jwebrtc.sctp.internal.DataReceiver;
import dev.jwebrtc.sctp.internal.StateCookie;
import dev.jwebrtc.sctp.internal.StreamReconfig;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes the chunks of one received packet against the association's state: verification tags (RFC 9260
 * §8.5), the handshake and its collision and restart cases (§5.1, §5.2), then each chunk in order.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final SctpAssociation a;
    private final SctpPacket packet;
    private final boolean zeroChecksum;
    private final long now;

    Dispatcher(SctpAssociation association, SctpPacket packet, boolean zeroChecksum, long nowNanos) {
        this.a = association;
        this.packet = packet;
        this.zeroChecksum = zeroChecksum;
        this.now = nowNanos;
    }

    void run() {
        List<Chunk> chunks = packet.chunks();
        Chunk first = chunks.get(0);
        if (first instanceof InitChunk init) {
            // §8.5.1 A: INIT travels alone with tag 0; RFC 9653 §5.3: never with a zero checksum.
            if (chunks.size() != 1 || packet.verificationTag() != 0 || zeroChecksum) {
                a.drop("INIT bundled, with a tag, or with zero checksum");
                return;
            }
            onInit(init);
            return;
        }
        for (Chunk c : chunks) {
            if (chunks.size() > 1 && (c instanceof InitChunk || c instanceof InitAckChunk
                    || c instanceof ShutdownCompleteChunk)) {
                a.drop("chunk type " + c.type() + " must travel alone (§6.10)");
                return;
            }
        }
        int start = 0;
        if (first instanceof AbortChunk abort) {
            if (tagMatches(abort.tagReflected())) {
                a.onAbort(abort);
            } else {
                a.drop("ABORT with a foreign tag");
            }
            return;
        }
        if (first instanceof ShutdownCompleteChunk complete) {
            if (tagMatches(complete.tagReflected())) {
                a.onShutdownComplete();
            } else {
                a.drop("SHUTDOWN COMPLETE with a foreign tag");
            }
            return;
        }
        if (first instanceof CookieEchoChunk echo) {
            if (!onCookieEcho(echo)) {
                return;
            }
            start = 1;
        } else if (packet.verificationTag() != a.myTag()) {
            a.drop("verification tag " + packet.verificationTag() + " is not ours");
            return;
        }
        for (int i = start; i < chunks.size() && !a.terminated(); i++) {
            if (!onChunk(chunks.get(i))) {
                return;
            }
        }
    }

    private boolean tagMatches(boolean reflected) {
        return reflected ? a.peerTag() != 0 && packet.verificationTag() == a.peerTag()
                : packet.verificationTag() == a.myTag();
    }

    /** Returns false to stop processing the rest of the packet. */
    private boolean onChunk(Chunk chunk) {
        SctpState state = a.currentState();
        DataReceiver receiver = a.receiver();
        if (chunk instanceof DataChunk data) {
            if (receiver == null || !state.carriesData()) {
                return true;
            }
            if (receiver.interleaved()) {
                a.drop("DATA after I-DATA was negotiated (RFC 8260 §2.2)");
                return false;
            }
            if (data.payload().length == 0) {
                a.protocolViolation("DATA without user data", ErrorCause.NO_USER_DATA); // §6.2
                return false;
            }
            receiver.onData(data);
        } else if (chunk instanceof SackChunk sack) {
            a.onSack(sack, now);
        } else if (chunk instanceof InitAckChunk ack) {
            onInitAck(ack);
        } else if (chunk instanceof CookieAckChunk) {
            a.onCookieAck();
        } else if (chunk instanceof HeartbeatChunk hb) {
            if (a.peerTag() != 0) {
                a.onHeartbeat(hb);
            }
        } else if (chunk instanceof HeartbeatAckChunk ack) {
            a.onHeartbeatAck(ack, now);
        } else if (chunk instanceof AbortChunk abort) {
            a.onAbort(abort);
            return false;
        } else if (chunk instanceof ShutdownChunk shutdown) {
            a.onShutdown(shutdown, now);
        } else if (chunk instanceof ShutdownAckChunk) {
            a.onShutdownAck();
        } else if (chunk instanceof ErrorChunk error) {
            LOG.debug("peer reported errors: {}", describe(error.causes()));
            if (state == SctpState.COOKIE_ECHOED
                    && error.causes().stream().anyMatch(c -> c.code() == ErrorCause.STALE_COOKIE)) {
                a.onStaleCookie(now); // §5.2.6: start over with a new INIT
                return false;
            }
        } else if (chunk instanceof ForwardTsnChunk forward) {
            if (receiver != null && receiver.interleaved()) {
                a.drop("FORWARD TSN after I-DATA was negotiated (RFC 8260 §2.3)");
                return false;
            }
            if (receiver != null) {
                receiver.onForwardTsn(forward);
            }
        } else if (chunk instanceof ReConfigChunk reconfig) {
            StreamReconfig r = a.reconfig();
            if (r != null) {
                r.onReConfig(reconfig);
            }
        } else if (chunk instanceof UnknownChunk unknown) {
            // §3.2: the two upper type bits say whether to report and whether to go on.
            if (unknown.report()) {
                a.reportUnrecognized(unknown);
            }
            if (unknown.stopProcessing()) {
                a.drop("unknown chunk type " + unknown.type() + " stops processing");
                return false;
            }
        } else if (chunk instanceof IDataChunk idata) {
            if (receiver == null || !state.carriesData()) {
                return true;
            }
            if (!receiver.interleaved()) {
                a.drop("I-DATA without negotiation");
                return false;
            }
            if (idata.payload().length == 0) {
                a.protocolViolation("I-DATA without user data", ErrorCause.NO_USER_DATA);
                return false;
            }
            receiver.onIData(idata);
        } else if (chunk instanceof IForwardTsnChunk forward) {
            if (receiver == null || !receiver.interleaved()) {
                a.drop("I-FORWARD-TSN without negotiation");
                return false;
            }
            receiver.onIForwardTsn(forward);
        }
        // PAD is ignored; COOKIE ECHO only counts when it leads a packet.
        return true;
    }

    private static String describe(List<ErrorCause> causes) {
        List<String> out = new ArrayList<>();
        for (ErrorCause c : causes) {
            out.add(c.describe());
        }
        return String.join(", ", out);
    }

    // §5.1 B, §5.2.1, §5.2.2: answer with an INIT ACK carrying a signed cookie; no state is kept.
    private void onInit(InitChunk init) {
        if (init.initiateTag() == 0 || init.outboundStreams() == 0 || init.inboundStreams() == 0) {
            a.drop("INIT with a zero tag or zero streams");
            return;
        }
        SctpState state = a.currentState();
        long localTag = a.myTag();
        long localTsn = a.myInitialTsn();
        boolean tieTags;
        switch (state) {
            case CLOSED, COOKIE_WAIT -> tieTags = false;
            case COOKIE_ECHOED -> tieTags = true;
            case SHUTDOWN_ACK_SENT -> {
                a.drop("INIT during SHUTDOWN-ACK-SENT");
                return;
            }
            default -> {
                // §5.2.2: an INIT on a live association (a restart): a fresh tag and TSN, the old ones as tie-tags.
                tieTags = true;
                localTag = nonZero(a.random().nextLong() & 0xFFFF_FFFFL);
                localTsn = a.random().nextLong() & 0xFFFF_FFFFL;
            }
        }
        int caps = Handshake.capabilities(init.parameters());
        byte[] cookie = a.makeCookie(init, localTag, localTsn, caps, tieTags);
        SctpConfig config = a.configuration();
        List<Parameter> params = new ArrayList<>(Handshake.localParameters(config));
        params.add(new StateCookieParameter(cookie));
        params.addAll(Handshake.unrecognized(init.parameters()));
        a.queueControl(new InitAckChunk(localTag, config.receiveWindow(), config.outboundStreams(),
                config.inboundStreams(), localTsn, params), init.initiateTag(), true);
    }

    private static long nonZero(long tag) {
        return tag == 0 ? 1 : tag;
    }

    private void onInitAck(InitAckChunk ack) {
        if (a.currentState() != SctpState.COOKIE_WAIT) {
            return; // §5.2.3: an unexpected INIT ACK is discarded
        }
        if (ack.initiateTag() == 0 || ack.outboundStreams() == 0 || ack.inboundStreams() == 0) {
            a.drop("INIT ACK with a zero tag or zero streams");
            return;
        }
        byte[] cookie = null;
        for (Parameter p : ack.parameters()) {
            if (p instanceof StateCookieParameter c) {
                cookie = c.cookie();
            }
        }
        if (cookie == null) {
            a.drop("INIT ACK without a State Cookie");
            return;
        }
        a.onInitAck(ack, Handshake.capabilities(ack.parameters()), cookie, now);
    }

    // §5.1 D and the four cases of §5.2.4.
    private boolean onCookieEcho(CookieEchoChunk echo) {
        StateCookie c = StateCookie.verify(echo.cookie(), a.cookieSecret());
        if (c == null) {
            a.drop("COOKIE ECHO with a bad signature");
            return false;
        }
        if (packet.verificationTag() != c.localTag()) {
            a.drop("COOKIE ECHO tag does not match its cookie");
            return false;
        }
        boolean duplicate = c.localTag() == a.myTag() && c.peerTag() == a.peerTag()
                && a.currentState() != SctpState.CLOSED && a.currentState() != SctpState.COOKIE_WAIT;
        if (!duplicate && a.cookieExpired(c)) {
            // §5.1.5 step 3. A duplicate of the cookie that built this association (case D) is answered anyway:
            // its COOKIE ACK was lost, and refusing it would leave the peer retrying until it gives up.
            a.queueControl(new ErrorChunk(List.of(new ErrorCause(ErrorCause.STALE_COOKIE, new byte[4]))),
                    c.peerTag(), false);
            a.drop("stale cookie");
            return false;
        }
        SctpState state = a.currentState();
        boolean ours = c.localTag() == a.myTag();
        if (state == SctpState.CLOSED || state == SctpState.COOKIE_WAIT || state == SctpState.COOKIE_ECHOED) {
            if (!ours) {
                a.drop("cookie for another association");
                return false;
            }
            a.onValidCookie(c, false);
        } else if (ours && c.peerTag() == a.peerTag()) {
            LOG.debug("duplicate COOKIE ECHO (case D)");
        } else if (!ours && c.peerTag() != a.peerTag() && c.tieLocalTag() == a.myTag()
                && c.tiePeerTag() == a.peerTag()) {
            LOG.debug("peer restarted the association (case A)");
            a.onValidCookie(c, true);
        } else {
            a.drop("COOKIE ECHO does not fit this association (case B/C)");
            return false;
        }
        a.queueControl(CookieAckChunk.INSTANCE, a.peerTag(), false);
        return true;
    }
}
