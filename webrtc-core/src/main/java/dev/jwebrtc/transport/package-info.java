/**
 * The Netty UDP edge, and the only package that touches Netty: one event loop owns a peer connection for
 * its whole life, one timer per peer is re-armed to the engine's next deadline, and an optional shared-port
 * mode routes datagrams of many peers by ICE ufrag and remote address. Not exported.
 *
 * <p>Work item: issue 8. This package holds no classes until then.
 */
@NullMarked
package dev.jwebrtc.transport;

import org.jspecify.annotations.NullMarked;
