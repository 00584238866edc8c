package dev.jwebrtc.rtp.rtcp;

import java.util.List;

/**
 * A 16-bit packet status chunk of transport-wide CC feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1.3, §3.1.4): a run of one symbol, or a vector of 14 one-bit or 7 two-bit symbols.
 */
public sealed interface PacketStatusChunk {

    /** The symbols this chunk describes (a vector chunk always holds 14 or 7, some possibly past the status count). */
    List<StatusSymbol> symbols();

    /** The 16-bit wire value. */
    int encode();

    /** Decodes a 16-bit chunk. */
    static PacketStatusChunk decode(int v) {
        if ((v & 0x8000) == 0) {
            return new RunLength(StatusSymbol.VALUES[(v >>> 13) & 3], v & 0x1FFF);
        }
        boolean twoBit = (v & 0x4000) != 0;
        int n = twoBit ? 7 : 14;
        StatusSymbol[] s = new StatusSymbol[n];
        for (int i = 0; i < n; i++) {
            int code = twoBit ? (v >>> (12 - 2 * i)) & 3 : (v >>> (13 - i)) & 1;
            s[i] = StatusSymbol.VALUES[code];
        }
        return new StatusVector(twoBit, List.of(s));
    }

    /**
     * Run length chunk (§3.1.3): {@code 0 | S(2) | run length(13)}.
     *
     * @param symbol the repeated symbol
     * @param runLength 0..8191
     */
    record RunLength(StatusSymbol symbol, int runLength) implements PacketStatusChunk {
        public RunLength {
            Rtcp.checkRange("run length", runLength, 0, 0x1FFF);
        }

        @Override
        public List<StatusSymbol> symbols() {
            return java.util.Collections.nCopies(runLength, symbol);
        }

        @Override
        public int encode() {
            return symbol.ordinal() << 13 | runLength;
        }
    }

    /**
     * Status vector chunk (§3.1.4): {@code 1 | S | symbols}, S=0 for 14 one-bit symbols (received or not), S=1 for
     * 7 two-bit symbols.
     *
     * @param twoBit the S bit
     * @param symbols exactly 14 (one-bit: only NOT_RECEIVED and SMALL_DELTA) or 7 symbols
     */
    record StatusVector(boolean twoBit, List<StatusSymbol> symbols) implements PacketStatusChunk {
        public StatusVector {
            symbols = List.copyOf(symbols);
            if (symbols.size() != (twoBit ? 7 : 14)) {
                throw new IllegalArgumentException("a " + (twoBit ? "two" : "one") + "-bit status vector holds "
                        + (twoBit ? 7 : 14) + " symbols, not " + symbols.size());
            }
            if (!twoBit && symbols.stream().anyMatch(s -> s.ordinal() > 1)) {
                throw new IllegalArgumentException("a one-bit status vector holds only NOT_RECEIVED/SMALL_DELTA");
            }
        }

        @Override
        public int encode() {
            int v = 0x8000 | (twoBit ? 0x4000 : 0);
            for (int i = 0; i < symbols.size(); i++) {
                int code = symbols.get(i).ordinal();
                v |= twoBit ? code << (12 - 2 * i) : code << (13 - i);
            }
            return v;
        }
    }
}
