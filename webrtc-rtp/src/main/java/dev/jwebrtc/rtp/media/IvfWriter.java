package dev.jwebrtc.rtp.media;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes IVF files. The header goes out first; on {@link #close()} the frame count is patched in when the channel
 * can seek (files), else the header keeps the count it was given. Blocking, one thread.
 */
public final class IvfWriter implements AutoCloseable {
    private final WritableByteChannel out;
    private final boolean ownsChannel;
    private long frames;
    private long lastTimestamp = Long.MIN_VALUE;
    private boolean closed;

    /** Writes to a stream (not closed by {@link #close()}, which flushes nothing but the last frame). */
    public IvfWriter(OutputStream out, IvfHeader header) {
        this(Channels.newChannel(out), header, false);
    }

    private IvfWriter(WritableByteChannel out, IvfHeader header, boolean owns) {
        this.out = out;
        this.ownsChannel = owns;
        write(ByteBuffer.wrap(header.encode()));
    }

    /** Creates (or truncates) a file; {@link #close()} patches the frame count and closes it. */
    public static IvfWriter create(Path file, IvfHeader header) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            return new IvfWriter(ch, header, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends a frame.
     *
     * @throws IllegalArgumentException if the frame is empty or its timestamp goes backwards
     */
    public void write(long timestamp, ByteBuffer frame) {
        if (closed) {
            throw new IllegalStateException("IVF writer is closed");
        }
        if (!frame.hasRemaining()) {
            throw new IllegalArgumentException("empty IVF frame at timestamp " + timestamp);
        }
        if (timestamp < lastTimestamp) {
            throw new IllegalArgumentException("IVF timestamp " + timestamp + " goes back from " + lastTimestamp);
        }
        lastTimestamp = timestamp;
        byte[] fh = new byte[12];
        IoSupport.putLe32(fh, 0, frame.remaining());
        IoSupport.putLe64(fh, 4, timestamp);
        write(ByteBuffer.wrap(fh));
        write(frame.duplicate());
        frames++;
    }

    /** Frames written so far. */
    public long frameCount() {
        return frames;
    }

    private void write(ByteBuffer b) {
        try {
            while (b.hasRemaining()) {
                out.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (out instanceof SeekableByteChannel s) {
                byte[] count = new byte[4];
                IoSupport.putLe32(count, 0, frames);
                s.position(24);
                s.write(ByteBuffer.wrap(count));
            }
            if (ownsChannel) {
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
