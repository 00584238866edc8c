package dev.jwebrtc.rtp.codec;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The start of a VP9 uncompressed frame header (VP9 bitstream specification §6.2): enough to tell a key frame and
 * read its size.
 *
 * @param keyFrame frame_type == KEY_FRAME (and not show_existing_frame)
 * @param width frame width, or 0 when not a key frame
 * @param height frame height, or 0 when not a key frame
 */
record Vp9FrameHeader(boolean keyFrame, int width, int height) {

    static @Nullable Vp9FrameHeader parse(ByteBuffer frame) {
        BitReader r = new BitReader(frame, frame.position(), frame.limit());
        if (r.bits(2) != 2) { // frame_marker
            return null;
        }
        int profile = r.bits(1) | r.bits(1) << 1;
        if (profile == 3 && r.bits(1) != 0) {
            return null;
        }
        if (r.flag()) { // show_existing_frame
            return new Vp9FrameHeader(false, 0, 0);
        }
        boolean key = r.bits(1) == 0;
        r.bits(2); // show_frame, error_resilient_mode
        if (!key) {
            return r.overrun() ? null : new Vp9FrameHeader(false, 0, 0);
        }
        if (r.bits(24) != 0x498342) { // frame_sync_code
            return null;
        }
        if (profile >= 2) {
            r.bits(1); // ten_or_twelve_bit
        }
        int colorSpace = r.bits(3);
        if (colorSpace != 7) { // not CS_RGB
            r.bits(1); // color_range
            if (profile == 1 || profile == 3) {
                r.bits(3); // subsampling_x, subsampling_y, reserved_zero
            }
        } else if (profile == 1 || profile == 3) {
            r.bits(1); // reserved_zero
        }
        int w = r.bits(16) + 1;
        int h = r.bits(16) + 1;
        return r.overrun() ? null : new Vp9FrameHeader(true, w, h);
    }
}
