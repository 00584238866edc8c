/**
 * Media containers for recording and playing encoded media: IVF for VP8/VP9/AV1, Ogg Opus (RFC 7845 over RFC 3533
 * Ogg pages, CRC-checked) and the H.264 Annex B byte stream.
 *
 * <p>What this layer is: blocking readers and writers over {@code InputStream}/{@code OutputStream} (or a file for
 * {@link dev.jwebrtc.rtp.media.IvfWriter#create}), used by applications and examples on their own threads; protocol
 * cores never call them.
 *
 * <p>Errors: a malformed file throws {@link dev.jwebrtc.rtp.media.MediaFormatException} saying what and at which
 * offset; I/O failures throw {@link java.io.UncheckedIOException}; caller mistakes (an empty frame, a timestamp going
 * back) throw {@link IllegalArgumentException}. Instances are confined to one thread. Frames and packets returned
 * are read-only buffers over new arrays; buffers passed in are read, not kept.
 */
@NullMarked
package dev.jwebrtc.rtp.media;

import org.jspecify.annotations.NullMarked;
