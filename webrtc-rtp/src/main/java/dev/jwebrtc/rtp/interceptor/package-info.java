/**
 * RTP/RTCP policies between a peer connection's streams and SRTP, in the style of Pion's interceptors but sans-IO:
 * {@link dev.jwebrtc.rtp.interceptor.RtcpReports} (SR/RR, loss, jitter, RTT; RFC 3550 §6.4, Appendix A),
 * {@link dev.jwebrtc.rtp.interceptor.NackGenerator} and {@link dev.jwebrtc.rtp.interceptor.NackResponder} (RFC 4585
 * generic NACK with a send history), {@link dev.jwebrtc.rtp.interceptor.RtxReceiver} (RFC 4588),
 * {@link dev.jwebrtc.rtp.interceptor.KeyframeRequester} (PLI/FIR, RFC 4585/5104),
 * {@link dev.jwebrtc.rtp.interceptor.TwccSender} and {@link dev.jwebrtc.rtp.interceptor.TwccReceiver}
 * (transport-wide CC stamping, feedback and a simple send-side estimate), composed by
 * {@link dev.jwebrtc.rtp.interceptor.InterceptorChain}; and the receive-side
 * {@link dev.jwebrtc.rtp.interceptor.JitterBuffer}.
 *
 * <p>What this layer must not do: own threads, timers, sockets or clocks, or throw for network input. Time comes in
 * as {@code nowNanos}; randomness is injected. After every call the owner drains the chain's queues and re-arms one
 * timer to {@code pollTimeout()}.
 *
 * <p>Buffers: packets passed in are borrowed for the call; an interceptor that keeps one (send history, jitter
 * buffer) copies it. Everything is confined to the owning event loop's thread.
 */
@NullMarked
package dev.jwebrtc.rtp.interceptor;

import org.jspecify.annotations.NullMarked;
