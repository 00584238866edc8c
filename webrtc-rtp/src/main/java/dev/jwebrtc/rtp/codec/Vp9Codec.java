package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * VP9 RTP payload format (RFC 9628). The payloader sends one spatial/temporal layer in flexible mode: a 15-bit
 * picture ID, P_DIFF=1 on inter frames, B/E on the first/last packet, and on a key frame's first packet a
 * scalability structure with the frame size read from the VP9 header. The depacketizer strips descriptors (any
 * mode), starts frames at B and calls a frame key when its first packet has P clear and is the base spatial layer.
 * Layer frames of one picture are concatenated as received.
 */
public final class Vp9Codec implements Payloader, Depacketizer {
    /** RFC 9628 §6.1: the RTP clock rate. */
    public static final int CLOCK_RATE = 90_000;

    private int pictureId;

    /** A codec whose first picture ID is 0. */
    public Vp9Codec() {
        this(0);
    }

    /** A codec whose first picture ID is {@code initialPictureId}. */
    public Vp9Codec(int initialPictureId) {
        this.pictureId = initialPictureId & 0x7FFF;
    }

    @Override
    public List<byte[]> payload(ByteBuffer frame, int maxPayloadSize) {
        if (!frame.hasRemaining()) {
            throw new IllegalArgumentException("empty VP9 frame");
        }
        Vp9FrameHeader h = Vp9FrameHeader.parse(frame);
        if (h == null) {
            throw new IllegalArgumentException("not a VP9 frame: the uncompressed header does not parse");
        }
        int pid = pictureId;
        pictureId = (pictureId + 1) & 0x7FFF;
        ByteBuffer f = frame.duplicate();
        List<byte[]> out = new ArrayList<>();
        boolean first = true;
        while (f.hasRemaining()) {
            Vp9ScalabilityStructure ss = first && h.keyFrame()
                    ? new Vp9ScalabilityStructure(1, List.of(new Vp9ScalabilityStructure.Resolution(h.width(),
                            h.height())), null)
                    : null;
            // E is decided after sizing; the descriptor length does not depend on it
            Vp9PayloadDescriptor probe = descriptor(h.keyFrame(), pid, first, false, ss);
            int room = maxPayloadSize - probe.encodedLength();
            if (room < 1) {
                throw new IllegalArgumentException("payload limit " + maxPayloadSize + " leaves no room for VP9 data");
            }
            int n = Math.min(room, f.remaining());
            boolean last = n == f.remaining();
            ByteBuffer p = ByteBuffer.allocate(probe.encodedLength() + n);
            descriptor(h.keyFrame(), pid, first, last, ss).writeTo(p);
            p.put(f.slice().limit(n));
            f.position(f.position() + n);
            out.add(p.array());
            first = false;
        }
        return out;
    }

    private static Vp9PayloadDescriptor descriptor(boolean key, int pid, boolean begin, boolean end,
            @Nullable Vp9ScalabilityStructure ss) {
        return new Vp9PayloadDescriptor(!key, true, begin, end, false, pid, true, -1, false, -1, false, -1,
                key ? List.of() : List.of(1), ss);
    }

    @Override
    public boolean isFrameStart(ByteBuffer payload) {
        return Vp9PayloadDescriptor.parse(payload).filter(Vp9PayloadDescriptor::beginningOfFrame).isPresent();
    }

    @Override
    public Optional<byte[]> depacketize(List<ByteBuffer> payloads) {
        if (payloads.isEmpty() || !isFrameStart(payloads.get(0))) {
            return Optional.empty();
        }
        List<ByteBuffer> parts = new ArrayList<>();
        int total = 0;
        for (ByteBuffer p : payloads) {
            Optional<Vp9PayloadDescriptor> d = Vp9PayloadDescriptor.parse(p);
            if (d.isEmpty()) {
                return Optional.empty();
            }
            ByteBuffer body = p.duplicate();
            body.position(p.position() + d.get().encodedLength());
            parts.add(body);
            total += body.remaining();
        }
        if (total == 0) {
            return Optional.empty();
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        parts.forEach(out::put);
        return Optional.of(out.array());
    }

    @Override
    public boolean isKeyframe(List<ByteBuffer> payloads) {
        if (payloads.isEmpty()) {
            return false;
        }
        return Vp9PayloadDescriptor.parse(payloads.get(0))
                .filter(d -> d.beginningOfFrame() && !d.interPicturePredicted() && d.spatialLayer() <= 0)
                .isPresent();
    }
}
