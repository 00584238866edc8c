package dev.jwebrtc.sctp.dcep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sctp.SendOptions;
import dev.jwebrtc.testkit.NetemConfig;
import dev.jwebrtc.testkit.junit.TestSeed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataChannelsTest {
    private static final NetemConfig LINK = NetemConfig.builder().latency(Duration.ofMillis(10)).build();

    @Test
    void openedChannelIsAnnouncedAckedAndCarriesAllMessageKinds(TestSeed seed) {
        DataChannelPair p = new DataChannelPair(seed.value(), LINK);
        DataChannelOptions opts = new DataChannelOptions("chat", "json", false, 5, null, false, null,
                DataChannelOptions.PRIORITY_HIGH);
        DataChannel ch = p.client.channels.open(p.now(), opts);
        assertEquals(0, ch.id() % 2, "DTLS client uses even ids");
        p.client.channels.sendText(p.now(), ch.id(), "héllo");
        p.client.channels.sendText(p.now(), ch.id(), "");
        p.client.channels.sendBinary(p.now(), ch.id(), new byte[] {1, 2, 3});
        p.client.channels.sendBinary(p.now(), ch.id(), new byte[0]);
        p.runUntil(() -> DataChannelPair.of(p.serverEvents, DataChannelEvent.Message.class).size() == 4
                && !DataChannelPair.of(p.clientEvents, DataChannelEvent.ChannelAcked.class).isEmpty());
        DataChannel remote = DataChannelPair.of(p.serverEvents, DataChannelEvent.RemoteChannelOpened.class).get(0).channel();
        assertEquals(new DataChannel(ch.id(), "chat", "json", ChannelType.PARTIAL_RELIABLE_REXMIT_UNORDERED, 5, 512,
                false), remote);
        List<DataChannelEvent.Message> msgs = DataChannelPair.of(p.serverEvents, DataChannelEvent.Message.class);
        // Sent before the ACK: ordered (RFC 8832 §6), so they arrive in order.
        assertEquals("héllo", msgs.get(0).text());
        assertFalse(msgs.get(0).binary());
        assertEquals("", msgs.get(1).text());
        assertFalse(msgs.get(1).binary());
        assertArrayEquals(new byte[] {1, 2, 3}, msgs.get(2).data());
        assertTrue(msgs.get(2).binary());
        assertEquals(0, msgs.get(3).data().length);
        assertTrue(msgs.get(3).binary());
        p.server.channels.sendText(p.now(), ch.id(), "back");
        p.runUntil(() -> !DataChannelPair.of(p.clientEvents, DataChannelEvent.Message.class).isEmpty());
        assertEquals("back", DataChannelPair.of(p.clientEvents, DataChannelEvent.Message.class).get(0).text());
    }

    @Test
    void serverAllocatesOddIdsAndNegotiatedChannelsNeedNoDcep(TestSeed seed) {
        DataChannelPair p = new DataChannelPair(seed.value(), LINK);
        assertEquals(1, p.server.channels.open(p.now(), DataChannelOptions.reliable("a")).id());
        assertEquals(3, p.server.channels.open(p.now(), DataChannelOptions.reliable("b")).id());
        DataChannelOptions neg = new DataChannelOptions("neg", "", true, null, null, true, 42, 256);
        p.client.channels.open(p.now(), neg);
        p.server.channels.open(p.now(), neg);
        p.client.channels.sendText(p.now(), 42, "pre-agreed");
        p.runUntil(() -> DataChannelPair.of(p.serverEvents, DataChannelEvent.Message.class).stream()
                .anyMatch(m -> m.id() == 42));
        assertTrue(DataChannelPair.of(p.serverEvents, DataChannelEvent.RemoteChannelOpened.class).stream()
                .noneMatch(o -> o.channel().id() == 42), "negotiated channels send no DATA_CHANNEL_OPEN");
    }

    @Test
    void closingResetsBothDirectionsAndFreesTheId(TestSeed seed) {
        DataChannelPair p = new DataChannelPair(seed.value(), LINK);
        DataChannel ch = p.client.channels.open(p.now(), DataChannelOptions.reliable("closing"));
        p.client.channels.sendText(p.now(), ch.id(), "last words");
        p.client.channels.close(p.now(), ch.id());
        p.runUntil(() -> !DataChannelPair.of(p.clientEvents, DataChannelEvent.ChannelClosed.class).isEmpty()
                && !DataChannelPair.of(p.serverEvents, DataChannelEvent.ChannelClosed.class).isEmpty());
        assertEquals("last words", DataChannelPair.of(p.serverEvents, DataChannelEvent.Message.class).get(0).text());
        assertEquals(List.of(new DataChannelEvent.ChannelClosing(ch.id())),
                DataChannelPair.of(p.serverEvents, DataChannelEvent.ChannelClosing.class));
        assertEquals(0, p.client.channels.openChannelCount());
        assertEquals(0, p.server.channels.openChannelCount());
        // The id is free again and sequence numbers restart at 0 on both sides.
        DataChannel again = p.client.channels.open(p.now(), new DataChannelOptions("again", "", true, null, null,
                false, ch.id(), 256));
        p.client.channels.sendText(p.now(), again.id(), "second life");
        p.runUntil(() -> DataChannelPair.of(p.serverEvents, DataChannelEvent.Message.class).size() == 2);
        assertEquals("second life", DataChannelPair.of(p.serverEvents, DataChannelEvent.Message.class).get(1).text());
    }

    @Test
    void aThousandChannelsOpenAndClose(TestSeed seed) {
        DataChannelPair p = new DataChannelPair(seed.value(), LINK);
        for (int i = 0; i < 1000; i++) {
            DataChannel ch = p.client.channels.open(p.now(), DataChannelOptions.reliable("c" + i));
            p.client.channels.sendText(p.now(), ch.id(), "m" + i);
        }
        p.runUntil(() -> DataChannelPair.of(p.serverEvents, DataChannelEvent.Message.class).size() == 1000);
        assertEquals(1000, p.server.channels.openChannelCount());
        for (int i = 0; i < 1000; i++) {
            (i % 2 == 0 ? p.client : p.server).channels.close(p.now(), 2 * i);
        }
        p.runUntil(() -> p.client.channels.openChannelCount() == 0 && p.server.channels.openChannelCount() == 0);
        assertEquals(1000, DataChannelPair.of(p.serverEvents, DataChannelEvent.ChannelClosed.class).size());
        assertEquals(1000, DataChannelPair.of(p.clientEvents, DataChannelEvent.ChannelClosed.class).size());
    }

    @Test
    void deprecatedPartialPpidsAreJoinedIntoOneMessage(TestSeed seed) {
        DataChannelPair p = new DataChannelPair(seed.value(), LINK);
        DataChannelOptions neg = new DataChannelOptions("legacy", "", true, null, null, true, 7, 256);
        p.client.channels.open(p.now(), neg);
        p.server.channels.open(p.now(), neg);
        var a = p.client.channels.association();
        a.send(p.now(), 7, Ppid.STRING_PARTIAL, ByteBuffer.wrap("Hel".getBytes(StandardCharsets.UTF_8)), SendOptions.RELIABLE);
        a.send(p.now(), 7, Ppid.STRING_PARTIAL, ByteBuffer.wrap("lo, ".getBytes(StandardCharsets.UTF_8)), SendOptions.RELIABLE);
        a.send(p.now(), 7, Ppid.STRING, ByteBuffer.wrap("world".getBytes(StandardCharsets.UTF_8)), SendOptions.RELIABLE);
        p.runUntil(() -> !DataChannelPair.of(p.serverEvents, DataChannelEvent.Message.class).isEmpty());
        List<DataChannelEvent.Message> msgs = DataChannelPair.of(p.serverEvents, DataChannelEvent.Message.class);
        assertEquals(1, msgs.size());
        assertEquals("Hello, world", msgs.get(0).text());
    }

    @Test
    void partiallyReliableUnorderedChannelDropsButNeverDuplicatesUnderLoss(TestSeed seed) {
        NetemConfig lossy = NetemConfig.builder().latency(Duration.ofMillis(20)).loss(0.15).build();
        DataChannelPair p = new DataChannelPair(seed.value(), lossy);
        DataChannel ch = p.client.channels.open(p.now(), new DataChannelOptions("game", "", false, 0, null, false,
                null, 256));
        p.runUntil(() -> !DataChannelPair.of(p.clientEvents, DataChannelEvent.ChannelAcked.class).isEmpty());
        for (int i = 0; i < 300; i++) {
            p.client.channels.sendBinary(p.now(), ch.id(), ByteBuffer.allocate(1500).putInt(i).array());
        }
        p.client.channels.sendText(p.now(), ch.id(), "end");
        p.stepper.runFor(Duration.ofSeconds(30));
        List<DataChannelEvent.Message> got = DataChannelPair.of(p.serverEvents, DataChannelEvent.Message.class);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (DataChannelEvent.Message m : got) {
            if (m.binary()) {
                assertTrue(seen.add(ByteBuffer.wrap(m.data()).getInt()), "duplicate delivery");
            }
        }
        assertTrue(seen.size() < 300 && seen.size() > 100, "maxRetransmits=0 at 15% loss delivers some: "
                + seen.size());
        assertTrue(p.client.channels.association().stats().abandonedMessages() > 0);
    }
}
