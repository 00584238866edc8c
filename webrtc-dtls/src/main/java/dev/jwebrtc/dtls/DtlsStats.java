package dev.jwebrtc.dtls;

/**
 * Counters of one endpoint. Bad network input shows up here rather than as exceptions.
 *
 * @param datagramsReceived datagrams passed to {@code handleReceive}
 * @param datagramsSent datagrams handed out by {@code pollTransmit} (queued)
 * @param malformedDatagrams datagrams dropped because they are not a sequence of DTLS 1.x records
 * @param ignoredDatagrams well-formed datagrams nobody could use: before a server saw a ClientHello, after the
 *     endpoint ended, or when the inbound queue was full
 * @param rejectedRecords records dropped by the record layer after the handshake (bad MAC, replay, wrong epoch)
 * @param applicationBytesReceived decrypted application bytes delivered as events
 * @param applicationBytesSent application bytes sent
 */
public record DtlsStats(long datagramsReceived, long datagramsSent, long malformedDatagrams, long ignoredDatagrams,
                        long rejectedRecords, long applicationBytesReceived, long applicationBytesSent) {
}
