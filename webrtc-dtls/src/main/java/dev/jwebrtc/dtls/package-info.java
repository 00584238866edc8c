/**
 * DTLS 1.2 for WebRTC on Bouncy Castle: certificates and fingerprints (RFC 8122), an endpoint behind the sans-IO
 * contract, and DTLS-SRTP keying (RFC 5764).
 *
 * <h2>What is here</h2>
 * <ul>
 *   <li>{@link dev.jwebrtc.dtls.DtlsCertificate}: the local identity (self-signed ECDSA P-256 or RSA-2048, with an
 *       expiry, PEM import/export), reusable by any number of endpoints;
 *       {@link dev.jwebrtc.dtls.DtlsFingerprint}: its {@code a=fingerprint} form.</li>
 *   <li>{@link dev.jwebrtc.dtls.DtlsEndpoint}: one association. DTLS 1.2 only; ECDHE with AES-GCM or
 *       ChaCha20-Poly1305 ({@link dev.jwebrtc.dtls.DtlsCipherSuite}); extended master secret required (RFC 7627);
 *       mutual authentication with the peer certificate checked against the remote fingerprints (RFC 8122 §5,
 *       RFC 8842); use_srtp with the profiles of {@link dev.jwebrtc.dtls.SrtpProfile}; keys exported with
 *       {@code EXTRACTOR-dtls_srtp} as {@link dev.jwebrtc.dtls.DtlsSrtpKeys}.</li>
 * </ul>
 *
 * <h2>The sans-IO contract, and where this package bends it</h2>
 * <p>The endpoint has the five methods every jwebrtc core has ({@code handleReceive}, {@code handleTimeout},
 * {@code pollTransmit}, {@code pollEvent}, {@code pollTimeout}) and takes time only as {@code nowNanos}. It opens
 * no socket. It is, however, the one impure core (DESIGN.md): Bouncy Castle's handshake blocks and reads the wall
 * clock ({@code System.currentTimeMillis}) for its retransmission timers. Therefore:
 * <ul>
 *   <li>the handshake runs on a thread of one shared daemon pool ({@code jwebrtc-dtls-<n>}, at most 32 at once);
 *       a client takes a thread at {@code start}, a server only when the first ClientHello arrives; the thread is
 *       returned when the handshake ends (success, failure, timeout or {@code close}) and an idle pool thread ends
 *       a quarter of a second later. One handshake uses one thread; a connected or closed endpoint uses none;</li>
 *   <li>handshake retransmissions follow the wall clock (initial {@link dev.jwebrtc.dtls.DtlsConfig#initialRetransmit},
 *       doubling, RFC 6347 §4.2.4.1); the datagrams they produce appear in {@code pollTransmit} and the endpoint's
 *       {@code wakeup} callback tells the driver to drain;</li>
 *   <li>the overall handshake timeout is enforced on the driver's clock through {@code pollTimeout/handleTimeout}
 *       (and, as a safety net, on the wall clock by Bouncy Castle, so an undriven endpoint still frees its
 *       thread);</li>
 *   <li>a driver using virtual time must not move its clock while the handshake thread is computing:
 *       {@link dev.jwebrtc.dtls.DtlsEndpoint#busy()} says when to wait (the testkit's {@code Stepper} does). While
 *       BC waits for its own wall-clock retransmission timer, {@code busy()} is false and a simulation may jump
 *       ahead, up to the overall deadline: under virtual time, handshakes are faithful on loss-free paths only;
 *       lossy handshakes are tested in real time. After the handshake everything happens on the caller's thread
 *       and nothing depends on the wall clock any more.</li>
 * </ul>
 *
 * <h2>Threading and buffers</h2>
 * <p>Call the endpoint from one driver thread (the methods are thread-safe, but ordering is the driver's). Events and
 * transmits may be queued by a handshake thread; {@code wakeup} runs on that thread and must only schedule a drain.
 * Buffers passed in are borrowed for the call; records returned ({@code DtlsTransmit}, {@code ApplicationData}) own
 * fresh memory. After the handshake, decryption and encryption run synchronously on the caller's thread and never
 * wait.
 *
 * <h2>Bad input</h2>
 * <p>Datagrams that are not DTLS records are counted ({@link dev.jwebrtc.dtls.DtlsStats#malformedDatagrams}) and
 * dropped before they reach Bouncy Castle; records that fail authentication or replay checks after the handshake are
 * counted as {@code rejectedRecords}. Nothing from the network throws out of the endpoint. Misuse by the caller
 * ({@code send} before the handshake, an oversized message) throws an unchecked exception that says what is wrong.
 *
 * <h2>Must not</h2>
 * <p>Depend on Netty, on other jwebrtc modules or on a registered JCA provider (the JDK's providers are used, Bouncy
 * Castle only through its lightweight API); put BC's {@code DTLSVerifier} in front of the server (it drops Chromium's
 * fragmented ClientHello); log key material.
 *
 * <p>RFCs: 6347 (DTLS 1.2), 5246 (TLS 1.2), 5764 and 7714 (DTLS-SRTP, AEAD profiles), 7627 (extended master
 * secret), 8122 and 8842 (fingerprints, setup roles), 8422 (ECDHE), 7905 (ChaCha20-Poly1305), 8827 (WebRTC security).
 */
@NullMarked
package dev.jwebrtc.dtls;

import org.jspecify.annotations.NullMarked;
