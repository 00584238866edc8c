package dev.jwebrtc.sdp;

import dev.jwebrtc.sdp.internal.KnownAttributes;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded structure-aware mutation of every sample (the same property as {@link SdpFuzzTest}, without Jazzer):
 * thousands of corrupted descriptions either parse and round-trip or fail with {@link SdpParseException}.
 */
class SdpSurvivesMutatedInputTest {
    /** Override for longer local runs: {@code -Djwebrtc.test.argLine=-Dsdp.mutation.rounds=200000}. */
    private static final int ROUNDS = Integer.getInteger("sdp.mutation.rounds", 4000);
    private static final String[] TOKENS = {" ", "  ", ":", "/", ";", ",", "=", "\r", "\n", "\r\n", "\u0000", "\t",
        "-1", "0", "65536", "4294967296", "99999999999999999999", "typ", "raddr", "rport", "tcptype", "a=", "m=",
        "c=", "t=", "~", "*", "pt=", "send", "recv", "UDP/TLS/RTP/SAVPF", "webrtc-datachannel", "\u00e9", "\ud83d\ude00",
        "a=candidate:", "a=rid:", "a=simulcast:", "a=extmap:", "a=fingerprint:sha-256 ", "a=group:BUNDLE ",
        "a=bundle-only", "m=audio 0 RTP/AVP 0\r\n", "a=mid:"};

    @Test
    void mutatedSamplesParseOrFailCleanly(TestSeed seed) {
        SplittableRandom random = new SplittableRandom(seed.value());
        List<String> samples = new ArrayList<>();
        for (String name : Samples.all()) {
            samples.add(Samples.read(name));
        }
        for (int i = 0; i < ROUNDS; i++) {
            String text = samples.get(random.nextInt(samples.size()));
            int mutations = 1 + random.nextInt(4);
            for (int k = 0; k < mutations; k++) {
                text = mutate(text, random, samples);
            }
            FuzzProperties.check(text);
        }
    }

    @Test
    void mutatedTypedValuesParseOrFailCleanlyAndTheirCanonicalFormIsStable(TestSeed seed) {
        SplittableRandom random = new SplittableRandom(seed.value());
        List<Attribute> known = new ArrayList<>(List.of(Attribute.of("rid", "h send pt=96,97;max-width=1280"),
                Attribute.of("simulcast", "send h;~m,l recv x"), Attribute.of("sctpmap", "5000 webrtc-datachannel 1024"),
                Attribute.of("ptime", "20"), Attribute.of("maxptime", "2.5"), Attribute.of("tls-id",
                        "91bbf309c0990a6bec11e38ba2933cee"), Attribute.of("extmap", "2/sendonly urn:x a b")));
        List<String> texts = new ArrayList<>();
        for (String name : Samples.all()) {
            SessionDescription d = Sdp.parse(Samples.read(name));
            known.addAll(d.attributes());
            d.media().forEach(m -> known.addAll(m.attributes()));
        }
        known.removeIf(a -> KnownAttributes.type(a.name()) == null || a.value() == null);
        for (Attribute a : known) {
            texts.add(a.value());
        }
        for (int i = 0; i < ROUNDS * 5; i++) {
            Attribute a = known.get(random.nextInt(known.size()));
            String value = a.value();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                value = mutate(value, random, texts).replace("\r", "").replace("\n", "").replace("\u0000", "");
            }
            AttributeType<?> type = KnownAttributes.type(a.name());
            Object typed;
            try {
                typed = type.parse(value);
            } catch (SdpParseException e) {
                continue;
            }
            Attribute canonical = ((dev.jwebrtc.sdp.attribute.TypedAttribute) typed).toAttribute();
            org.junit.jupiter.api.Assertions.assertEquals(typed, type.parse(canonical.value()),
                    "a=" + a.name() + ":" + value + " -> a=" + canonical);
        }
    }

    private static String mutate(String text, SplittableRandom random, List<String> samples) {
        if (text.isEmpty()) {
            return TOKENS[random.nextInt(TOKENS.length)];
        }
        int at = random.nextInt(text.length());
        int end = Math.min(text.length(), at + 1 + random.nextInt(40));
        switch (random.nextInt(8)) {
            case 0: // delete a span
                return text.substring(0, at) + text.substring(end);
            case 1: // insert a grammar token
                return text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
            case 2: // replace one character
                return text.substring(0, at) + (char) random.nextInt(0x20, 0x7f) + text.substring(at + 1);
            case 3: { // duplicate a whole line
                String[] lines = text.split("\r\n", -1);
                int l = random.nextInt(lines.length);
                List<String> out = new ArrayList<>(List.of(lines));
                out.add(random.nextInt(out.size() + 1), lines[l]);
                return String.join("\r\n", out);
            }
            case 4: { // swap two lines
                String[] lines = text.split("\r\n", -1);
                int a = random.nextInt(lines.length);
                int b = random.nextInt(lines.length);
                String t = lines[a];
                lines[a] = lines[b];
                lines[b] = t;
                return String.join("\r\n", lines);
            }
            case 5: // truncate
                return text.substring(0, at);
            case 6: { // splice with another sample
                String other = samples.get(random.nextInt(samples.size()));
                return text.substring(0, at) + other.substring(random.nextInt(other.length()));
            }
            default: { // change a number
                StringBuilder sb = new StringBuilder(text);
                for (int i = at; i < sb.length(); i++) {
                    if (Character.isDigit(sb.charAt(i))) {
                        sb.setCharAt(i, (char) ('0' + random.nextInt(10)));
                        if (random.nextBoolean()) {
                            sb.insert(i, "9999999999");
                        }
                        break;
                    }
                }
                return sb.toString();
            }
        }
    }
}
