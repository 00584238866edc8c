package dev.jwebrtc.benchmarks;

import dev.jwebrtc.sdp.Sdp;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.attribute.Fingerprint;
import dev.jwebrtc.sdp.jsep.IceCredentials;
import dev.jwebrtc.sdp.jsep.Jsep;
import dev.jwebrtc.sdp.jsep.LocalState;
import dev.jwebrtc.sdp.jsep.MediaKind;
import dev.jwebrtc.sdp.jsep.SendStream;
import dev.jwebrtc.sdp.jsep.Transceiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SDP parse, write and parse+write of Chromium 156's audio+video+data offer (171 lines, about 6.5 KB), plus the
 * JSEP answer to it. The baseline in the same run is {@code splitLines}: splitting the same text into lines with
 * {@code String.split("\r\n")}, the least any line parser must do. Results are descriptions per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class SdpBenchmark {
    static final String SAMPLE = "/sdp/chromium156-offer-audio-video-data.sdp";

    String text = "";
    SessionDescription parsed = Sdp.parse("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n");
    LocalState answerer = LocalState.builder("1", new IceCredentials("bnch", "benchmarkbenchmarkbench"),
            Fingerprint.of("sha-256", new byte[32])).build();

    static String load() {
        try (InputStream in = SdpBenchmark.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SAMPLE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Setup
    public void setUp() {
        text = load();
        parsed = Sdp.parse(text);
        if (!Sdp.write(parsed).equals(text)) {
            throw new IllegalStateException("the sample does not round-trip");
        }
        answerer = answerer.toBuilder()
                .addTransceiver(Transceiver.of(MediaKind.AUDIO, Direction.SENDRECV,
                        new SendStream("s", "a", "cname", 1111, 0)))
                .addTransceiver(Transceiver.of(MediaKind.VIDEO, Direction.SENDRECV,
                        new SendStream("s", "v", "cname", 2222, 3333)))
                .build();
    }

    @Benchmark
    public String[] splitLines() {
        return text.split("\r\n");
    }

    @Benchmark
    public SessionDescription parse() {
        return Sdp.parse(text);
    }

    @Benchmark
    public String write() {
        return Sdp.write(parsed);
    }

    @Benchmark
    public String parseAndWrite() {
        return Sdp.write(Sdp.parse(text));
    }

    @Benchmark
    public SessionDescription parseAndAnswer() {
        return Jsep.createAnswer(Sdp.parse(text), answerer, null).description();
    }
}
