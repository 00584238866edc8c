package dev.jwebrtc.sctp.internal;

import java.util.List;

/** The receive-side state an incoming stream reset acts on (RFC 6525 §5.2.2): DATA or I-DATA reassembly. */
public interface StreamResetTarget {
    /** Messages of these streams sent after {@code lastTsn} wait until the reset is performed. */
    void deferReset(List<Integer> streamIds, long lastTsn);

    /** Sequence numbers of these streams start again at 0; held messages are replayed. */
    void performReset(List<Integer> streamIds);
}
