/**
 * SRTP and SRTCP (RFC 3711) for every WebRTC profile: AES-128 counter mode with HMAC-SHA1 (80- and 32-bit tags) and
 * AEAD AES-GCM 128/256 (RFC 7714), keyed from DTLS-SRTP exported material (RFC 5764 §4.2).
 *
 * <p>What this layer is: stateless-looking transforms over an {@link dev.jwebrtc.srtp.SrtpContext}, which holds one
 * master key's session keys and per-SSRC state (rollover counter, replay window, SRTCP index). A peer connection
 * gets its two contexts from {@link dev.jwebrtc.srtp.SrtpContext#fromDtlsKeyingMaterial}: the local one protects,
 * the remote one unprotects. Only JDK crypto ({@code javax.crypto}) is used: {@code AES/CTR/NoPadding},
 * {@code HmacSHA1}, {@code AES/GCM/NoPadding}.
 *
 * <p>Scope: key derivation rate 0 and no MKI, as DTLS-SRTP uses them (RFC 5764 §4.1.2); protect always encrypts
 * SRTCP (E = 1) and unprotect also accepts authenticated-only SRTCP (E = 0). A sender may protect the same packet
 * index again (a retransmission without RTX); it must then carry the same bytes.
 *
 * <p>What it must not do: I/O, timers, threads, logging of keys, or throwing for network input. Unprotect returns an
 * {@link dev.jwebrtc.srtp.SrtpResult} and counts every drop ({@link dev.jwebrtc.srtp.SrtpStats}); only caller
 * mistakes throw, with a message saying what was wrong.
 *
 * <p>Threading: a context is confined to one thread (it reuses its {@code Cipher}, {@code Mac}, IV and scratch
 * arrays); give each event loop its own contexts. Buffers are borrowed for the call only: the context reads
 * {@code [position, limit)} of its input and writes at the output's position, or transforms in place, and keeps no
 * reference afterwards. Key arrays passed in are copied.
 *
 * <p>RFCs: 3711 (SRTP, key derivation, Appendix A index estimation, §3.3.2 replay list), 7714 (AES-GCM), 5764
 * (DTLS-SRTP profiles and keying material), 6188 (its AES-256 key derivation vector), 3550 (RTP/RTCP headers).
 */
@NullMarked
package dev.jwebrtc.srtp;

import org.jspecify.annotations.NullMarked;
