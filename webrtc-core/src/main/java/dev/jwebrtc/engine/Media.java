package dev.jwebrtc.engine;

import dev.jwebrtc.dtls.DtlsSrtpKeys;
import dev.jwebrtc.rtp.AbsSendTime;
import dev.jwebrtc.rtp.HeaderExtension;
import dev.jwebrtc.rtp.ParseStats;
import dev.jwebrtc.rtp.RepairedRtpStreamId;
import dev.jwebrtc.rtp.RtpHeaderExtensions;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.RtpStreamId;
import dev.jwebrtc.rtp.SdesMid;
import dev.jwebrtc.rtp.codec.EncodedFrame;
import dev.jwebrtc.rtp.codec.Payloader;
import dev.jwebrtc.rtp.codec.RtpPacketizer;
import dev.jwebrtc.rtp.interceptor.InterceptorChain;
import dev.jwebrtc.rtp.interceptor.InterceptorEvent;
import dev.jwebrtc.rtp.interceptor.JitterBuffer;
import dev.jwebrtc.rtp.interceptor.KeyframeRequester;
import dev.jwebrtc.rtp.interceptor.NackGenerator;
import dev.jwebrtc.rtp.interceptor.NackResponder;
import dev.jwebrtc.rtp.interceptor.RtcpReports;
import dev.jwebrtc.rtp.interceptor.RtxReceiver;
import dev.jwebrtc.rtp.interceptor.StreamInfo;
import dev.jwebrtc.rtp.interceptor.TwccReceiver;
import dev.jwebrtc.rtp.interceptor.TwccSender;
import dev.jwebrtc.rtp.rtcp.FullIntraRequest;
import dev.jwebrtc.rtp.rtcp.GenericNack;
import dev.jwebrtc.rtp.rtcp.PictureLossIndication;
import dev.jwebrtc.rtp.rtcp.RtcpCompound;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import dev.jwebrtc.sdp.jsep.Codec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTP half of the engine: SRTP keyed by DTLS (RFC 5764), RTP/RTCP multiplexed on the ICE pair (RFC 5761, RFC
 * 8843), the interceptor chain of webrtc-rtp (reports, NACK/RTX, keyframe requests, transport-wide CC), packetizing
 * what the application sends and assembling frames of what it receives.
 *
 * <p>Incoming RTP is routed to a transceiver (RFC 8843 §9.2, JSEP §5.11): by an SSRC the remote description or an
 * earlier packet announced, else by the {@code sdes:mid} header extension (with {@code rtp-stream-id} for simulcast
 * and {@code repaired-rtp-stream-id} for its RTX), else by a payload type only one receiving transceiver uses.
 * Packets that fit nowhere, fail SRTP or do not parse are dropped and counted. Event-loop confined.
 */
final class Media {

    private static final Logger LOG = LoggerFactory.getLogger(Media.class);
    static final String TRANSPORT_CC_URI = dev.jwebrtc.sdp.jsep.HeaderExtension.TRANSPORT_CC;
    private static final int MAX_PAYLOAD = 1200 - 20 - 8 - 12 - 32 - 16; // MTU - IP - UDP - RTP - extensions - tag
    // A gap waits at least this long for NACK to repair it (a retransmission takes an RTT plus the NACK tick);
    // without loss, frames leave as soon as they are complete.
    private static final long JITTER_MIN_WAIT = 120_000_000L;
    private static final long JITTER_MAX_WAIT = 500_000_000L;

    /** Dropped input, for stats and tests. */
    record Counters(long srtpFailures, long malformed, long unroutable, long beforeKeys, long sendsDropped) {}

    private final RandomGenerator random;
    private final Queue<EngineEvent> events;
    private final SrtpLayer srtp;
    private final List<MediaTransceiver> transceivers = new ArrayList<>();
    private final Map<Long, ReceiveStream> streams = new HashMap<>();
    private final String cname;
    final InterceptorChain chain;
    final RtcpReports reports;
    final KeyframeRequester keyframes;
    final NackGenerator nackGenerator;
    final NackResponder nackResponder;
    final RtxReceiver rtxReceiver;
    final TwccSender twccSender;
    private final ParseStats parseStats = new ParseStats();
    private int nextHandle = 1;
    private long malformed;
    private long unroutable;
    private static final int MAX_STREAMS_PER_TRANSCEIVER = 16;
    private long bandwidthEstimate;

