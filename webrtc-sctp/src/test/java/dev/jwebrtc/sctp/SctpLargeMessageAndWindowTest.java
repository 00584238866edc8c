package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SctpLargeMessageAndWindowTest {

    @Test
    void oneMebibyteMessagesAreFragmentedAndReassembledUnderLoss(TestSeed seed) {
        SctpConfig config = SctpConfig.builder().maxMessageSize(4 * 1024 * 1024).build();
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(10)).loss(0.05).build();
        SctpPair pair = new SctpPair(seed.value(), link, link, config, config);
        pair.connectBoth();
        Random r = new Random(seed.value());
        byte[][] sent = new byte[3][];
        for (int i = 0; i < 3; i++) {
            sent[i] = new byte[1024 * 1024 + i];
            r.nextBytes(sent[i]);
            assertTrue(pair.a.association.send(pair.now(), 0, 53, ByteBuffer.wrap(sent[i]), SendOptions.RELIABLE));
        }
        pair.run(() -> SctpPair.messages(pair.eventsB).size() == 3, Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(sent[i], SctpPair.messages(pair.eventsB).get(i).payload());
        }
    }

    @Test
    void oversizedMessagesAreRefusedWithAClearError(TestSeed seed) {
        SctpPair pair = new SctpPair(seed.value(), NetemConfig.NONE, NetemConfig.NONE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pair.a.association.send(
                pair.now(), 0, 53, ByteBuffer.allocate(256 * 1024 + 1), SendOptions.RELIABLE));
        assertTrue(e.getMessage().contains("maxMessageSize"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pair.a.association.send(pair.now(), 70_000, 53,
                ByteBuffer.allocate(1), SendOptions.RELIABLE));
    }

    @Test
    void aStalledReaderClosesTheWindowAndTheTransferResumesIntact(TestSeed seed) {
        SctpConfig small = SctpConfig.builder().receiveWindow(512 * 1024).build();
        NetemConfig link = NetemConfig.builder().latency(Duration.ofMillis(10)).build();
        SctpPair pair = new SctpPair(seed.value(), link, link, SctpConfig.defaults(), small);
        pair.connectBoth();
        BulkTransfer t = new BulkTransfer(pair, 6L * 1024 * 1024, 30_000, seed.value(), SendOptions.RELIABLE, 1);
        pair.b.readerPaused = true;
        t.start();
        pair.stepper.runFor(Duration.ofMinutes(3)); // far beyond 10 RTOs: zero-window probes must not kill it
        SctpStats sender = pair.a.association.stats();
        assertEquals(SctpState.ESTABLISHED, pair.a.association.state());
        assertEquals(0, t.deliveredBytes, "nothing is read while paused");
        assertTrue(sender.bytesSent() < 700 * 1024, "sender pushed " + sender.bytesSent()
                + " bytes into a 512 KiB window: memory at the receiver is bounded by its window");
        assertTrue(sender.peerReceiveWindow() < 2 * 1200, "the peer's window is closed: " + sender.peerReceiveWindow());
        pair.b.readerPaused = false;
        pair.run(t::done, Duration.ofMinutes(2));
        assertEquals(t.sentCrc.getValue(), t.receivedCrc.getValue());
    }
}
