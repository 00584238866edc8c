package dev.jwebrtc.sctp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Wires two associations back to back without a network (instant, lossless), for state-machine tests. */
final class Direct {
    private Direct() {}

    /** Moves packets both ways until neither side has anything to send. */
    static void pump(SctpAssociation x, SctpAssociation y, long now) {
        pump(x, y, now, p -> p);
    }

    /** As {@link #pump}, passing every packet from x to y through {@code tap} (which may return null to drop). */
    static void pump(SctpAssociation x, SctpAssociation y, long now, UnaryOperator<@Nullable ByteBuffer> tap) {
        boolean progress = true;
        while (progress) {
            progress = false;
            ByteBuffer p;
            while ((p = x.pollTransmit()) != null) {
                ByteBuffer tapped = tap.apply(p);
                if (tapped != null) {
                    y.handleReceive(now, tapped);
                }
                progress = true;
            }
            while ((p = y.pollTransmit()) != null) {
                x.handleReceive(now, p);
                progress = true;
            }
        }
    }

    static List<SctpEvent> events(SctpAssociation a) {
        List<SctpEvent> out = new ArrayList<>();
        SctpEvent e;
        while ((e = a.pollEvent()) != null) {
            out.add(e);
        }
        return out;
    }
}
