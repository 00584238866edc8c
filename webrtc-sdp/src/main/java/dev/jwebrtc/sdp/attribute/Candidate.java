package dev.jwebrtc.sdp.attribute;

import dev.jwebrtc.sdp.Attribute;
import dev.jwebrtc.sdp.AttributeType;
import dev.jwebrtc.sdp.SdpParseException;
import dev.jwebrtc.sdp.internal.Grammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * {@code a=candidate:} (RFC 8839 §5.1), with the TCP {@code tcptype} of RFC 6544 §4.5 and the extensions browsers
 * add ({@code generation}, {@code ufrag}, {@code network-id}, {@code network-cost}) kept in order with any
 * unknown extension.
 *
 * <pre>
 * candidate-attribute = "candidate" ":" foundation SP component-id SP transport SP priority SP
 *                       connection-address SP port SP cand-type [SP rel-addr] [SP rel-port]
 *                       *(SP cand-extension)
 * </pre>
 *
 * @param foundation 1 to 32 ice-chars
 * @param component component id 1-256 (1 = RTP)
 * @param transport {@code udp}, {@code tcp} or an extension token, as written
 * @param priority 1 to 10 digits, at most 2^32-1
 * @param address IP address or FQDN (an mDNS {@code .local} name)
 * @param port 0-65535
 * @param type {@code host}, {@code srflx}, {@code prflx}, {@code relay} or an extension token
 * @param relatedAddress {@code raddr}, or null
 * @param relatedPort {@code rport}, or -1
 * @param tcpType {@code active}, {@code passive} or {@code so}, or null
 * @param extensions the other name/value pairs in order
 */
public record Candidate(String foundation, int component, String transport, long priority, String address, int port,
        String type, @Nullable String relatedAddress, int relatedPort, @Nullable String tcpType,
        List<Extension> extensions) implements TypedAttribute {

    public static final AttributeType<Candidate> TYPE = AttributeType.of("candidate", Candidate::parse);
    private static final String GRAMMAR = "candidate:<foundation> <component-id> <transport> <priority> "
            + "<connection-address> <port> typ <cand-type> [raddr <addr>] [rport <port>] *(<name> <value>)";

    /** A candidate extension ({@code extension-att-name SP extension-att-value}). */
    public record Extension(String name, String value) {
        public Extension {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public Candidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        extensions = List.copyOf(extensions);
    }

    /** Parses the attribute value (text after {@code a=candidate:}). */
    public static Candidate parse(String value) {
        List<String> f = Grammar.fields(value);
        Values.require(f.size() >= 8, GRAMMAR, value);
        String foundation = f.get(0);
        Values.require(Grammar.isIceChars(foundation) && foundation.length() <= 32,
                "<foundation> of 1 to 32 ice-chars in " + GRAMMAR, value);
        int component = Grammar.parseInt(f.get(1), 1, 256, "<component-id> 1-256 in " + GRAMMAR, value);
        String transport = Values.token(f.get(2), "<transport> token in " + GRAMMAR, value);
        Values.require(f.get(3).length() <= 10, "<priority> of 1 to 10 digits in " + GRAMMAR, value);
        long priority = Grammar.parseLong(f.get(3), 0, 0xFFFF_FFFFL, "<priority> of 1 to 10 digits in "
                + GRAMMAR, value);
        String address = f.get(4);
        Values.require(isAddress(address), "<connection-address> (IP address or FQDN) in " + GRAMMAR, value);
        int port = Grammar.parseInt(f.get(5), 0, 65535, "<port> 0-65535 in " + GRAMMAR, value);
        Values.require(f.get(6).equals("typ"), "\"typ\" before the candidate type in " + GRAMMAR, value);
        String type = Values.token(f.get(7), "<cand-type> token in " + GRAMMAR, value);
        Values.require(f.size() % 2 == 0, "extension name followed by its value in " + GRAMMAR, value);
        String raddr = null;
        int rport = -1;
        String tcpType = null;
        List<Extension> ext = new ArrayList<>((f.size() - 8) / 2);
        for (int i = 8; i < f.size(); i += 2) {
            String name = f.get(i);
            String v = f.get(i + 1);
            switch (name) {
                case "raddr" -> {
                    Values.require(raddr == null && isAddress(v), "one raddr <connection-address>", value);
                    raddr = v;
                }
                case "rport" -> {
                    Values.require(rport < 0, "one rport <port>", value);
                    rport = Grammar.parseInt(v, 0, 65535, "rport <port> 0-65535", value);
                }
                case "tcptype" -> {
                    // RFC 6544 §4.5: tcp-type = "active" / "passive" / "so"
                    Values.require(tcpType == null && (v.equals("active") || v.equals("passive") || v.equals("so")),
                            "one tcptype active, passive or so", value);
                    tcpType = v;
                }
                default -> ext.add(new Extension(name, v));
            }
        }
        return new Candidate(foundation, component, transport, priority, address, port, type, raddr, rport, tcpType,
                ext);
    }

    /**
     * Parses a candidate as signalled by trickle ICE (RFC 8840): with or without {@code a=} and
     * {@code candidate:}.
     */
    public static Candidate parseLine(String line) {
        String s = line.startsWith("a=") ? line.substring(2) : line;
        if (!s.startsWith("candidate:")) {
            throw SdpParseException.inValue(line, "candidate:<value> or a=candidate:<value>");
        }
        return TYPE.parse(s.substring("candidate:".length()));
    }

    // RFC 8839 §5.1: connection-address is an IPv4/IPv6 address or an FQDN; no spaces, no control characters.
    private static boolean isAddress(String s) {
        if (s.isEmpty() || s.length() > 255) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Grammar.isAlnum(c) || c == '.' || c == ':' || c == '-' || c == '_' || c == '%')) {
                return false;
            }
        }
        return true;
    }

    /** The value of the first extension with this name. */
    public Optional<String> extension(String name) {
        for (Extension e : extensions) {
            if (e.name().equals(name)) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    /** The {@code generation} extension, if present and numeric. */
    public OptionalInt generation() {
        return intExtension("generation");
    }

    /** The {@code network-id} extension, if present and numeric. */
    public OptionalInt networkId() {
        return intExtension("network-id");
    }

    /** The {@code network-cost} extension, if present and numeric. */
    public OptionalInt networkCost() {
        return intExtension("network-cost");
    }

    /** The {@code ufrag} extension (the ICE generation's username fragment). */
    public Optional<String> ufrag() {
        return extension("ufrag");
    }

    private OptionalInt intExtension(String name) {
        Optional<String> v = extension(name);
        if (v.isEmpty() || !Grammar.isDigits(v.get()) || v.get().length() > 9) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(v.get()));
    }

    /** The attribute value in the order RFC 8839 §5.1 gives (raddr, rport, tcptype, then extensions). */
    public String value() {
        StringBuilder sb = new StringBuilder(96);
        sb.append(foundation).append(' ').append(component).append(' ').append(transport).append(' ')
                .append(priority).append(' ').append(address).append(' ').append(port).append(" typ ").append(type);
        if (relatedAddress != null) {
            sb.append(" raddr ").append(relatedAddress);
        }
        if (relatedPort >= 0) {
            sb.append(" rport ").append(relatedPort);
        }
        if (tcpType != null) {
            sb.append(" tcptype ").append(tcpType);
        }
        for (Extension e : extensions) {
            sb.append(' ').append(e.name()).append(' ').append(e.value());
        }
        return sb.toString();
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.of("candidate", value());
    }
}
