/**
 * SRTP and SRTCP (RFC 3711) for every WebRTC profile: AES-CM with HMAC-SHA1 (80 and 32 bit tags) and
 * AEAD AES-GCM 128/256 (RFC 7714), keyed from DTLS-SRTP exported material (RFC 5764).
 *
 * <p>Stateless transforms over a per-direction context on JDK crypto ({@code javax.crypto}) only.
 * Network input never throws: unprotect returns a result (ok, authentication failure, replay, too short).
 *
 * <p>Work item: issue 4 ("webrtc-srtp"). This package holds no classes until that issue lands.
 */
@NullMarked
package dev.jwebrtc.srtp;

import org.jspecify.annotations.NullMarked;
