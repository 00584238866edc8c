package dev.jwebrtc.ice.internal;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The subset of DNS (RFC 1035 §4) that mDNS candidate resolution needs (RFC 6762, draft-ietf-mmusic-mdns-ice-
 * candidates): questions and A/AAAA answers. Decoding follows compression pointers with a loop guard and never
 * throws; other record types are skipped.
 *
 * @param response whether the QR bit is set
 * @param questions the names asked for (type A or AAAA)
 * @param answers address records from the answer section
 */
public record MdnsMessage(boolean response, List<Question> questions, List<AddressRecord> answers) {

    public static final int TYPE_A = 1;
    public static final int TYPE_AAAA = 28;
    private static final int CLASS_IN = 1;

    /** A question for {@code name} (lower-cased). */
    public record Question(String name, int type) {}

    /** An A or AAAA record. */
    public record AddressRecord(String name, InetAddress address, long ttlSeconds) {}

    public MdnsMessage {
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(12);
        // RFC 6762 §18: ID 0; a response has QR and AA set.
        h.putShort((short) 0).putShort((short) (response ? 0x8400 : 0))
                .putShort((short) questions.size()).putShort((short) answers.size()).putShort((short) 0)
                .putShort((short) 0);
        out.writeBytes(h.array());
        for (Question q : questions) {
            writeName(out, q.name());
            out.writeBytes(ByteBuffer.allocate(4).putShort((short) q.type()).putShort((short) CLASS_IN).array());
        }
        for (AddressRecord r : answers) {
            writeName(out, r.name());
            byte[] ip = r.address().getAddress();
            ByteBuffer rr = ByteBuffer.allocate(10 + ip.length);
            // RFC 6762 §10.2: the cache-flush bit on a unique record.
            rr.putShort((short) (ip.length == 4 ? TYPE_A : TYPE_AAAA)).putShort((short) (0x8000 | CLASS_IN))
                    .putInt((int) r.ttlSeconds()).putShort((short) ip.length).put(ip);
            out.writeBytes(rr.array());
        }
        return out.toByteArray();
    }

    private static void writeName(ByteArrayOutputStream out, String name) {
        for (String label : name.split("\\.")) {
            byte[] b = label.getBytes(StandardCharsets.UTF_8);
            if (b.length == 0 || b.length > 63) {
                throw new IllegalArgumentException("bad DNS label in '" + name + "'");
            }
            out.write(b.length);
            out.writeBytes(b);
        }
        out.write(0);
    }

    /** Decodes a datagram; empty when it is not a well-formed DNS message. */
    public static Optional<MdnsMessage> decode(ByteBuffer datagram) {
        try {
            ByteBuffer in = datagram.slice();
            if (in.remaining() < 12) {
                return Optional.empty();
            }
            in.getShort();
            int flags = in.getShort() & 0xFFFF;
            int qd = in.getShort() & 0xFFFF;
            int an = in.getShort() & 0xFFFF;
            in.getShort();
            in.getShort();
            if ((flags & 0x7800) != 0) {
                return Optional.empty(); // RFC 6762 §18.3: only standard queries
            }
            List<Question> questions = new ArrayList<>();
            for (int i = 0; i < qd; i++) {
                String name = readName(in);
                int type = in.getShort() & 0xFFFF;
                in.getShort();
                questions.add(new Question(name, type));
            }
            List<AddressRecord> answers = new ArrayList<>();
            for (int i = 0; i < an; i++) {
                String name = readName(in);
                int type = in.getShort() & 0xFFFF;
                in.getShort();
                long ttl = in.getInt() & 0xFFFF_FFFFL;
                int len = in.getShort() & 0xFFFF;
                if (len > in.remaining()) {
                    return Optional.empty();
                }
                byte[] rdata = new byte[len];
                in.get(rdata);
                if ((type == TYPE_A && len == 4) || (type == TYPE_AAAA && len == 16)) {
                    InetAddress ip = InetAddress.getByAddress(rdata);
                    if (type == TYPE_AAAA && ip instanceof Inet4Address) {
                        continue;
                    }
                    answers.add(new AddressRecord(name, ip, ttl));
                }
            }
            return Optional.of(new MdnsMessage((flags & 0x8000) != 0, questions, answers));
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException
                | UnknownHostException e) {
            return Optional.empty();
        }
    }

    // RFC 1035 §4.1.4: labels, or a pointer to a name earlier in the message.
    private static String readName(ByteBuffer in) {
        StringBuilder name = new StringBuilder();
        int pos = in.position();
        int jumps = 0;
        boolean jumped = false;
        while (true) {
            int len = in.get(pos) & 0xFF;
            if ((len & 0xC0) == 0xC0) {
                if (++jumps > 16) {
                    throw new IllegalArgumentException("DNS name pointer loop");
                }
                int target = ((len & 0x3F) << 8) | (in.get(pos + 1) & 0xFF);
                if (!jumped) {
                    in.position(pos + 2);
                    jumped = true;
                }
                pos = target;
                continue;
            }
            if ((len & 0xC0) != 0) {
                throw new IllegalArgumentException("bad DNS label length");
            }
            if (len == 0) {
                if (!jumped) {
                    in.position(pos + 1);
                }
                break;
            }
            byte[] label = new byte[len];
            in.get(pos + 1, label);
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(label, StandardCharsets.UTF_8));
            if (name.length() > 255) {
                throw new IllegalArgumentException("DNS name too long");
            }
            pos += 1 + len;
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }
}
