package dev.jwebrtc.sctp;

import java.util.List;

/** What an association reports through {@link SctpAssociation#pollEvent()}. */
public sealed interface SctpEvent {

    /** The handshake completed (RFC 9260 §5.1). */
    record Connected() implements SctpEvent {}

    /** The peer restarted the association (RFC 9260 §5.2.4 case A); stream state started over. */
    record Restarted() implements SctpEvent {}

    /** A complete user message. The array belongs to the receiver of the event. */
    record MessageReceived(int streamId, int ppid, byte[] payload, boolean unordered) implements SctpEvent {}

    /** The peer reset its outgoing streams, our incoming ones (RFC 6525 §5.2.2): the channel is closing. */
    record IncomingStreamsReset(List<Integer> streamIds) implements SctpEvent {
        public IncomingStreamsReset {
            streamIds = List.copyOf(streamIds);
        }
    }

    /** Our outgoing streams were reset (RFC 6525 §5.1.2); their sequence numbers start again at 0. */
    record OutgoingStreamsReset(List<Integer> streamIds) implements SctpEvent {
        public OutgoingStreamsReset {
            streamIds = List.copyOf(streamIds);
        }
    }

    /** The peer refused to reset our outgoing streams. */
    record StreamResetFailed(List<Integer> streamIds, String reason) implements SctpEvent {
        public StreamResetFailed {
            streamIds = List.copyOf(streamIds);
        }
    }

    /** A stream's unsent bytes fell to or below its low threshold. */
    record BufferedAmountLow(int streamId) implements SctpEvent {}

    /** All unsent bytes together fell to or below the total low threshold. */
    record TotalBufferedAmountLow() implements SctpEvent {}

    /** The association ended: gracefully (SHUTDOWN), or not (ABORT, timeouts, protocol errors). */
    record Closed(boolean graceful, String reason) implements SctpEvent {}
}
