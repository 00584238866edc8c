package dev.jwebrtc.sdp.internal;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.Bandwidth;
import dev.jwebrtc.sdp.Connection;
import dev.jwebrtc.sdp.MediaDescription;
import dev.jwebrtc.sdp.Origin;
import dev.jwebrtc.sdp.SessionDescription;
import dev.jwebrtc.sdp.Timing;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes a description in RFC 8866 §5 line order, each line ended by CRLF. */
public final class SdpWriter {
    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    public static String write(SessionDescription d) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("v=").append(d.version()).append(CRLF);
        Origin o = d.origin();
        sb.append("o=").append(o.username()).append(' ').append(o.sessionId()).append(' ')
                .append(o.sessionVersion()).append(' ').append(o.netType()).append(' ').append(o.addrType())
                .append(' ').append(o.unicastAddress()).append(CRLF);
        sb.append("s=").append(d.sessionName()).append(CRLF);
        optional(sb, 'i', d.information());
        optional(sb, 'u', d.uri());
        for (String e : d.emails()) {
            line(sb, 'e', e);
        }
        for (String p : d.phones()) {
            line(sb, 'p', p);
        }
        Connection c = d.connection();
        if (c != null) {
            connection(sb, c);
        }
        bandwidths(sb, d.bandwidths());
        for (Timing t : d.timings()) {
            sb.append("t=").append(t.start()).append(' ').append(t.stop()).append(CRLF);
            for (String r : t.repeats()) {
                line(sb, 'r', r);
            }
        }
        optional(sb, 'z', d.timeZones());
        optional(sb, 'k', d.encryptionKey());
        attributes(sb, d.attributes());
        for (MediaDescription m : d.media()) {
            media(sb, m);
        }
        return sb.toString();
    }

    private static void media(StringBuilder sb, MediaDescription m) {
        sb.append("m=").append(m.media()).append(' ').append(m.port());
        if (m.portCount() > 0) {
            sb.append('/').append(m.portCount());
        }
        sb.append(' ').append(m.protocol());
        for (String f : m.formats()) {
            sb.append(' ').append(f);
        }
        sb.append(CRLF);
        optional(sb, 'i', m.information());
        for (Connection c : m.connections()) {
            connection(sb, c);
        }
        bandwidths(sb, m.bandwidths());
        optional(sb, 'k', m.encryptionKey());
        attributes(sb, m.attributes());
    }

    private static void attributes(StringBuilder sb, List<Attribute> attributes) {
        for (Attribute a : attributes) {
            sb.append("a=").append(a.name());
            if (a.value() != null) {
                sb.append(':').append(a.value());
            }
            sb.append(CRLF);
        }
    }

    private static void bandwidths(StringBuilder sb, List<Bandwidth> bandwidths) {
        for (Bandwidth b : bandwidths) {
            sb.append("b=").append(b.type()).append(':').append(b.value()).append(CRLF);
        }
    }

    private static void connection(StringBuilder sb, Connection c) {
        sb.append("c=").append(c.netType()).append(' ').append(c.addrType()).append(' ').append(c.address())
                .append(CRLF);
    }

    private static void optional(StringBuilder sb, char type, @Nullable String value) {
        if (value != null) {
            line(sb, type, value);
        }
    }

    private static void line(StringBuilder sb, char type, String value) {
        sb.append(type).append('=').append(value).append(CRLF);
    }
}
