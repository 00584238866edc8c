/**
 * Reusable media pieces of the examples: {@link dev.jwebrtc.examples.media.TrackRecorder} writes what a
 * {@link dev.jwebrtc.RemoteMediaStreamTrack} receives to a file (IVF, Ogg Opus or H.264 Annex B), and
 * {@link dev.jwebrtc.examples.media.FilePlayer} plays an IVF or Ogg Opus file into a
 * {@link dev.jwebrtc.LocalMediaStreamTrack} at the file's own pace.
 *
 * <p>No codecs: frames are carried as encoded bytes, as the library does. The containers come from
 * {@code dev.jwebrtc.rtp.media} (IVF as libvpx writes it, Ogg Opus per RFC 7845, Annex B per H.264 Annex B).
 *
 * <p>Threading: a recorder is called on its peer connection's event loop and writes there (small sequential
 * writes to a buffered file; a recorder for a slow disk would hand frames to a writer thread instead). A player owns
 * one daemon thread named {@code file-player-N}, stopped and joined by {@code close()}.
 */
@NullMarked
package dev.jwebrtc.examples.media;

import org.jspecify.annotations.NullMarked;