    /**
     * @param network sends a datagram on the selected pair
     * @param wallClockOffsetNanos added to engine time to get the wall clock (sender reports' NTP timestamps)
     */
    Media(RandomGenerator random, Queue<EngineEvent> events, Predicate<ByteBuffer> network, long wallClockOffsetNanos) {
        this.random = random;
        this.events = events;
        this.srtp = new SrtpLayer(network);
        this.cname = java.util.UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString();
        long reporter = ssrc();
        reports = new RtcpReports(reporter, cname, 1_000_000_000L, wallClockOffsetNanos);
        keyframes = new KeyframeRequester(reporter, 300_000_000L, false);
        nackGenerator = new NackGenerator(reporter, 20_000_000L, 10, 512);
        nackResponder = new NackResponder(1024, 10_000_000L, random);
        rtxReceiver = new RtxReceiver();
        twccSender = new TwccSender(random.nextInt(0x10000));
        TwccReceiver twccReceiver = new TwccReceiver(reporter, 100_000_000L, 500);
        // Outgoing in this order, incoming in reverse: RTX is unwrapped first, reports see every packet.
        chain = new InterceptorChain(List.of(reports, keyframes, nackGenerator, nackResponder, twccReceiver,
                rtxReceiver, twccSender));
    }

    private static byte[] longBytes(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    private long ssrc() {
        // RFC 3550 §8.1: random SSRCs; 0 is avoided because some peers treat it as "none".
        long s;
        do {
            s = random.nextLong() & 0xFFFF_FFFFL;
        } while (s == 0 || streams.containsKey(s));
        return s;
    }

    // ---- transceivers ---------------------------------------------------------------------------------------------

    MediaTransceiver addTransceiver(dev.jwebrtc.sdp.jsep.MediaKind kind, dev.jwebrtc.sdp.attribute.Direction direction,
            String trackId, String streamId) {
        return addTransceiver(kind, direction, trackId, streamId, List.of());
    }

    /** A transceiver that sends one stream per rid (simulcast, RFC 8853), or one plain stream when there are none. */
    MediaTransceiver addTransceiver(dev.jwebrtc.sdp.jsep.MediaKind kind, dev.jwebrtc.sdp.attribute.Direction direction,
            String trackId, String streamId, List<String> rids) {
        List<SendEncoding> encodings = new ArrayList<>();
        for (String rid : rids.isEmpty() ? java.util.Collections.<String>singletonList(null) : rids) {
            encodings.add(new SendEncoding(rid, ssrc(), ssrc(), random.nextLong() & 0xFFFF_FFFFL));
        }
        MediaTransceiver t = new MediaTransceiver(nextHandle++, kind, direction, encodings, cname, trackId, streamId);
        transceivers.add(t);
        return t;
    }

    List<MediaTransceiver> transceivers() {
        return transceivers;
    }

    @Nullable MediaTransceiver transceiver(int handle) {
        for (MediaTransceiver t : transceivers) {
            if (t.handle == handle) {
                return t;
            }
        }
        return null;
    }

    @Nullable MediaTransceiver byMid(String mid) {
        for (MediaTransceiver t : transceivers) {
            if (mid.equals(t.mid)) {
                return t;
            }
        }
        return null;
    }

    /** A random identifier (a remote-offered transceiver's track id) from the engine's own randomness. */
    String randomId() {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** Negotiation finished for a transceiver: bind its streams to the interceptors. */
    void negotiated(MediaTransceiver t) {
        for (Codec c : t.codecs) {
            if (c.isRtx() && c.apt() >= 0) {
                rtxReceiver.associate(c.payloadType(), c.apt());
            }
        }
        if (t.sending && t.sendCodec != null) {
            int twcc = t.extensions.idOf(TRANSPORT_CC_URI).orElse(0);
            boolean rtx = t.sendRtxPayloadType >= 0;
            for (SendEncoding e : t.encodings) {
                if (e.active) {
                    chain.bindLocalStream(new StreamInfo(e.ssrc, t.sendCodec.payloadType(), t.sendCodec.clockRate(),
                            rtx ? e.rtxSsrc : -1, rtx ? t.sendRtxPayloadType : -1, t.nack, twcc));
                    e.bound = true;
                }
            }
            t.localStreamBound = true;
        }
        if (t.receiving) {
            for (long remoteSsrc : t.remoteSsrcs) {
                if (!streams.containsKey(remoteSsrc)) {
                    ReceiveStream s = new ReceiveStream(remoteSsrc, t, null);
                    streams.put(remoteSsrc, s);
                    bindRemote(s);
                }
            }
        }
    }

    /** Declares the RTX SSRC of a remote stream (from {@code a=ssrc-group:FID} or a repaired-rid packet). */
    void remoteRtx(MediaTransceiver t, long mediaSsrc, long rtxSsrc) {
        ReceiveStream s = streams.get(mediaSsrc);
        if (s == null) {
            s = new ReceiveStream(mediaSsrc, t, null);
            streams.put(mediaSsrc, s);
        }
        s.rtxSsrc = rtxSsrc;
        streams.put(rtxSsrc, s);
        bindRemote(s);
    }

    private void bindRemote(ReceiveStream s) {
        MediaTransceiver t = s.transceiver;
        Codec first = t.codecs.stream().filter(c -> !c.isAuxiliary()).findFirst().orElse(null);
        if (first == null) {
            return;
        }
        int rtxPt = MediaCodecs.rtxFor(t.codecs, first.payloadType());
        boolean rtx = s.rtxSsrc >= 0 && rtxPt >= 0;
        int twcc = t.extensions.idOf(TRANSPORT_CC_URI).orElse(0);
        chain.bindRemoteStream(new StreamInfo(s.ssrc, first.payloadType(), first.clockRate(), rtx ? s.rtxSsrc : -1,
                rtx ? rtxPt : -1, t.nack, twcc));
        // RFC 4585 §6.3.1 / RFC 5104 §7.1: PLI when "nack pli" was negotiated, else FIR when "ccm fir" was.
        if (!first.feedback().contains("nack pli") && first.feedback().contains("ccm fir")) {
            keyframes.useFirFor(s.ssrc);
        }
    }

    // ---- keys -----------------------------------------------------------------------------------------------------

    /** DTLS finished with use_srtp (RFC 5764 §4.2): the SRTP contexts of both directions. */
    void keys(long nowNanos, DtlsSrtpKeys keys) {
        List<byte[]> early = srtp.keys(keys);
        LOG.debug("SRTP keyed with {}; {} early packets to replay", keys.profile(), early.size());
        for (byte[] packet : early) {
            receive(nowNanos, ByteBuffer.wrap(packet));
        }
    }

    // ---- sending --------------------------------------------------------------------------------------------------

    /**
     * Packetizes and sends one encoded frame. Its RTP timestamp is where the previous frames' durations add up to
     * (so a file played at its own pace keeps its timing). Returns false, counting it, when the transceiver does not
     * send now (not negotiated, direction, no keys yet).
     */
    boolean sendFrame(long nowNanos, MediaTransceiver t, @Nullable String rid, ByteBuffer frame, long durationNanos) {
        Codec codec = t.sendCodec;
        SendEncoding e = t.encoding(rid);
        if (!t.sending || codec == null || !srtp.keyed() || t.stopped || e == null || !e.active) {
            t.framesDropped++;
            srtp.sendsDropped++;
            return false;
        }
        RtpPacketizer packetizer = e.packetizer;
        if (packetizer == null || e.packetizerPayloadType != codec.payloadType()) {
            Payloader payloader = MediaCodecs.payloader(codec, random);
            if (payloader == null) {
                t.framesDropped++;
                srtp.sendsDropped++;
                return false;
            }
            int seq = packetizer == null ? random.nextInt(0x10000) : packetizer.nextSequenceNumber();
            packetizer = new RtpPacketizer(payloader, codec.payloadType(), e.ssrc, MAX_PAYLOAD, seq);
            e.packetizer = packetizer;
            e.packetizerPayloadType = codec.payloadType();
        }
        long timestamp = e.nextTimestamp(codec.clockRate());
        e.sentDurationNanos += Math.max(0, durationNanos);
        List<RtpPacket> packets = packetizer.packetize(frame, timestamp);
        for (RtpPacket p : packets) {
            sendRtp(nowNanos, e, withExtensions(nowNanos, t, e.rid, p));
        }
        e.framesSent++;
        return true;
    }

    /**
     * Sends an RTP packet the application built (forwarding): our SSRC and negotiated payload type replace its own,
     * its header extensions are replaced by ours; sequence number, timestamp, marker and payload are kept.
     */
    boolean sendRaw(long nowNanos, MediaTransceiver t, @Nullable String rid, RtpPacket packet) {
        Codec codec = t.sendCodec;
        SendEncoding e = t.encoding(rid);
        if (!t.sending || codec == null || !srtp.keyed() || t.stopped || e == null || !e.active) {
            srtp.sendsDropped++;
            return false;
        }
        RtpPacket ours = packet.withHeader(packet.header().withExtensions(null)
                .withStream(codec.payloadType(), packet.sequenceNumber(), packet.timestamp(), e.ssrc));
        sendRtp(nowNanos, e, withExtensions(nowNanos, t, e.rid, ours));
        return true;
    }

    /**
     * Our header extensions on a packet (RFC 8285): mid, abs-send-time, and for simulcast the rid (RFC 8852);
     * transport-wide sequence numbers are stamped later by the chain.
     */
    private RtpPacket withExtensions(long nowNanos, MediaTransceiver t, @Nullable String rid, RtpPacket p) {
        List<HeaderExtension> values = new ArrayList<>(3);
        if (t.mid != null && t.extensions.idOf(SdesMid.URI).isPresent()) {
            values.add(new SdesMid(t.mid));
        }
        if (rid != null && t.extensions.idOf(RtpStreamId.URI).isPresent()) {
            values.add(new RtpStreamId(rid));
        }
        if (t.extensions.idOf(AbsSendTime.URI).isPresent()) {
            values.add(AbsSendTime.fromNanos(nowNanos));
        }
        return values.isEmpty() ? p : p.withHeader(p.header().withExtensions(t.extensions.encode(values)));
    }

    private void sendRtp(long nowNanos, SendEncoding e, RtpPacket packet) {
        RtpPacket out = chain.sendRtp(nowNanos, packet);
        if (out != null) {
            e.packetsSent++;
            e.bytesSent += out.payload().remaining();
            srtp.sendRtp(out);
        }
    }

    /**
     * An RTX retransmission of a simulcast layer names the layer with repaired-rtp-stream-id instead of rtp-stream-id
     * (RFC 8852 §3.2); its other extensions (mid, the transport-wide sequence number already stamped) stay.
     */
    private RtpPacket repairedRid(RtpPacket rtx) {
        for (MediaTransceiver t : transceivers) {
            for (SendEncoding e : t.encodings) {
                RtpHeaderExtensions ext = rtx.header().extensions();
                if (e.rid == null || e.rtxSsrc != rtx.ssrc() || ext == null) {
                    continue;
                }
                int ridId = t.extensions.idOf(RtpStreamId.URI).orElse(-1);
                int repairedId = t.extensions.idOf(RepairedRtpStreamId.URI).orElse(-1);
                List<dev.jwebrtc.rtp.RtpExtensionElement> elements = new ArrayList<>();
                for (dev.jwebrtc.rtp.RtpExtensionElement element : ext.elements()) {
                    if (element.id() != ridId && element.id() != repairedId) {
                        elements.add(element);
                    }
                }
                if (repairedId > 0) {
                    elements.add(new RepairedRtpStreamId(e.rid).toElement(repairedId));
                }
                return rtx.withHeader(rtx.header().withExtensions(RtpHeaderExtensions.of(elements)));
            }
        }
        return rtx;
    }

    /** Asks the sender of a stream we receive for a keyframe (PLI, rate-limited by the requester). */
    void requestKeyframe(long nowNanos, MediaTransceiver t) {
        for (ReceiveStream s : receiveStreams()) {
            if (s.transceiver == t) {
                requestKeyframe(nowNanos, s);
            }
        }
        flush(nowNanos);
    }

    /** A keyframe request for one stream, counted as what went out (PLI or FIR; none while rate-limited). */
    private void requestKeyframe(long nowNanos, ReceiveStream s) {
        long before = keyframes.requestsSent();
        keyframes.requestKeyframe(nowNanos, s.ssrc, chain);
        if (keyframes.requestsSent() > before) {
            if (keyframes.usesFir(s.ssrc)) {
                s.firSent++;
            } else {
                s.pliSent++;
            }
        }
    }

    // ---- receiving ------------------------------------------------------------------------------------------------

    /** An SRTP or SRTCP datagram (first byte 128-191, RFC 7983). */
    void receive(long nowNanos, ByteBuffer datagram) {
        ByteBuffer plain = srtp.unprotect(datagram);
        if (plain == null) {
            return;
        }
        if (SrtpLayer.isRtcp(plain)) {
            RtcpCompound.parse(plain, parseStats).ifPresentOrElse(l -> receiveRtcp(nowNanos, l), () -> malformed++);
        } else {
            RtpPacket.parse(plain, parseStats).ifPresentOrElse(p -> receiveRtp(nowNanos, p), () -> malformed++);
        }
        flush(nowNanos);
    }

    private void receiveRtcp(long nowNanos, List<RtcpPacket> packets) {
        for (RtcpPacket p : packets) {
            if (p instanceof PictureLossIndication pli) {
                countKeyframeRequest(pli.mediaSsrc(), false);
            } else if (p instanceof FullIntraRequest fir) {
                fir.entries().forEach(e -> countKeyframeRequest(e.ssrc(), true));
            } else if (p instanceof GenericNack nack) {
                for (MediaTransceiver t : transceivers) {
                    if (t.sendsOn(nack.mediaSsrc())) {
                        t.nackReceived++;
                    }
                }
            }
        }
        chain.receiveRtcp(nowNanos, packets);
    }

    private void countKeyframeRequest(long ssrc, boolean fir) {
        for (MediaTransceiver t : transceivers) {
            if (t.sendsOn(ssrc)) {
                if (fir) {
                    t.firReceived++;
                } else {
                    t.pliReceived++;
                }
            }
        }
    }

    private void receiveRtp(long nowNanos, RtpPacket packet) {
        ReceiveStream stream = route(packet);
        if (stream == null) {
            unroutable++;
            LOG.trace("RTP with SSRC {} PT {} fits no transceiver; dropped", packet.ssrc(), packet.payloadType());
            return;
        }
        RtpPacket p = chain.receiveRtp(nowNanos, packet);
        if (p == null) {
            return;
        }
        MediaTransceiver t = stream.transceiver;
        stream.packetsReceived++;
        stream.bytesReceived += p.payload().remaining();
        stream.headerBytesReceived += p.header().encodedLength();
        stream.lastPacketReceivedNanos = nowNanos;
        events.add(new EngineEvent.RtpReceived(t.handle, stream.rid, p));
        Codec codec = t.codec(p.payloadType());
        if (codec == null || codec.isAuxiliary()) {
            return;
        }
        JitterBuffer jb = stream.bufferFor(codec, JITTER_MIN_WAIT, JITTER_MAX_WAIT);
        if (jb != null) {
            jb.push(nowNanos, p);
            drainFrames(nowNanos, stream);
        }
    }

    private @Nullable ReceiveStream route(RtpPacket packet) {
        ReceiveStream known = streams.get(packet.ssrc());
        if (known != null) {
            return known;
        }
        RtpHeaderExtensions ext = packet.header().extensions();
        if (ext != null) {
            for (MediaTransceiver t : transceivers) {
                if (!t.receiving) {
                    continue;
                }
                Map<String, HeaderExtension> values = t.extensions.decode(ext);
                if (!(values.get(SdesMid.URI) instanceof SdesMid mid) || !mid.mid().equals(t.mid)) {
                    continue;
                }
                if (values.get(RepairedRtpStreamId.URI) instanceof RepairedRtpStreamId repaired) {
                    for (ReceiveStream s : List.copyOf(streams.values())) {
                        if (s.transceiver == t && repaired.rid().equals(s.rid) && s.ssrc != packet.ssrc()) {
                            remoteRtx(t, s.ssrc, packet.ssrc());
                            return s;
                        }
                    }
                    return null; // its media stream has not been seen yet: nothing to repair
                }
                String rid = values.get(RtpStreamId.URI) instanceof RtpStreamId r ? r.rid() : null;
                return newStream(packet.ssrc(), t, rid);
            }
        }
        // No SSRC signalled and no mid: a payload type only one receiving transceiver has (JSEP §5.11).
        MediaTransceiver only = null;
        for (MediaTransceiver t : transceivers) {
            if (t.receiving && t.codec(packet.payloadType()) != null) {
                if (only != null) {
                    return null;
                }
                only = t;
            }
        }
        return only == null ? null : newStream(packet.ssrc(), only, null);
    }

    private @Nullable ReceiveStream newStream(long ssrc, MediaTransceiver t, @Nullable String rid) {
        // A peer inventing SSRCs must not grow our state without bound: beyond a few streams per section (simulcast
        // layers, a restarted source), new ones are dropped and counted.
        if (streams.values().stream().filter(x -> x.transceiver == t).count() >= MAX_STREAMS_PER_TRANSCEIVER) {
            LOG.trace("stream limit reached on {}; SSRC {} dropped", t, ssrc);
            return null; // counted as unroutable
        }
        ReceiveStream s = new ReceiveStream(ssrc, t, rid);
        streams.put(ssrc, s);
        bindRemote(s);
        return s;
    }

    private void drainFrames(long nowNanos, ReceiveStream stream) {
        JitterBuffer jb = stream.jitterBuffer;
        if (jb == null) {
            return;
        }
        EncodedFrame frame;
        while ((frame = jb.poll()) != null) {
            stream.framesReceived++;
            if (frame.keyframe()) {
                stream.keyFramesReceived++;
            }
            events.add(new EngineEvent.FrameReceived(stream.transceiver.handle, stream.rid, frame));
        }
        // Frames had to be thrown away (joined mid-stream, or a loss NACK could not repair): ask for a keyframe.
        if (jb.keyframeNeeded()) {
            requestKeyframe(nowNanos, stream);
        }
    }

    /**
     * The round trip to the remote, from RTCP: our receiver reports' DLRR when the remote sends XR, else the RTT of a
     * stream we send (RFC 3550 §6.4.1), else -1.
     */
    private long roundTripNanos() {
        long rtt = reports.receiverRoundTripTimeNanos();
        if (rtt > 0) {
            return rtt;
        }
        for (MediaTransceiver t : transceivers) {
            if (t.localStreamBound) {
                long sent = reports.outbound(t.encodings.get(0).ssrc).map(RtcpReports.SendStats::roundTripTimeNanos)
                        .orElse(-1L);
                if (sent > 0) {
                    return sent;
                }
            }
        }
        return -1;
    }

    // ---- time and output ------------------------------------------------------------------------------------------

    void timeout(long nowNanos) {
        nackGenerator.roundTripTime(roundTripNanos());
        if (chain.pollTimeout() <= nowNanos) {
            chain.handleTimeout(nowNanos);
        }
        for (ReceiveStream s : List.copyOf(streams.values())) {
            JitterBuffer jb = s.jitterBuffer;
            if (jb != null && jb.pollTimeout() <= nowNanos && streams.get(s.ssrc) == s) {
                jb.handleTimeout(nowNanos);
                drainFrames(nowNanos, s);
            }
        }
        flush(nowNanos);
    }

    long pollTimeout() {
        if (!srtp.keyed()) {
            return Long.MAX_VALUE;
        }
        long next = chain.pollTimeout();
        for (ReceiveStream s : streams.values()) {
            if (s.jitterBuffer != null) {
                next = Math.min(next, s.jitterBuffer.pollTimeout());
            }
        }
        return next;
    }

    /** Sends what the interceptors generated (retransmissions, RTCP) and reports their events. */
    void flush(long nowNanos) {
        RtpPacket rtp;
        while ((rtp = chain.pollRtp()) != null) {
            srtp.sendRtp(repairedRid(rtp));
        }
        List<RtcpPacket> rtcp = new ArrayList<>();
        RtcpPacket p;
        int size = 0;
        while ((p = chain.pollRtcp()) != null) {
            int length = RtcpCompound.encodedLength(List.of(p));
            if (!rtcp.isEmpty() && size + length > MAX_PAYLOAD) {
                srtp.sendRtcp(rtcp);
                rtcp = new ArrayList<>();
                size = 0;
            }
            rtcp.add(p);
            size += length;
        }
        srtp.sendRtcp(rtcp);
        InterceptorEvent e;
        while ((e = chain.pollEvent()) != null) {
            if (e instanceof InterceptorEvent.KeyframeRequested k) {
                for (MediaTransceiver t : transceivers) {
                    if (t.sendsOn(k.ssrc())) {
                        events.add(new EngineEvent.KeyframeRequested(t.handle, k.fullIntraRequest()));
                    }
                }
            } else if (e instanceof InterceptorEvent.BandwidthEstimate b) {
                bandwidthEstimate = b.bitsPerSecond();
                events.add(new EngineEvent.BandwidthEstimate(b.bitsPerSecond()));
            }
        }
    }

    // ---- stats ----------------------------------------------------------------------------------------------------

    Counters counters() {
        return new Counters(srtp.failures, malformed + parseStats.dropped(), unroutable, srtp.beforeKeys,
                srtp.sendsDropped);
    }

    List<ReceiveStream> receiveStreams() {
        List<ReceiveStream> out = new ArrayList<>();
        for (Map.Entry<Long, ReceiveStream> e : streams.entrySet()) {
            if (e.getKey() == e.getValue().ssrc) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    long bandwidthEstimate() {
        return bandwidthEstimate;
    }
}
