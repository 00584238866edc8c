/**
 * RTP and RTCP for media tracks: packets (RFC 3550, RFC 8285 header extensions, RFC 5506 reduced size),
 * feedback (RFC 4585, RFC 5104, transport-wide CC), packetizers for Opus, G.711, VP8, VP9, H.264 and AV1,
 * interceptors (reports, NACK, RTX, TWCC), a jitter buffer, and IVF/Ogg/Annex B containers.
 *
 * <p>No codecs: the application brings encoded media and gets encoded media out.
 *
 * <p>Work item: issue 9 ("media tracks"). This package holds no classes until that issue lands.
 */
@NullMarked
package dev.jwebrtc.rtp;

import org.jspecify.annotations.NullMarked;
