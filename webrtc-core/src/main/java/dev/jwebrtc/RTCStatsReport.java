package dev.jwebrtc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * W3C {@code RTCStatsReport}: the statistics of a connection at one moment, by id.
 *
 * @param stats every statistics object by its id, in a stable order
 */
public record RTCStatsReport(Map<String, RTCStats> stats) {

    public RTCStatsReport {
        stats = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }

    static RTCStatsReport of(List<RTCStats> all) {
        Map<String, RTCStats> byId = new LinkedHashMap<>();
        for (RTCStats s : all) {
            byId.put(s.id(), s);
        }
        return new RTCStatsReport(byId);
    }

    public Optional<RTCStats> get(String id) {
        return Optional.ofNullable(stats.get(id));
    }

    /** Every object of one kind, such as {@code report.ofType(RTCStats.DataChannel.class)}. */
    public <T extends RTCStats> List<T> ofType(Class<T> kind) {
        return stats.values().stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
