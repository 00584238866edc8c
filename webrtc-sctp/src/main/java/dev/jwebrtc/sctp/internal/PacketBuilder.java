package dev.jwebrtc.sctp.internal;

import dev.jwebrtc.sctp.chunk.Chunk;
import dev.jwebrtc.sctp.chunk.SctpPacket;
import java.util.ArrayList;
import java.util.List;

/** Collects chunks for one packet up to the maximum packet size (RFC 9260 §6.10 bundling). */
public final class PacketBuilder {
    private final int maxPacketSize;
    private final List<Chunk> chunks = new ArrayList<>();
    private int size = SctpPacket.HEADER_LENGTH;

    public PacketBuilder(int maxPacketSize) {
        this.maxPacketSize = maxPacketSize;
    }

    public boolean fits(Chunk chunk) {
        return size + chunk.encodedLength() <= maxPacketSize;
    }

    /** Bytes still free. */
    public int remaining() {
        return maxPacketSize - size;
    }

    public void add(Chunk chunk) {
        chunks.add(chunk);
        size += chunk.encodedLength();
    }

    public boolean isEmpty() {
        return chunks.isEmpty();
    }

    public List<Chunk> chunks() {
        return chunks;
    }
}
