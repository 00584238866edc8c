package dev.jwebrtc.dtls;

import dev.jwebrtc.dtls.internal.HandshakeThreads;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A one-off measurement, not a test: warm handshake time of two endpoints in one JVM over an in-memory link.
 * Run with {@code mvn -B -o -q -pl webrtc-dtls verify -Dtest=DtlsHandshakeTimeMeasurement
 * -Djwebrtc.test.argLine=-Djwebrtc.dtls.measure=true}; it prints the figures and asserts nothing about speed.
 */
@EnabledIfSystemProperty(named = "jwebrtc.dtls.measure", matches = "true")
class DtlsHandshakeTimeMeasurement {

    @Test
    void measureWarmHandshakeTime() {
        for (DtlsCertificate.KeyType type : DtlsCertificate.KeyType.values()) {
            DtlsCertificate a = type == DtlsCertificate.KeyType.ECDSA_P256 ? TestCertificates.EC_A
                    : TestCertificates.rsaA();
            DtlsCertificate b = type == DtlsCertificate.KeyType.ECDSA_P256 ? TestCertificates.EC_B
                    : TestCertificates.rsaB();
            int warmup = 100;
            int runs = 300;
            long[] micros = new long[runs];
            int maxThreads = 0;
            for (int i = 0; i < warmup + runs; i++) {
                long t0 = System.nanoTime();
                try (DtlsPair pair = DtlsPair.of(a, b)) {
                    pair.start();
                    maxThreads = Math.max(maxThreads, HandshakeThreads.liveThreads());
                    pair.awaitConnected();
                    if (i >= warmup) {
                        micros[i - warmup] = (System.nanoTime() - t0) / 1000;
                    }
                }
            }
            Arrays.sort(micros);
            System.out.printf("DTLS handshake %s (both ends, one JVM, in-memory link): median %.2f ms, "
                            + "p10 %.2f ms, p90 %.2f ms, n=%d after %d warm-up; pool threads seen: %d%n",
                    type, micros[runs / 2] / 1000.0, micros[runs / 10] / 1000.0, micros[runs * 9 / 10] / 1000.0,
                    runs, warmup, maxThreads);
        }
    }
}
