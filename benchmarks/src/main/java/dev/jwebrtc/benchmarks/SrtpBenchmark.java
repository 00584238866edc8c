package dev.jwebrtc.benchmarks;

import dev.jwebrtc.srtp.SrtpContext;
import dev.jwebrtc.srtp.SrtpProfile;
import dev.jwebrtc.srtp.SrtpResult;
import java.nio.ByteBuffer;
import java.lang.reflect.Method;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * SRTP protect/unprotect of 1200-octet RTP packets (12-octet header, 1188-octet payload) per profile, next to the raw
 * JDK primitives doing the same crypto on the same bytes with reused {@code Cipher}/{@code Mac} instances:
 * AES-CTR over the payload plus HMAC-SHA1 over packet and ROC for the CM profiles, AES-GCM seal/open with the header
 * as AAD for the AEAD profiles. Results are packets per second; jwebrtc/raw is {@code protectRtp / rawProtect} and
 * {@code unprotectRtp / rawUnprotect} for the same profile.
 *
 * <p>Unprotect runs over a batch of {@value #BATCH} distinct packets per invocation (as libsrtp's baseline does):
 * SRTP needs fresh indices, so every invocation gets a fresh receiving context (untimed setup). The raw baseline runs
 * over the same batch shape.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SrtpBenchmark {

    static final int PACKET = 1200;
    static final int HEADER = 12;
    static final int BATCH = 256;
    static final int SSRC = 0x12345678;

    static byte[] masterKey(SrtpProfile profile) {
        byte[] key = new byte[profile.keyLength()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 37 + 11);
        }
        return key;
    }

    static byte[] masterSalt(SrtpProfile profile) {
        byte[] salt = new byte[profile.saltLength()];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) (i * 101 + 7);
        }
        return salt;
    }

    static byte[] rtp(int seq) {
        byte[] p = new byte[PACKET];
        java.util.Arrays.fill(p, HEADER, PACKET, (byte) 0xab);
        p[0] = (byte) 0x80;
        p[1] = 96;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        p[8] = (byte) (SSRC >>> 24);
        p[9] = (byte) (SSRC >>> 16);
        p[10] = (byte) (SSRC >>> 8);
        p[11] = (byte) SSRC;
        return p;
    }

    // ------------------------------------------------------------------ jwebrtc

    /** A sending context and one packet whose sequence number advances per operation. */
    @State(Scope.Thread)
    public static class Sender {
        @Param({"SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AES128_CM_HMAC_SHA1_32", "SRTP_AEAD_AES_128_GCM",
                "SRTP_AEAD_AES_256_GCM"})
        public SrtpProfile profile;

        SrtpContext context;
        byte[] plain;
        ByteBuffer in;
        ByteBuffer out;
        ByteBuffer inPlace;
        int seq;

        @Setup(Level.Trial)
        public void setUp() {
            context = SrtpContext.create(profile, masterKey(profile), masterSalt(profile));
            plain = rtp(0);
            in = ByteBuffer.wrap(plain);
            out = ByteBuffer.allocate(PACKET + 64);
            inPlace = ByteBuffer.allocate(PACKET + 64);
            inPlace.put(plain).flip();
        }
    }

    /**
     * Protected packets with distinct indices. Each invocation first forgets the stream ({@code removeStream}, timed,
     * once per {@value #BATCH} packets), so the same packets are fresh again without any untimed setup work.
     */
    @State(Scope.Thread)
    public static class Receiver {
        @Param({"SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AES128_CM_HMAC_SHA1_32", "SRTP_AEAD_AES_128_GCM",
                "SRTP_AEAD_AES_256_GCM"})
        public SrtpProfile profile;

        byte[][] wire = new byte[BATCH][];
        ByteBuffer[] in = new ByteBuffer[BATCH];
        ByteBuffer work = ByteBuffer.allocate(PACKET + 64);
        ByteBuffer out = ByteBuffer.allocate(PACKET + 64);
        SrtpContext context;

        @Setup(Level.Trial)
        public void protectBatch() {
            SrtpContext tx = SrtpContext.create(profile, masterKey(profile), masterSalt(profile));
            for (int i = 0; i < BATCH; i++) {
                ByteBuffer o = ByteBuffer.allocate(PACKET + profile.rtpOverhead());
                tx.protectRtp(ByteBuffer.wrap(rtp(i)), o);
                wire[i] = o.array();
                in[i] = ByteBuffer.wrap(wire[i]);
            }
            context = SrtpContext.create(profile, masterKey(profile), masterSalt(profile));
        }
    }

    /** Out-of-place protect into a reused heap buffer. */
    @Benchmark
    public int protectRtp(Sender s) {
        int seq = ++s.seq;
        s.plain[2] = (byte) (seq >>> 8);
        s.plain[3] = (byte) seq;
        s.in.clear();
        s.out.clear();
        return s.context.protectRtp(s.in, s.out);
    }

    /** In-place protect (the buffer has tail room for the tag). */
    @Benchmark
    public int protectRtpInPlace(Sender s) {
        int seq = ++s.seq;
        ByteBuffer b = s.inPlace;
        b.clear().limit(PACKET);
        b.put(2, (byte) (seq >>> 8));
        b.put(3, (byte) seq);
        return s.context.protectRtp(b);
    }

    /** Out-of-place unprotect of {@value #BATCH} distinct packets. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int unprotectRtp(Receiver r) {
        r.context.removeStream(SSRC);
        int ok = 0;
        for (int i = 0; i < BATCH; i++) {
            r.in[i].clear();
            r.out.clear();
            ok += r.context.unprotectRtp(r.in[i], r.out) == SrtpResult.OK ? 1 : 0;
        }
        return ok;
    }

    /**
     * In-place unprotect of {@value #BATCH} distinct packets. Each packet is first copied into the work buffer (a
     * 1210-octet copy inside the timing that the out-of-place variant and the raw baseline do not make).
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int unprotectRtpInPlace(Receiver r) {
        r.context.removeStream(SSRC);
        int ok = 0;
        for (int i = 0; i < BATCH; i++) {
            ByteBuffer b = r.work;
            b.clear();
            b.put(r.wire[i]).flip();
            ok += r.context.unprotectRtp(b) == SrtpResult.OK ? 1 : 0;
        }
        return ok;
    }

    // ------------------------------------------------------------------ raw JDK baseline

    /** Raw JDK primitives keyed like one SRTP session (session keys stand in as any key of the right size). */
    @State(Scope.Thread)
    public static class Raw {
        @Param({"SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AES128_CM_HMAC_SHA1_32", "SRTP_AEAD_AES_128_GCM",
                "SRTP_AEAD_AES_256_GCM"})
        public SrtpProfile profile;

        boolean aead;
        int tagLength;
        Cipher cipher;
        Mac mac;
        SecretKeySpec key;
        byte[] iv;
        byte[] roc = new byte[4];
        byte[] digest = new byte[20];
        byte[] plain = rtp(0);
        byte[] out = new byte[PACKET + 64];
        byte[][] wire = new byte[BATCH][];
        int counter;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException {
            aead = profile.aead();
            tagLength = profile.rtpAuthTagLength();
            key = new SecretKeySpec(masterKey(profile), "AES");
            if (aead) {
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
                iv = new byte[12];
            } else {
                cipher = Cipher.getInstance("AES/CTR/NoPadding");
                mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(new byte[20], "HmacSHA1"));
                iv = new byte[16];
            }
            for (int i = 0; i < BATCH; i++) {
                counter = i;
                seal(this);
                wire[i] = java.util.Arrays.copyOf(out, PACKET + tagLength);
            }
            counter = BATCH;
        }

        void setIv(int index) {
            int at = aead ? 8 : 10;
            iv[at] = (byte) (index >>> 24);
            iv[at + 1] = (byte) (index >>> 16);
            iv[at + 2] = (byte) (index >>> 8);
            iv[at + 3] = (byte) index;
        }
    }

    /** Raw seal: AES-CTR + HMAC-SHA1(packet || ROC), or AES-GCM with the header as AAD. */
    @Benchmark
    public int rawProtect(Raw s) throws GeneralSecurityException {
        return seal(s);
    }

    static int seal(Raw s) throws GeneralSecurityException {
        s.setIv(s.counter++);
        System.arraycopy(s.plain, 0, s.out, 0, HEADER);
        if (s.aead) {
            s.cipher.init(Cipher.ENCRYPT_MODE, s.key, new GCMParameterSpec(128, s.iv));
            s.cipher.updateAAD(s.plain, 0, HEADER);
            return s.cipher.doFinal(s.plain, HEADER, PACKET - HEADER, s.out, HEADER);
        }
        s.cipher.init(Cipher.ENCRYPT_MODE, s.key, new IvParameterSpec(s.iv));
        s.cipher.doFinal(s.plain, HEADER, PACKET - HEADER, s.out, HEADER);
        s.mac.update(s.out, 0, PACKET);
        s.mac.update(s.roc, 0, 4);
        s.mac.doFinal(s.digest, 0);
        System.arraycopy(s.digest, 0, s.out, PACKET, s.tagLength);
        return PACKET + s.tagLength;
    }

    /** Raw open of {@value #BATCH} distinct packets: verify then decrypt, or AES-GCM open. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int rawUnprotect(Raw s) throws GeneralSecurityException {
        int ok = 0;
        for (int i = 0; i < BATCH; i++) {
            byte[] w = s.wire[i];
            s.setIv(i);
            System.arraycopy(w, 0, s.out, 0, HEADER);
            if (s.aead) {
                s.cipher.init(Cipher.DECRYPT_MODE, s.key, new GCMParameterSpec(128, s.iv));
                s.cipher.updateAAD(w, 0, HEADER);
                ok += s.cipher.doFinal(w, HEADER, PACKET - HEADER + 16, s.out, HEADER);
            } else {
                s.mac.update(w, 0, PACKET);
                s.mac.update(s.roc, 0, 4);
                s.mac.doFinal(s.digest, 0);
                int diff = 0;
                for (int t = 0; t < s.tagLength; t++) {
                    diff |= s.digest[t] ^ w[PACKET + t];
                }
                if (diff == 0) {
                    s.cipher.init(Cipher.ENCRYPT_MODE, s.key, new IvParameterSpec(s.iv));
                    ok += s.cipher.doFinal(w, HEADER, PACKET - HEADER, s.out, HEADER);
                }
            }
        }
        return ok;
    }

    // ------------------------------------------------------------------ CPU-time profiler

    /**
     * Reports throughput per CPU-second of the benchmark's worker thread ({@code cpu.ops/s}) next to JMH's wall-clock
     * score. On a shared, loaded machine the wall-clock score mostly measures how often the worker was scheduled; the
     * worker's own CPU time does not, so ratios of {@code cpu.ops/s} are the stable comparison. Use with
     * {@code -prof dev.jwebrtc.benchmarks.SrtpBenchmark$WorkerCpu}. ({@code java.management} is reached reflectively
     * because the benchmarks module does not require it.)
     */
    public static final class WorkerCpu implements InternalProfiler {
        private final Object threadBean;
        private final Method cpuTime;
        private final Map<Long, Long> before = new HashMap<>();
        private long wallBefore;

        /** Looks up the platform {@code ThreadMXBean}. */
        public WorkerCpu() throws ReflectiveOperationException {
            Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
            threadBean = factory.getMethod("getThreadMXBean").invoke(null);
            cpuTime = Class.forName("java.lang.management.ThreadMXBean").getMethod("getThreadCpuTime", long.class);
        }

        @Override
        public String getDescription() {
            return "CPU time of the JMH worker threads: ops per CPU-second and share of wall time";
        }

        @Override
        public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
            before.clear();
            for (Thread t : workers()) {
                before.put(t.getId(), cpu(t));
            }
            wallBefore = System.nanoTime();
        }

        @Override
        public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                IterationResult result) {
            long wall = System.nanoTime() - wallBefore;
            long used = 0;
            for (Thread t : workers()) {
                used += cpu(t) - before.getOrDefault(t.getId(), 0L);
            }
            long ops = result.getMetadata().getAllOps();
            double seconds = used / 1e9;
            return List.of(
                    new ScalarResult("cpu.ops/s", seconds > 0 ? ops / seconds : Double.NaN, "ops/cpu-s",
                            AggregationPolicy.AVG),
                    new ScalarResult("cpu.share", (double) used / wall, "cpu/wall", AggregationPolicy.AVG));
        }

        private long cpu(Thread t) {
            try {
                return (long) cpuTime.invoke(threadBean, t.getId());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("ThreadMXBean.getThreadCpuTime failed", e);
            }
        }

        private static List<Thread> workers() {
            return Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().contains("jmh-worker"))
                    .toList();
        }
    }
}
