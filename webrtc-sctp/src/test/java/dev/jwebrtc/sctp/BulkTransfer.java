package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * Pushes {@code totalBytes} of seeded random messages from A to B over one stream and checks every byte on
 * arrival: each message carries its sequence number and is regenerated from it at the receiver.
 */
final class BulkTransfer {
    private final SctpPair pair;
    private final long totalBytes;
    private final int maxMessage;
    private final long seed;
    private final SendOptions options;
    private final int streamId;
    private long queuedBytes;
    private long nextToSend;
    long deliveredBytes;
    long deliveredMessages;
    long nextExpected;
    final CRC32C sentCrc = new CRC32C();
    final CRC32C receivedCrc = new CRC32C();

    BulkTransfer(SctpPair pair, long totalBytes, int maxMessage, long seed, SendOptions options, int streamId) {
        this.pair = pair;
        this.totalBytes = totalBytes;
        this.maxMessage = maxMessage;
        this.seed = seed;
        this.options = options;
        this.streamId = streamId;
        pair.keepMessages = false;
        pair.a.association.setTotalBufferedAmountLowThreshold(512 * 1024);
        pair.onEventA = e -> {
            if (e instanceof SctpEvent.TotalBufferedAmountLow) {
                refill();
            }
        };
        pair.onEventB = e -> {
            if (e instanceof SctpEvent.MessageReceived m && m.streamId() == streamId) {
                check(m);
            }
        };
    }

    static byte[] message(long seed, long index, int maxMessage) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        byte[] data = new byte[8 + r.nextInt(maxMessage - 8 + 1)];
        r.nextBytes(data);
        ByteBuffer.wrap(data).putLong(index);
        return data;
    }

    void start() {
        refill();
    }

    boolean done() {
        return queuedBytes >= totalBytes && deliveredBytes >= queuedBytes;
    }

    boolean allSent() {
        return queuedBytes >= totalBytes;
    }

    void refill() {
        SctpAssociation a = pair.a.association;
        while (queuedBytes < totalBytes && a.totalBufferedAmount() < 1024 * 1024) {
            byte[] m = message(seed, nextToSend, maxMessage);
            if (!a.send(pair.now(), streamId, 53, ByteBuffer.wrap(m), options)) {
                return;
            }
            sentCrc.update(m);
            nextToSend++;
            queuedBytes += m.length;
        }
    }

    private void check(SctpEvent.MessageReceived m) {
        long index = ByteBuffer.wrap(m.payload()).getLong();
        if (!options.unordered() && options.maxRetransmits() < 0 && options.lifetime() == null) {
            assertEquals(nextExpected, index, "ordered reliable delivery out of order");
        }
        byte[] expected = message(seed, index, maxMessage);
        assertTrue(java.util.Arrays.equals(expected, m.payload()), "message " + index + " corrupted");
        nextExpected = index + 1;
        receivedCrc.update(m.payload());
        deliveredBytes += m.payload().length;
        deliveredMessages++;
    }
}
