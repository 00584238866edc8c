package dev.jwebrtc.sdp;

import dev.jwebrtc.sdp.attribute.Direction;
import dev.jwebrtc.sdp.attribute.Group;
import dev.jwebrtc.sdp.internal.Grammar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A whole session description (RFC 8866 §5): the session-level lines, then the media sections in order.
 *
 * @param version the {@code v=} value, always 0
 * @param origin the {@code o=} line
 * @param sessionName the {@code s=} text ({@code -} in WebRTC)
 * @param information the {@code i=} line, or null
 * @param uri the {@code u=} line, or null
 * @param emails the {@code e=} lines
 * @param phones the {@code p=} lines
 * @param connection the session-level {@code c=} line, or null
 * @param bandwidths the session-level {@code b=} lines
 * @param timings the {@code t=} lines with their {@code r=} lines (at least one)
 * @param timeZones the {@code z=} line verbatim, or null
 * @param encryptionKey the obsolete {@code k=} line, or null
 * @param attributes the session-level {@code a=} lines in order
 * @param media the media sections in order
 */
public record SessionDescription(int version, Origin origin, String sessionName, @Nullable String information,
        @Nullable String uri, List<String> emails, List<String> phones, @Nullable Connection connection,
        List<Bandwidth> bandwidths, List<Timing> timings, @Nullable String timeZones,
        @Nullable String encryptionKey, List<Attribute> attributes, List<MediaDescription> media) {

    public SessionDescription {
        Objects.requireNonNull(origin, "origin");
        Grammar.requireText(sessionName, "s= line");
        for (String text : new String[] {information, uri, timeZones, encryptionKey}) {
            if (text != null) {
                Grammar.requireText(text, "session-level text line");
            }
        }
        if (version != 0) {
            throw new IllegalArgumentException("v= must be 0: " + version);
        }
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        emails.forEach(e -> Grammar.requireText(e, "e= line"));
        phones.forEach(p -> Grammar.requireText(p, "p= line"));
        bandwidths = List.copyOf(bandwidths);
        timings = List.copyOf(timings);
        if (timings.isEmpty()) {
            throw new IllegalArgumentException("a session description needs at least one t= line");
        }
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** RFC 8829 §5.2.1: {@code v=0}, the origin, {@code s=-}, {@code t=0 0}, then attributes and media. */
    public static SessionDescription of(Origin origin, List<Attribute> attributes, List<MediaDescription> media) {
        return new SessionDescription(0, origin, "-", null, null, List.of(), List.of(), null, List.of(),
                List.of(Timing.UNBOUNDED), null, null, attributes, media);
    }

    /** An attribute with this name is present at session level. */
    public boolean has(String name) {
        return AttributeList.has(attributes, name);
    }

    /** The value of the first session-level attribute with this name that has a value. */
    public Optional<String> value(String name) {
        return AttributeList.value(attributes, name);
    }

    /** The first session-level attribute of this type, parsed. */
    public <T> Optional<T> first(AttributeType<T> type) {
        return AttributeList.first(attributes, type);
    }

    /** Every session-level attribute of this type, parsed, in order. */
    public <T> List<T> all(AttributeType<T> type) {
        return AttributeList.all(attributes, type);
    }

    /** The media section with this mid. */
    public Optional<MediaDescription> mediaByMid(String mid) {
        for (MediaDescription m : media) {
            if (m.mid().filter(mid::equals).isPresent()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The direction of a media section: its own direction attribute, else the session-level one, else
     * {@code sendrecv} (RFC 8866 §6.7).
     */
    public Direction directionOf(MediaDescription m) {
        for (Attribute a : m.attributes()) {
            Direction d = Direction.fromAttributeName(a.name());
            if (d != null && a.value() == null) {
                return d;
            }
        }
        for (Attribute a : attributes) {
            Direction d = Direction.fromAttributeName(a.name());
            if (d != null && a.value() == null) {
                return d;
            }
        }
        return Direction.SENDRECV;
    }

    /** The {@code a=group:BUNDLE} groups (RFC 8843 §7.1). */
    public List<Group> bundleGroups() {
        return all(Group.TYPE).stream().filter(g -> g.semantics().equals(Group.BUNDLE)).toList();
    }

    /** A copy with other media sections. */
    public SessionDescription withMedia(List<MediaDescription> newMedia) {
        return new SessionDescription(version, origin, sessionName, information, uri, emails, phones, connection,
                bandwidths, timings, timeZones, encryptionKey, attributes, newMedia);
    }

    /** A copy with other session-level attributes. */
    public SessionDescription withAttributes(List<Attribute> newAttributes) {
        return new SessionDescription(version, origin, sessionName, information, uri, emails, phones, connection,
                bandwidths, timings, timeZones, encryptionKey, newAttributes, media);
    }

    /** A copy with another origin. */
    public SessionDescription withOrigin(Origin newOrigin) {
        return new SessionDescription(version, newOrigin, sessionName, information, uri, emails, phones, connection,
                bandwidths, timings, timeZones, encryptionKey, attributes, media);
    }
}
