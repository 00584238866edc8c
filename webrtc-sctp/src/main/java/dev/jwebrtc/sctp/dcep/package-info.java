/**
 * WebRTC data channels on top of {@link dev.jwebrtc.sctp.SctpAssociation}: the data-channel establishment
 * protocol (RFC 8832: DATA_CHANNEL_OPEN / ACK, channel types, priority, label, protocol), the PPIDs of RFC 8831
 * (string, binary, their empty forms, and the deprecated partial forms on receipt), stream id parity by DTLS
 * role, pre-negotiated channels, and closing by resetting both directions of a stream (RFC 6525 via RFC 8831
 * §6.7).
 *
 * <p>Sans-IO and single-threaded like the association: no thread, clock or socket. Payloads passed in are copied
 * by the association; arrays in events belong to the receiver. Malformed peer input is dropped and counted, caller
 * mistakes throw. A channel's priority (sent in DATA_CHANNEL_OPEN) is its stream's weight in the association's
 * send scheduler.
 */
@NullMarked
package dev.jwebrtc.sctp.dcep;

import org.jspecify.annotations.NullMarked;
