package dev.jwebrtc.sdp;

import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.internal.Grammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One media section (RFC 8866 §5.14): the {@code m=} line and the {@code i=}, {@code c=}, {@code b=},
 * {@code k=} and {@code a=} lines that follow it. Attributes keep their order.
 *
 * @param media media type ({@code audio}, {@code video}, {@code application}, ...)
 * @param port the port; 0 rejects the section unless it is {@code bundle-only} (RFC 8843 §6)
 * @param portCount the {@code /<number of ports>} suffix, 0 when absent
 * @param protocol transport protocol, e.g. {@code UDP/TLS/RTP/SAVPF}
 * @param formats media formats (RTP payload types, or {@code webrtc-datachannel})
 * @param information the {@code i=} line, or null
 * @param connections the {@code c=} lines
 * @param bandwidths the {@code b=} lines
 * @param encryptionKey the obsolete {@code k=} line, or null
 * @param attributes the {@code a=} lines in order
 */
public record MediaDescription(String media, int port, int portCount, String protocol, List<String> formats,
        @Nullable String information, List<Connection> connections, List<Bandwidth> bandwidths,
        @Nullable String encryptionKey, List<Attribute> attributes) {

    public MediaDescription {
        Grammar.requireToken(media, "m= media");
        for (String part : Objects.requireNonNull(protocol, "protocol").split("/", -1)) {
            Grammar.requireToken(part, "m= proto part");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (portCount < 0) {
            throw new IllegalArgumentException("portCount must not be negative: " + portCount);
        }
        formats = List.copyOf(formats);
        for (String f : formats) {
            Grammar.requireToken(f, "m= fmt");
        }
        if (information != null) {
            Grammar.requireText(information, "i= line");
        }
        if (encryptionKey != null) {
            Grammar.requireText(encryptionKey, "k= line");
        }
        connections = List.copyOf(connections);
        bandwidths = List.copyOf(bandwidths);
        attributes = List.copyOf(attributes);
    }

    /** A section with one {@code c=} line and no {@code i=}, {@code b=} or {@code k=} lines. */
    public static MediaDescription of(String media, int port, String protocol, List<String> formats,
            @Nullable Connection connection, List<Attribute> attributes) {
        return new MediaDescription(media, port, 0, protocol, formats, null,
                connection == null ? List.of() : List.of(connection), List.of(), null, attributes);
    }

    /** The {@code a=mid} value (RFC 8843 §9.1). */
    public Optional<String> mid() {
        return value("mid");
    }

    /** The media-level direction attribute; {@code sendrecv} when none is present (RFC 8866 §6.7). */
    public Direction direction() {
        for (Attribute a : attributes) {
            Direction d = Direction.fromAttributeName(a.name());
            if (d != null && a.value() == null) {
                return d;
            }
        }
        return Direction.SENDRECV;
    }

    /** {@code a=bundle-only} is present (RFC 8843 §6). */
    public boolean isBundleOnly() {
        return has("bundle-only");
    }

    /** Port 0 without {@code bundle-only}: the section is rejected or disabled (RFC 8829 §5.2.2, §5.3.1). */
    public boolean isRejected() {
        return port == 0 && !isBundleOnly();
    }

    /** An attribute with this name is present (with or without value). */
    public boolean has(String name) {
        return AttributeList.has(attributes, name);
    }

    /** The value of the first attribute with this name that has a value. */
    public Optional<String> value(String name) {
        return AttributeList.value(attributes, name);
    }

    /** The first attribute of this type, parsed. */
    public <T> Optional<T> first(AttributeType<T> type) {
        return AttributeList.first(attributes, type);
    }

    /** Every attribute of this type, parsed, in order. */
    public <T> List<T> all(AttributeType<T> type) {
        return AttributeList.all(attributes, type);
    }

    /** A copy with another port. */
    public MediaDescription withPort(int newPort) {
        return new MediaDescription(media, newPort, portCount, protocol, formats, information, connections,
                bandwidths, encryptionKey, attributes);
    }

    /** A copy with other attributes. */
    public MediaDescription withAttributes(List<Attribute> newAttributes) {
        return new MediaDescription(media, port, portCount, protocol, formats, information, connections,
                bandwidths, encryptionKey, newAttributes);
    }

    /** A copy without the attributes that match, keeping the others in order. */
    public MediaDescription withoutAttributes(Predicate<Attribute> filter) {
        List<Attribute> kept = new ArrayList<>(attributes.size());
        for (Attribute a : attributes) {
            if (!filter.test(a)) {
                kept.add(a);
            }
        }
        return withAttributes(kept);
    }
}
