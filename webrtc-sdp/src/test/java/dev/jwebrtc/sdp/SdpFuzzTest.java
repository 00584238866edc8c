package dev.jwebrtc.sdp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz target for the parser, writer, typed views and answer builder. In the normal build it runs in
 * regression mode over the seed corpus in {@code SdpFuzzTestInputs/} (every browser sample and RFC example);
 * {@code JAZZER_FUZZ=1 mvn -pl webrtc-sdp test -Dtest=SdpFuzzTest} fuzzes for real.
 */
class SdpFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parseAcceptsOrRejectsCleanly(byte[] input) {
        FuzzProperties.check(new String(input, StandardCharsets.UTF_8));
    }
}
