package dev.jwebrtc.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;

class NettyLeakExtensionCatchesUnreleasedBuffersTest {

    @Test
    void anUnreleasedBufferIsReportedOnceCollected() {
        leakOne();
        List<String> leaks = NettyLeakExtension.collectLeaks(20);
        assertFalse(leaks.isEmpty(), "the leaked buffer was reported");
        assertTrue(leaks.get(0).startsWith("LEAK: ByteBuf"), leaks.get(0));
        // collectLeaks forgot it, so this class itself passes the extension's check.
    }

    @Test
    void releasedBuffersAreNotReported() {
        ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(64);
        buffer.writeLong(42);
        buffer.release();
        assertTrue(NettyLeakExtension.collectLeaks(2).isEmpty());
    }

    private static void leakOne() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.buffer(64);
        leaked.writeLong(7);
        // No release: the reference dies here.
    }
}
