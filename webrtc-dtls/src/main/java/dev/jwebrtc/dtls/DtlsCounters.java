package dev.jwebrtc.dtls;

import java.util.concurrent.atomic.AtomicLong;

/** The endpoint's counters; updated from the driver's thread and from the handshake thread. */
final class DtlsCounters {
    final AtomicLong datagramsReceived = new AtomicLong();
    final AtomicLong datagramsSent = new AtomicLong();
    final AtomicLong malformedDatagrams = new AtomicLong();
    final AtomicLong ignoredDatagrams = new AtomicLong();
    final AtomicLong rejectedRecords = new AtomicLong();
    final AtomicLong applicationBytesReceived = new AtomicLong();
    final AtomicLong applicationBytesSent = new AtomicLong();

    DtlsStats snapshot() {
        return new DtlsStats(datagramsReceived.get(), datagramsSent.get(), malformedDatagrams.get(),
                ignoredDatagrams.get(), rejectedRecords.get(), applicationBytesReceived.get(),
                applicationBytesSent.get());
    }
}
