package dev.jwebrtc.sctp.internal;

import java.util.List;

/** What the internal parts report to the association, which turns it into public events. */
public interface AssociationListener {
    /** A complete user message, ready for the application. */
    void messageReceived(int streamId, int ppid, byte[] payload, boolean unordered);

    /** A stream's unsent bytes fell to or below its low threshold. */
    void bufferedAmountLow(int streamId);

    /** All streams' unsent bytes fell to or below the total low threshold. */
    void totalBufferedAmountLow();

    /** The peer reset these outgoing streams of its own (our incoming streams). */
    void incomingStreamsReset(List<Integer> streamIds);

    /** Our request to reset these outgoing streams completed. */
    void outgoingStreamsReset(List<Integer> streamIds);

    /** Our request to reset these outgoing streams was refused by the peer. */
    void outgoingStreamResetFailed(List<Integer> streamIds, String reason);
}
