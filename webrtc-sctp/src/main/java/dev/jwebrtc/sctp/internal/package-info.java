/**
 * The association's machinery, not exported: the sending data path ({@code SendQueue} for per-stream queues and
 * fragmentation, {@code DataSender} for outstanding chunks, SACK processing, T3-rtx, fast retransmit and
 * RFC 3758 abandonment, {@code CongestionControl} for RFC 9260 §7.2), the receiving data path
 * ({@code DataReceiver}, {@code ReceivedTsns}, {@code Reassembly}), stream reconfiguration (RFC 6525), the signed
 * State Cookie, RTO estimation (RFC 6298 via RFC 9260 §6.3) and serial-number arithmetic (RFC 1982).
 *
 * <p>Everything here is single-threaded state owned by one {@code SctpAssociation}; nothing reads a clock, owns a
 * thread or logs above DEBUG. Time arrives as {@code nowNanos}. TSNs and SSNs are kept unwrapped as 64-bit values
 * and converted to and from the wire's 32/16 bits at the edges. Byte arrays passed in (message payloads) are
 * owned by these classes from then on; arrays handed out in events belong to the receiver.
 */
@NullMarked
package dev.jwebrtc.sctp.internal;

import org.jspecify.annotations.NullMarked;
