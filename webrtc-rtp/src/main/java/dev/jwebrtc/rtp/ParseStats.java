package dev.jwebrtc.rtp;

import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts network input that a parser dropped, by reason. Parsers never throw for remote input; they return an empty
 * result and, when given one of these, count the drop and log it at DEBUG. Confined to one thread, like the core
 * that owns it.
 */
public final class ParseStats {
    private static final Logger LOG = LoggerFactory.getLogger(ParseStats.class);

    private final Map<String, Long> byReason = new TreeMap<>();
    private long dropped;

    /** Records one dropped input. {@code reason} is a short constant text such as {@code "rtp: truncated header"}. */
    public void drop(String reason) {
        dropped++;
        byReason.merge(reason, 1L, Long::sum);
        LOG.debug("dropped malformed input: {}", reason);
    }

    /** Total drops so far. */
    public long dropped() {
        return dropped;
    }

    /** Drops per reason, a snapshot. */
    public Map<String, Long> byReason() {
        return Map.copyOf(byReason);
    }

    /** Drops for one reason. */
    public long dropped(String reason) {
        return byReason.getOrDefault(reason, 0L);
    }
}
