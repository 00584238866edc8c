/**
 * Internals of {@code dev.jwebrtc.srtp}: key derivation, the two packet ciphers, per-SSRC index and replay state.
 * Not exported.
 *
 * <ul>
 *   <li>{@link dev.jwebrtc.srtp.internal.KeyDerivation}: the AES-CM PRF of RFC 3711 §4.3.3 with key derivation rate
 *       0, for 128- and 256-bit master keys and 14- or 12-octet master salts (RFC 7714 §11).</li>
 *   <li>{@link dev.jwebrtc.srtp.internal.PacketCipher}: one session key set's transform over a byte range.
 *       {@link dev.jwebrtc.srtp.internal.AesCmHmacCipher} is RFC 3711 §4.1.1 AES-CM plus §4.2.1 HMAC-SHA1;
 *       {@link dev.jwebrtc.srtp.internal.AesGcmCipher} is RFC 7714 §8 and §9.</li>
 *   <li>{@link dev.jwebrtc.srtp.internal.RtpIndex} (RFC 3711 Appendix A index estimation) and
 *       {@link dev.jwebrtc.srtp.internal.ReplayWindow} (RFC 3711 §3.3.2).</li>
 * </ul>
 *
 * <p>What this layer must not do: allocate per packet (the ciphers own their {@code Cipher}, {@code Mac} and IV
 * arrays and reuse them), throw for packets from the network (a failed tag is a return value), or log keys.
 *
 * <p>Threading: nothing here is thread-safe; an {@code SrtpContext} and everything it owns is confined to the
 * thread that drives it. Buffers: the ciphers read and write only the ranges they are given, during the call;
 * source and destination may be the same range (in place) but must not otherwise overlap.
 */
@NullMarked
package dev.jwebrtc.srtp.internal;

import org.jspecify.annotations.NullMarked;
