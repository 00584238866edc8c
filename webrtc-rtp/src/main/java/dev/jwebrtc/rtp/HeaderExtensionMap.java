package dev.jwebrtc.rtp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The negotiated mapping of header extension ids to URIs ({@code a=extmap}, RFC 8285 §5) for one media section, and
 * typed access through it.
 *
 * @param uris id (1..255) to URI
 */
public record HeaderExtensionMap(Map<Integer, String> uris) {

    public HeaderExtensionMap {
        uris = Map.copyOf(uris);
        for (int id : uris.keySet()) {
            if (id < 1 || id > 255) {
                throw new IllegalArgumentException("extmap id " + id + " outside 1..255 (RFC 8285 §5)");
            }
        }
    }

    /** The id negotiated for a URI. */
    public Optional<Integer> idOf(String uri) {
        return uris.entrySet().stream().filter(e -> e.getValue().equals(uri)).map(Map.Entry::getKey).findFirst();
    }

    /** The typed value of the extension with this URI in a packet's extension block. */
    public Optional<HeaderExtension> find(RtpHeaderExtensions extensions, String uri) {
        return idOf(uri).flatMap(extensions::find).flatMap(data -> HeaderExtension.parse(uri, data));
    }

    /** Every element whose id is negotiated and whose value parses, by URI. */
    public Map<String, HeaderExtension> decode(RtpHeaderExtensions extensions) {
        Map<String, HeaderExtension> out = new HashMap<>();
        for (RtpExtensionElement e : extensions.elements()) {
            String uri = uris.get(e.id());
            if (uri != null) {
                HeaderExtension.parse(uri, e.data()).ifPresent(v -> out.putIfAbsent(uri, v));
            }
        }
        return out;
    }

    /**
     * Encodes values with their negotiated ids (one-byte form when all fit, RFC 8285 §4.1.2).
     *
     * @throws IllegalArgumentException if a value's URI was not negotiated
     */
    public RtpHeaderExtensions encode(List<HeaderExtension> values) {
        List<RtpExtensionElement> elements = new ArrayList<>(values.size());
        for (HeaderExtension v : values) {
            int id = idOf(v.uri()).orElseThrow(() -> new IllegalArgumentException("extension " + v.uri()
                    + " was not negotiated"));
            elements.add(v.toElement(id));
        }
        return RtpHeaderExtensions.of(elements);
    }
}
