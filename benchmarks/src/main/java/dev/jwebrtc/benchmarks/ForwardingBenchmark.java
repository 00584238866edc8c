package dev.jwebrtc.benchmarks;

import dev.jwebrtc.rtp.AbsSendTime;
import dev.jwebrtc.rtp.RtpHeader;
import dev.jwebrtc.rtp.RtpHeaderExtensions;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.RtpStreamRewriter;
import dev.jwebrtc.rtp.SdesMid;
import dev.jwebrtc.rtp.TransportSequenceNumber;
import dev.jwebrtc.rtp.interceptor.InterceptorEvent;
import dev.jwebrtc.rtp.interceptor.InterceptorOutput;
import dev.jwebrtc.rtp.interceptor.StreamInfo;
import dev.jwebrtc.rtp.interceptor.TwccSender;
import dev.jwebrtc.rtp.rtcp.RtcpPacket;
import dev.jwebrtc.srtp.SrtpContext;
import dev.jwebrtc.srtp.SrtpProfile;
import dev.jwebrtc.srtp.SrtpResult;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-packet cost of forwarding media (a reflector or SFU hop): SRTP unprotect with the inbound context, RTP
 * rewrite (SSRC, sequence number, timestamp, payload type, transport-wide sequence number), SRTP protect with the
 * outbound context. Packets are Chromium-shaped: a one-byte-form extension block with {@code sdes:mid} (id 4),
 * {@code abs-send-time} (id 2) and {@code transport-wide-cc} (id 3), as in Chromium's offer, and a VP8-sized
 * (1100-octet) or Opus-sized (120-octet) payload.
 *
 * <ul>
 *   <li>{@code unprotectProtect}: the baseline, SRTP only (unprotect in place, protect in place, no rewrite).
 *   <li>{@code forward}: the forwarder's in-place path: unprotect, {@link RtpStreamRewriter#rewriteInPlace} and
 *       {@link TransportSequenceNumber#overwriteInPacket}, protect; one buffer, no allocation of our own.
 *   <li>{@code forwardParsed}: the object path a track pipeline takes: unprotect, {@link RtpPacket#parse},
 *       {@link RtpStreamRewriter#rewrite}, {@link TwccSender} restamping, {@link RtpPacket#writeTo}, protect.
 * </ul>
 *
 * <p>{@code rewriteOnly} and {@code rewriteParsedOnly} run the two rewrites alone on plain packets (no SRTP), so the
 * rewrite's share shows without the crypto's noise; {@code forward / unprotectProtect} is the same share in context.
 * Every variant first copies the received datagram into the work buffer (standing in for the socket read, which an
 * in-place unprotect needs anyway). Each invocation
 * forwards {@value #BATCH} distinct packets of one inbound stream; the inbound context forgets the stream first
 * ({@code removeStream}, timed, once per batch) so the same packets are fresh again, and the rewriter is told of a
 * source switch so the outgoing stream stays continuous. Results are packets per second; with
 * {@code -prof 'dev.jwebrtc.benchmarks.SrtpBenchmark$WorkerCpu'} also packets per CPU-second of the worker thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ForwardingBenchmark {

    static final int BATCH = 256;
    static final int IN_SSRC = 0x1234_5678;
    static final long OUT_SSRC = 0x9ABC_DEF0L;
    static final int ABS_SEND_TIME_ID = 2;
    static final int TRANSPORT_CC_ID = 3;
    static final int MID_ID = 4;
    static final int OUT_FIRST_SEQUENCE = 1000;
    static final long OUT_FIRST_TIMESTAMP = 123_456;
    static final int OUT_FIRST_TRANSPORT_SEQUENCE = 65_000;
    static final int IN_FIRST_SEQUENCE = 30_000;
    static final long IN_FIRST_TIMESTAMP = 4_000_000_000L;

    /** The two packet shapes: incoming and outgoing payload type, payload size, RTP ticks per packet, mid. */
    public enum Media {
        /** One 1100-octet VP8 packet per 30 fps frame (90 kHz clock). */
        VP8(96, 100, 1100, 3000, "1"),
        /** One 20 ms Opus packet (48 kHz clock). */
        OPUS(111, 109, 120, 960, "0");

        final int inPayloadType;
        final int outPayloadType;
        final int payloadSize;
        final int ticks;
        final String mid;

        Media(int inPayloadType, int outPayloadType, int payloadSize, int ticks, String mid) {
            this.inPayloadType = inPayloadType;
            this.outPayloadType = outPayloadType;
            this.payloadSize = payloadSize;
            this.ticks = ticks;
            this.mid = mid;
        }

        int clockRate() {
            return this == VP8 ? 90_000 : 48_000;
        }
    }

    static byte[] key(SrtpProfile profile, int seed) {
        byte[] k = new byte[profile.keyLength()];
        new SplittableRandom(seed).nextBytes(k);
        return k;
    }

    static byte[] salt(SrtpProfile profile, int seed) {
        byte[] s = new byte[profile.saltLength()];
        new SplittableRandom(seed + 1000).nextBytes(s);
        return s;
    }

    /** The plain RTP packet number {@code i} of the inbound stream, as the remote sender made it. */
    static byte[] plainPacket(Media media, int i) {
        RtpHeaderExtensions ext = RtpHeaderExtensions.oneByte(List.of(
                new SdesMid(media.mid).toElement(MID_ID),
                AbsSendTime.fromNanos(i * 20_000_000L).toElement(ABS_SEND_TIME_ID),
                new TransportSequenceNumber((7 + i) & 0xFFFF).toElement(TRANSPORT_CC_ID)));
        RtpHeader header = new RtpHeader(i % 4 == 3, media.inPayloadType, (IN_FIRST_SEQUENCE + i) & 0xFFFF,
                (IN_FIRST_TIMESTAMP + (long) i * media.ticks) & 0xFFFF_FFFFL, IN_SSRC & 0xFFFF_FFFFL, List.of(), ext);
        byte[] payload = new byte[media.payloadSize];
        new SplittableRandom(i).nextBytes(payload);
        return RtpPacket.of(header, payload).toByteArray();
    }

    /** One forwarding hop: inbound and outbound contexts, the rewriter, and a batch of received SRTP packets. */
    @State(Scope.Thread)
    public static class Hop {
        @Param({"SRTP_AEAD_AES_128_GCM", "SRTP_AES128_CM_HMAC_SHA1_80"})
        public SrtpProfile profile;

        @Param({"VP8", "OPUS"})
        public Media media;

        final byte[][] wire = new byte[BATCH][];
        final byte[][] plain = new byte[BATCH][];
        final ByteBuffer work = ByteBuffer.allocate(1500);
        final ByteBuffer out = ByteBuffer.allocate(1500);
        SrtpContext inbound;
        SrtpContext outbound;
        RtpStreamRewriter rewriter;
        TwccSender twcc;
        int transportSequence;
        long nowNanos;

        /** Protects the batch with the remote sender's key; keys the inbound and outbound contexts. */
        @Setup(Level.Trial)
        public void setUp() {
            SrtpContext remoteSender = SrtpContext.create(profile, key(profile, 1), salt(profile, 1));
            for (int i = 0; i < BATCH; i++) {
                plain[i] = plainPacket(media, i);
                ByteBuffer o = ByteBuffer.allocate(plain[i].length + profile.rtpOverhead());
                remoteSender.protectRtp(ByteBuffer.wrap(plain[i]), o);
                wire[i] = o.array();
            }
            inbound = SrtpContext.create(profile, key(profile, 1), salt(profile, 1));
            outbound = SrtpContext.create(profile, key(profile, 2), salt(profile, 2));
            rewriter = new RtpStreamRewriter(OUT_SSRC, media.outPayloadType, OUT_FIRST_SEQUENCE, OUT_FIRST_TIMESTAMP);
            transportSequence = OUT_FIRST_TRANSPORT_SEQUENCE;
            twcc = new TwccSender(OUT_FIRST_TRANSPORT_SEQUENCE);
            twcc.bindLocalStream(new StreamInfo(OUT_SSRC, media.outPayloadType, media.clockRate(), -1, -1, false,
                    TRANSPORT_CC_ID));
        }

        /** Makes the batch fresh for the inbound context again; the outgoing stream continues after the last one. */
        void startBatch() {
            inbound.removeStream(IN_SSRC);
            rewriter.switchSource(media.ticks);
        }

        /** Receives packet {@code i} into {@code work}. */
        void receive(int i) {
            work.clear();
            work.put(wire[i]).flip();
        }

        /** Receives packet {@code i} into {@code work} and unprotects it in place. */
        void receiveAndUnprotect(int i) {
            receive(i);
            if (inbound.unprotectRtp(work) != SrtpResult.OK) {
                throw new IllegalStateException("unprotect failed: " + inbound.stats());
            }
        }

        /** The in-place rewrite of the plain packet in {@code packet}. */
        void rewrite(ByteBuffer packet) {
            rewriter.rewriteInPlace(packet);
            TransportSequenceNumber.overwriteInPacket(packet, TRANSPORT_CC_ID, transportSequence++);
        }

        /** The parsed-packet rewrite of the plain packet in {@code packet}; the result is in {@code out}. */
        void rewriteParsed(ByteBuffer packet) {
            RtpPacket parsed = RtpPacket.parse(packet).orElseThrow();
            RtpPacket stamped = twcc.sendRtp(nowNanos += 1_000_000, rewriter.rewrite(parsed), NO_OUTPUT);
            out.clear();
            stamped.writeTo(out);
            out.flip();
        }

        /** Baseline: unprotect and protect packet {@code i} in {@code work}; returns the protected length. */
        int unprotectProtect(int i) {
            receiveAndUnprotect(i);
            return outbound.protectRtp(work);
        }

        /** Forwards packet {@code i} in place in {@code work}; returns the protected length. */
        int forward(int i) {
            receiveAndUnprotect(i);
            rewrite(work);
            return outbound.protectRtp(work);
        }

        /** Forwards packet {@code i} through the parsed-packet API into {@code out}; returns the protected length. */
        int forwardParsed(int i) {
            receiveAndUnprotect(i);
            rewriteParsed(work);
            return outbound.protectRtp(out);
        }

        /** Copies the plain packet {@code i} into {@code work}, rewrites it in place; returns an octet of it. */
        int rewriteOnly(int i) {
            work.clear();
            work.put(plain[i]).flip();
            rewrite(work);
            return work.get(3);
        }

        /** Copies the plain packet {@code i} into {@code work}, rewrites it into {@code out}; returns an octet. */
        int rewriteParsedOnly(int i) {
            work.clear();
            work.put(plain[i]).flip();
            rewriteParsed(work);
            return out.get(3);
        }
    }

    /** Interceptor output that nothing reaches on the send path of {@link TwccSender}. */
    static final InterceptorOutput NO_OUTPUT = new InterceptorOutput() {
        @Override
        public void sendRtp(RtpPacket packet) {
            throw new IllegalStateException("unexpected RTP from TwccSender");
        }

        @Override
        public void sendRtcp(RtcpPacket packet) {
            throw new IllegalStateException("unexpected RTCP from TwccSender");
        }

        @Override
        public void emit(InterceptorEvent event) {
        }
    };

    /** SRTP unprotect + protect only: the baseline. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int unprotectProtect(Hop h) {
        return batch(h, h::unprotectProtect);
    }

    /** Unprotect, in-place rewrite of SSRC, sequence number, timestamp, payload type and transport-cc, protect. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int forward(Hop h) {
        return batch(h, h::forward);
    }

    /** The same forwarding through parse, {@code rewrite}, {@code TwccSender} and {@code writeTo}. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int forwardParsed(Hop h) {
        return batch(h, h::forwardParsed);
    }

    /** The in-place rewrite alone, on plain packets (copy into the work buffer included, no SRTP). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int rewriteOnly(Hop h) {
        return batch(h, h::rewriteOnly);
    }

    /** The parsed-packet rewrite alone, on plain packets (copy included, no SRTP). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int rewriteParsedOnly(Hop h) {
        return batch(h, h::rewriteParsedOnly);
    }

    /** Runs one step over the {@value #BATCH} packets; sums what the steps return so none is dead code. */
    private static int batch(Hop h, IntUnaryOperator step) {
        h.startBatch();
        int sum = 0;
        for (int i = 0; i < BATCH; i++) {
            sum += step.applyAsInt(i);
        }
        return sum;
    }
}
