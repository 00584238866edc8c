package dev.jwebrtc.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwebrtc.benchmarks.ForwardingBenchmark.Hop;
import dev.jwebrtc.benchmarks.ForwardingBenchmark.Media;
import dev.jwebrtc.rtp.AbsSendTime;
import dev.jwebrtc.rtp.HeaderExtension;
import dev.jwebrtc.rtp.RtpHeaderExtensions;
import dev.jwebrtc.rtp.RtpPacket;
import dev.jwebrtc.rtp.SdesMid;
import dev.jwebrtc.rtp.TransportSequenceNumber;
import dev.jwebrtc.srtp.SrtpContext;
import dev.jwebrtc.srtp.SrtpProfile;
import dev.jwebrtc.srtp.SrtpResult;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@link ForwardingBenchmark} forwards is right: a receiver keyed like the outbound context authenticates every
 * packet, and finds the new SSRC, payload type, continuous sequence numbers, timestamps and transport-wide sequence
 * numbers (also across the batch boundary, where the benchmark replays its input as a new source), with the marker,
 * mid, abs-send-time and payload of the original packet. The in-place and the parsed paths agree byte for byte.
 */
class ForwardedPacketsDecryptWithRewrittenFieldsTest {

    private static Hop hop(SrtpProfile profile, Media media) {
        Hop h = new Hop();
        h.profile = profile;
        h.media = media;
        h.setUp();
        return h;
    }

    @ParameterizedTest
    @CsvSource({"SRTP_AEAD_AES_128_GCM, VP8", "SRTP_AEAD_AES_128_GCM, OPUS", "SRTP_AES128_CM_HMAC_SHA1_80, VP8",
            "SRTP_AES128_CM_HMAC_SHA1_80, OPUS"})
    void forwardedPacketsCarryTheRewrittenFields(SrtpProfile profile, Media media) {
        Hop inPlace = hop(profile, media);
        Hop parsed = hop(profile, media);
        SrtpContext receiver = SrtpContext.create(profile, ForwardingBenchmark.key(profile, 2),
                ForwardingBenchmark.salt(profile, 2));
        int batches = 2;
        for (int b = 0; b < batches; b++) {
            inPlace.startBatch();
            parsed.startBatch();
            for (int i = 0; i < ForwardingBenchmark.BATCH; i++) {
                byte[] viaInPlace = forwarded(inPlace::forward, i, inPlace.work);
                byte[] viaParsed = forwarded(parsed::forwardParsed, i, parsed.out);
                assertArrayEquals(viaInPlace, viaParsed, "batch " + b + " packet " + i);

                ByteBuffer buf = ByteBuffer.wrap(viaInPlace);
                assertEquals(SrtpResult.OK, receiver.unprotectRtp(buf), "packet " + i);
                RtpPacket got = RtpPacket.parse(buf).orElseThrow();
                RtpPacket original = RtpPacket.parse(ByteBuffer.wrap(ForwardingBenchmark.plainPacket(media, i)))
                        .orElseThrow();
                int n = b * ForwardingBenchmark.BATCH + i; // position in the outgoing stream
                assertEquals(ForwardingBenchmark.OUT_SSRC, got.ssrc());
                assertEquals(media.outPayloadType, got.payloadType());
                assertEquals((ForwardingBenchmark.OUT_FIRST_SEQUENCE + n) & 0xFFFF, got.sequenceNumber());
                assertEquals((ForwardingBenchmark.OUT_FIRST_TIMESTAMP + (long) n * media.ticks) & 0xFFFF_FFFFL,
                        got.timestamp());
                assertEquals(original.marker(), got.marker());
                RtpHeaderExtensions ext = got.header().extensions();
                assertEquals((ForwardingBenchmark.OUT_FIRST_TRANSPORT_SEQUENCE + n) & 0xFFFF,
                        value(ext, ForwardingBenchmark.TRANSPORT_CC_ID, TransportSequenceNumber::parse)
                                .sequenceNumber());
                assertEquals(new SdesMid(media.mid), value(ext, ForwardingBenchmark.MID_ID, SdesMid::parse));
                assertEquals(value(original.header().extensions(), ForwardingBenchmark.ABS_SEND_TIME_ID,
                        AbsSendTime::parse), value(ext, ForwardingBenchmark.ABS_SEND_TIME_ID, AbsSendTime::parse));
                assertArrayEquals(original.payloadBytes(), got.payloadBytes());
            }
        }
        assertEquals(batches * ForwardingBenchmark.BATCH, receiver.stats().rtpUnprotected());
    }

    @ParameterizedTest
    @CsvSource({"SRTP_AEAD_AES_128_GCM, VP8", "SRTP_AES128_CM_HMAC_SHA1_80, OPUS"})
    void baselineForwardsTheUnchangedPacket(SrtpProfile profile, Media media) {
        Hop h = hop(profile, media);
        SrtpContext receiver = SrtpContext.create(profile, ForwardingBenchmark.key(profile, 2),
                ForwardingBenchmark.salt(profile, 2));
        h.startBatch();
        for (int i = 0; i < 8; i++) {
            ByteBuffer buf = ByteBuffer.wrap(forwarded(h::unprotectProtect, i, h.work));
            assertEquals(SrtpResult.OK, receiver.unprotectRtp(buf));
            byte[] plain = new byte[buf.remaining()];
            buf.get(plain);
            assertArrayEquals(ForwardingBenchmark.plainPacket(media, i), plain);
        }
    }

    /** Runs one step on packet {@code i} and copies the protected packet it left at the start of {@code into}. */
    private static byte[] forwarded(IntUnaryOperator step, int i, ByteBuffer into) {
        int length = step.applyAsInt(i);
        assertEquals(0, into.position());
        assertEquals(length, into.limit());
        return Arrays.copyOf(into.array(), length);
    }

    private interface Parser<T> {
        java.util.Optional<T> parse(ByteBuffer data);
    }

    private static <T extends HeaderExtension> T value(RtpHeaderExtensions ext, int id, Parser<T> parser) {
        return parser.parse(ext.find(id).orElseThrow()).orElseThrow();
    }
}
