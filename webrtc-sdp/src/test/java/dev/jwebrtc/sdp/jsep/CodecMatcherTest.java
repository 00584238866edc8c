package dev.jwebrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Codec intersection: name, clock, channels, H.264 profile and mode (RFC 6184 §8.2.2), VP9 profile, RTX apt. */
class CodecMatcherTest {

    @Test
    void h264ProfilesAreClassifiedFromProfileLevelId() {
        assertEquals("constrained-baseline", CodecMatcher.h264Profile("42e01f"));
        assertEquals("constrained-baseline", CodecMatcher.h264Profile("42C01F"));
        assertEquals("baseline", CodecMatcher.h264Profile("42001f"));
        assertEquals("main", CodecMatcher.h264Profile("4d001f"));
        assertEquals("high", CodecMatcher.h264Profile("640032"));
        assertEquals("constrained-high", CodecMatcher.h264Profile("640c1f"));
        assertTrue(CodecMatcher.h264Profile("xyz").startsWith("invalid"));
    }

    @Test
    void h264MatchesOnProfileAndPacketizationModeNotLevel() {
        Codec local = Codec.h264(102, "42e01f", 1);
        assertTrue(CodecMatcher.sameFormat(local, Codec.h264(108, "42e034", 1)));
        assertFalse(CodecMatcher.sameFormat(local, Codec.h264(108, "42e01f", 0)));
        assertFalse(CodecMatcher.sameFormat(local, Codec.h264(108, "42001f", 1)));
    }

    @Test
    void audioMatchesOnClockAndChannels() {
        assertTrue(CodecMatcher.sameFormat(Codec.opus(111), new Codec(109, "OPUS", 48000, 2, "", List.of())));
        assertFalse(CodecMatcher.sameFormat(Codec.telephoneEvent(126, 8000), Codec.telephoneEvent(110, 48000)));
        assertTrue(CodecMatcher.sameFormat(Codec.pcmu(), new Codec(0, "PCMU", 8000, 1, "", List.of())));
        assertFalse(CodecMatcher.sameFormat(Codec.vp9(98, 0), Codec.vp9(100, 2)));
    }

    @Test
    void rtxIsKeptOnlyWithItsAcceptedCodecAndFeedbackIsIntersected() {
        List<Codec> remote = List.of(new Codec(96, "VP8", 90000, 0, "", List.of("nack", "x-unknown")),
                Codec.rtx(97, 96), Codec.h264(102, "4d001f", 1), Codec.rtx(103, 102));
        List<Codec> local = List.of(Codec.vp8(100), Codec.rtx(101, 100));
        List<Codec> answer = CodecMatcher.answer(remote, local);
        assertEquals(List.of(96, 97), answer.stream().map(Codec::payloadType).toList());
        assertEquals(List.of("nack"), answer.get(0).feedback());
        assertEquals(96, answer.get(1).apt());
        assertEquals(List.of(96), CodecMatcher.answer(remote, List.of(Codec.vp8(100))).stream()
                .map(Codec::payloadType).toList(), "no local RTX, no RTX in the answer");
    }
}
