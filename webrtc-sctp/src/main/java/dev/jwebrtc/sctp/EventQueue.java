package dev.jwebrtc.sctp;

import dev.jwebrtc.sctp.internal.AssociationListener;
import java.util.ArrayDeque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns what the data path reports into public events, queued for {@link SctpAssociation#pollEvent()}. */
final class EventQueue implements AssociationListener {
    private final ArrayDeque<SctpEvent> events = new ArrayDeque<>();
    private long messagesReceived;

    void add(SctpEvent e) {
        events.add(e);
    }

    @Nullable SctpEvent poll() {
        return events.pollFirst();
    }

    long messagesReceived() {
        return messagesReceived;
    }

    @Override
    public void messageReceived(int streamId, int ppid, byte[] payload, boolean unordered) {
        messagesReceived++;
        events.add(new SctpEvent.MessageReceived(streamId, ppid, payload, unordered));
    }

    @Override
    public void bufferedAmountLow(int streamId) {
        events.add(new SctpEvent.BufferedAmountLow(streamId));
    }

    @Override
    public void totalBufferedAmountLow() {
        events.add(new SctpEvent.TotalBufferedAmountLow());
    }

    @Override
    public void incomingStreamsReset(List<Integer> ids) {
        events.add(new SctpEvent.IncomingStreamsReset(ids));
    }

    @Override
    public void outgoingStreamsReset(List<Integer> ids) {
        events.add(new SctpEvent.OutgoingStreamsReset(ids));
    }

    @Override
    public void outgoingStreamResetFailed(List<Integer> ids, String reason) {
        events.add(new SctpEvent.StreamResetFailed(ids, reason));
    }
}
