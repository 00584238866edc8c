package dev.jwebrtc.rtp.interceptor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** 16-bit sequence numbers extend across wraps, forwards and backwards. */
class SequenceUnwrapperTest {
    @Test
    void extendsAcrossWrapsAndReordering() {
        SequenceUnwrapper u = new SequenceUnwrapper();
        long base = u.unwrap(65534);
        assertEquals(base + 1, u.unwrap(65535));
        assertEquals(base + 2, u.unwrap(0));
        assertEquals(base + 1, u.unwrap(65535)); // late, before the wrap
        assertEquals(base + 3, u.unwrap(1));
        assertEquals(base - 10, u.unwrap(65524)); // older than the first
        assertEquals(base + 2 + 32767, u.unwrap(32767)); // the largest forward step
        assertEquals(base + 2, u.unwrap(0)); // 32767 back is nearer than 32769 forward
        assertEquals(base + 62769, u.unwrap(62767));
        assertEquals(base + 92769, u.unwrap(27231)); // a second wrap
    }
}
