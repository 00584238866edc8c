/**
 * RTP payload formats: payloaders that split an encoded frame into RTP payloads and depacketizers that rebuild frames
 * and spot keyframes. Opus (RFC 7587), G.711 PCMU/PCMA (RFC 3551), VP8 (RFC 7741), VP9 (RFC 9628), H.264
 * packetization-mode 1 (RFC 6184: single NAL unit, STAP-A, FU-A) and AV1 (AOMedia RTP payload format v1.0).
 * {@link dev.jwebrtc.rtp.codec.RtpPacketizer} numbers the packets of one stream;
 * {@link dev.jwebrtc.rtp.codec.FrameAssembler} turns an in-order packet sequence back into frames.
 *
 * <p>What this layer must not do: encode or decode media (the application brings encoded frames), I/O, threads, or
 * throw for network input. Depacketizers return empty results for malformed payloads; payloaders throw
 * {@link IllegalArgumentException} for a malformed frame or a payload limit too small, naming the problem.
 *
 * <p>Threading and buffers: payloaders keep per-stream state (picture IDs, H.264 parameter sets) and are confined
 * to one thread; depacketizers are stateless. Frames and payloads are read from {@code [position, limit)} without
 * being modified or kept; outputs are new arrays. The assembler copies the payloads it holds.
 */
@NullMarked
package dev.jwebrtc.rtp.codec;

import org.jspecify.annotations.NullMarked;
