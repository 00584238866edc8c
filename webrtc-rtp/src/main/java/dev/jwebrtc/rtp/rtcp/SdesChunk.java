package dev.jwebrtc.rtp.rtcp;

import java.util.List;
import java.util.Optional;

/**
 * An SDES chunk (RFC 3550 §6.5): one SSRC/CSRC and its items.
 *
 * @param ssrc the source described
 * @param items its items, in order
 */
public record SdesChunk(long ssrc, List<SdesItem> items) {
    public SdesChunk {
        Rtcp.checkU32("ssrc", ssrc);
        items = List.copyOf(items);
    }

    /** The text of the first item of a type. */
    public Optional<String> find(int type) {
        return items.stream().filter(i -> i.type() == type).findFirst().map(SdesItem::text);
    }

    // RFC 3550 §6.5: items, then at least one null octet, padded to the next 32-bit boundary
    int encodedLength() {
        int n = 4;
        for (SdesItem i : items) {
            n += 2 + i.value().remaining();
        }
        return (n + 4) & ~3;
    }
}
