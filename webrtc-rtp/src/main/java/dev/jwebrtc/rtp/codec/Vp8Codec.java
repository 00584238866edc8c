package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * VP8 RTP payload format (RFC 7741). The payloader puts a descriptor with a 15-bit picture ID (incremented per frame)
 * in front of every piece of the frame, S=1 and PID=0 on the first. The depacketizer strips descriptors; a frame
 * starts at S=1 with PID=0 and is a keyframe when the VP8 frame tag's P bit is 0 (RFC 7741 §4.3, RFC 6386 §9.1).
 */
public final class Vp8Codec implements Payloader, Depacketizer {
    /** RFC 7741 §6.1: the RTP clock rate. */
    public static final int CLOCK_RATE = 90_000;

    private int pictureId;

    /** A codec whose first picture ID is 0 (for payloading). */
    public Vp8Codec() {
        this(0);
    }

    /** A codec whose first picture ID is {@code initialPictureId} (RFC 7741 §4.2 suggests a random start). */
    public Vp8Codec(int initialPictureId) {
        this.pictureId = initialPictureId & 0x7FFF;
    }

    @Override
    public List<byte[]> payload(ByteBuffer frame, int maxPayloadSize) {
        if (!frame.hasRemaining()) {
            throw new IllegalArgumentException("empty VP8 frame");
        }
        int pid = pictureId;
        pictureId = (pictureId + 1) & 0x7FFF;
        int descLen = Vp8PayloadDescriptor.withPictureId(true, pid).encodedLength();
        int chunk = maxPayloadSize - descLen;
        if (chunk < 1) {
            throw new IllegalArgumentException("payload limit " + maxPayloadSize + " leaves no room for VP8 data");
        }
        ByteBuffer f = frame.duplicate();
        List<byte[]> out = new ArrayList<>();
        boolean first = true;
        while (f.hasRemaining()) {
            int n = Math.min(chunk, f.remaining());
            ByteBuffer p = ByteBuffer.allocate(descLen + n);
            Vp8PayloadDescriptor.withPictureId(first, pid).writeTo(p);
            p.put(f.slice().limit(n));
            f.position(f.position() + n);
            out.add(p.array());
            first = false;
        }
        return out;
    }

    @Override
    public boolean isFrameStart(ByteBuffer payload) {
        return Vp8PayloadDescriptor.parse(payload)
                .filter(d -> d.startOfPartition() && d.partitionIndex() == 0).isPresent();
    }

    @Override
    public Optional<byte[]> depacketize(List<ByteBuffer> payloads) {
        if (payloads.isEmpty() || !isFrameStart(payloads.get(0))) {
            return Optional.empty();
        }
        List<ByteBuffer> parts = new ArrayList<>(payloads.size());
        int total = 0;
        for (ByteBuffer p : payloads) {
            Optional<Vp8PayloadDescriptor> d = Vp8PayloadDescriptor.parse(p);
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
        ByteBuffer p = payloads.get(0);
        Optional<Vp8PayloadDescriptor> d = Vp8PayloadDescriptor.parse(p);
        if (d.isEmpty() || !d.get().startOfPartition() || d.get().partitionIndex() != 0) {
            return false;
        }
        int at = p.position() + d.get().encodedLength();
        return at < p.limit() && (p.get(at) & 0x01) == 0; // RFC 6386 §9.1: frame tag bit 0 clear = key frame
    }
}
