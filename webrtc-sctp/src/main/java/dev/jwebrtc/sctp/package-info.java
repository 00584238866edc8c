/**
 * SCTP for data channels: a pure-Java, sans-IO association (RFC 9260 as profiled by RFC 8261: one path,
 * no multihoming) with partial reliability (RFC 3758), stream reconfiguration (RFC 6525), I-DATA
 * (RFC 8260), and the data-channel establishment protocol (RFC 8831, RFC 8832).
 *
 * <p>The association rides on DTLS: it takes and produces whole SCTP packets, owns no socket, thread or
 * clock, and follows the sans-IO contract of the project.
 *
 * <p>Work item: issue 7 ("webrtc-sctp"). This package holds no classes until that issue lands.
 */
@NullMarked
package dev.jwebrtc.sctp;

import org.jspecify.annotations.NullMarked;
