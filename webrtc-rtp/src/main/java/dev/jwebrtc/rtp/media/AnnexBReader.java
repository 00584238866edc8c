package dev.jwebrtc.rtp.media;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads an H.264 Annex B byte stream incrementally: NAL units one by one, or grouped into access units by the rules
 * of H.264 §7.4.1.2.3 (a new access unit starts at an AUD, SPS, PPS, SEI or NAL types 14-18 after a picture, or at a
 * slice with first_mb_in_slice 0). Blocking; the caller closes the stream.
 */
public final class AnnexBReader {
    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private byte[] buf = new byte[CHUNK];
    private int start; // first unread byte
    private int end; // end of valid data
    private boolean eof;
    private boolean synced; // a start code has been consumed
    private @Nullable ByteBuffer lookahead;

    public AnnexBReader(InputStream in) {
        this.in = in;
    }

    /** The next NAL unit without its start code; empty at end of stream. */
    public Optional<ByteBuffer> nextNalUnit() {
        if (lookahead != null) {
            ByteBuffer n = lookahead;
            lookahead = null;
            return Optional.of(n);
        }
        while (true) {
            if (!synced) {
                int sc = findStartCode(start);
                if (sc < 0) {
                    if (eof) {
                        return Optional.empty();
                    }
                    start = Math.max(start, end - 2); // keep a possible partial start code
                    fill();
                    continue;
                }
                start = sc + 3;
                synced = true;
            }
            int next = findStartCode(start);
            if (next < 0 && !eof) {
                fill();
                continue;
            }
            int stop = next < 0 ? end : next;
            int from = start;
            start = next < 0 ? end : next + 3;
            if (next < 0) {
                synced = false;
            }
            while (stop > from && buf[stop - 1] == 0) {
                stop--;
            }
            if (stop > from) {
                return Optional.of(ByteBuffer.wrap(Arrays.copyOfRange(buf, from, stop)).asReadOnlyBuffer());
            }
            if (next < 0) {
                return Optional.empty();
            }
        }
    }

    /** The NAL units of the next access unit; empty at end of stream. */
    public Optional<List<ByteBuffer>> nextAccessUnit() {
        List<ByteBuffer> au = new ArrayList<>();
        boolean sawPicture = false;
        while (true) {
            Optional<ByteBuffer> n = nextNalUnit();
            if (n.isEmpty()) {
                return au.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(au));
            }
            ByteBuffer nal = n.get();
            int type = nal.get(0) & 0x1F;
            boolean vcl = type >= 1 && type <= 5;
            boolean startsUnit = type == 9 || type == 7 || type == 8 || type == 6 || (type >= 14 && type <= 18)
                    || (vcl && firstMbInSliceIsZero(nal));
            if (sawPicture && startsUnit) {
                lookahead = nal;
                return Optional.of(List.copyOf(au));
            }
            au.add(nal);
            sawPicture |= vcl;
        }
    }

    // H.264 §7.3.3: slice_header starts with first_mb_in_slice ue(v); ue(v) == 0 is the single bit 1
    private static boolean firstMbInSliceIsZero(ByteBuffer nal) {
        return nal.remaining() > 1 && (nal.get(1) & 0x80) != 0;
    }

    private int findStartCode(int from) {
        for (int i = from; i + 2 < end; i++) {
            if (buf[i + 2] > 1) {
                i += 2;
                continue;
            }
            if (buf[i] == 0 && buf[i + 1] == 0 && buf[i + 2] == 1) {
                return i;
            }
        }
        return -1;
    }

    private void fill() {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = IoSupport.readFully(in, buf, end, Math.min(CHUNK, buf.length - end));
        end += n;
        if (n == 0) {
            eof = true;
        }
    }
}
