package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code a=simulcast:send <alt-list>;... [recv <alt-list>;...]} (RFC 8853 §5.1), e.g.
 * {@code a=simulcast:send h;~m;l}. Each stream is a list of alternative rids; {@code ~} marks a paused rid.
 *
 * @param send the send streams in order, each a list of alternatives (empty when absent)
 * @param recv the receive streams in order (empty when absent)
 * @param recvFirst {@code recv} was written before {@code send} (kept for the canonical form)
 */
public record Simulcast(List<List<Stream>> send, List<List<Stream>> recv, boolean recvFirst)
        implements TypedAttribute {
    public static final AttributeType<Simulcast> TYPE = AttributeType.of("simulcast", Simulcast::parse);
    private static final String GRAMMAR = "simulcast:send|recv <sc-id>*(,<sc-id>)*(;...) [recv|send ...]";

    /** One {@code sc-id}: a rid, possibly paused. */
    public record Stream(String rid, boolean paused) {
        public Stream {
            Objects.requireNonNull(rid, "rid");
        }

        @Override
        public String toString() {
            return paused ? "~" + rid : rid;
        }
    }

    public Simulcast {
        send = send.stream().map(List::copyOf).toList();
        recv = recv.stream().map(List::copyOf).toList();
    }

    public static Simulcast parse(String value) {
        List<String> f = Values.fields(value, 2, GRAMMAR);
        Values.require(f.size() == 2 || f.size() == 4, GRAMMAR, value);
        List<List<Stream>> send = null;
        List<List<Stream>> recv = null;
        for (int i = 0; i < f.size(); i += 2) {
            String dir = f.get(i);
            List<List<Stream>> streams = streams(f.get(i + 1), value);
            if (dir.equals("send") && send == null) {
                send = streams;
            } else if (dir.equals("recv") && recv == null) {
                recv = streams;
            } else {
                Values.require(false, "one send and at most one recv list (or the reverse) in " + GRAMMAR, value);
            }
        }
        boolean recvFirst = f.get(0).equals("recv");
        return new Simulcast(send == null ? List.of() : send, recv == null ? List.of() : recv, recvFirst);
    }

    private static List<List<Stream>> streams(String list, String value) {
        List<List<Stream>> out = new ArrayList<>();
        for (String alt : list.split(";", -1)) {
            List<Stream> alternatives = new ArrayList<>();
            for (String id : alt.split(",", -1)) {
                boolean paused = id.startsWith("~");
                String rid = paused ? id.substring(1) : id;
                Values.require(Rid.isRidId(rid), "<sc-id> as [~]<rid-id> in " + GRAMMAR, value);
                alternatives.add(new Stream(rid, paused));
            }
            out.add(alternatives);
        }
        return out;
    }

    private static String format(String dir, List<List<Stream>> streams) {
        StringBuilder sb = new StringBuilder(dir).append(' ');
        for (int i = 0; i < streams.size(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            List<Stream> alts = streams.get(i);
            for (int j = 0; j < alts.size(); j++) {
                if (j > 0) {
                    sb.append(',');
                }
                sb.append(alts.get(j));
            }
        }
        return sb.toString();
    }

    @Override
    public Attribute toAttribute() {
        List<String> parts = new ArrayList<>(2);
        if (!send.isEmpty()) {
            parts.add(format("send", send));
        }
        if (!recv.isEmpty()) {
            parts.add(recvFirst ? 0 : parts.size(), format("recv", recv));
        }
        return Attribute.of("simulcast", String.join(" ", parts));
    }
}
