package dev.jwebrtc.ice.stun;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** The shared wire form of the address attributes (RFC 8489 §14.1 MAPPED-ADDRESS, §14.2 XOR-MAPPED-ADDRESS). */
final class AddressCodec {

    static final int FAMILY_IPV4 = 0x01;
    static final int FAMILY_IPV6 = 0x02;

    private AddressCodec() {
    }

    static byte[] encode(InetSocketAddress address, boolean xor, byte[] transactionId) {
        InetAddress ip = address.getAddress();
        if (ip == null) {
            throw new IllegalArgumentException("STUN address attribute needs a resolved address: " + address);
        }
        byte[] ipBytes = ip.getAddress();
        int port = address.getPort();
        if (xor) {
            port ^= StunMessage.MAGIC_COOKIE >>> 16;
            xorAddress(ipBytes, transactionId);
        }
        ByteBuffer out = ByteBuffer.allocate(4 + ipBytes.length);
        out.put((byte) 0);
        out.put((byte) (ipBytes.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6));
        out.putShort((short) port);
        out.put(ipBytes);
        return out.array();
    }

    /** Decodes an address value; {@code null} when malformed. */
    static @Nullable InetSocketAddress decode(ByteBuffer value, boolean xor, byte[] transactionId) {
        if (value.remaining() < 4) {
            return null;
        }
        value.get(); // reserved
        int family = value.get() & 0xFF;
        int port = value.getShort() & 0xFFFF;
        int len;
        if (family == FAMILY_IPV4) {
            len = 4;
        } else if (family == FAMILY_IPV6) {
            len = 16;
        } else {
            return null;
        }
        if (value.remaining() != len) {
            return null;
        }
        byte[] ipBytes = new byte[len];
        value.get(ipBytes);
        if (xor) {
            port ^= StunMessage.MAGIC_COOKIE >>> 16;
            xorAddress(ipBytes, transactionId);
        }
        try {
            InetAddress ip = InetAddress.getByAddress(ipBytes);
            if (len == 16 && ip instanceof Inet4Address) {
                // An IPv4-mapped IPv6 address; keep the family the peer sent.
                ip = Inet6Address.getByAddress(null, ipBytes, null);
            }
            return new InetSocketAddress(ip, port);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    // RFC 8489 §14.2: X-Address is the address XOR the magic cookie (IPv4) or cookie || transaction ID (IPv6).
    private static void xorAddress(byte[] ip, byte[] transactionId) {
        for (int i = 0; i < ip.length; i++) {
            int mask = i < 4 ? (StunMessage.MAGIC_COOKIE >>> (24 - 8 * i)) & 0xFF : transactionId[i - 4] & 0xFF;
            ip[i] ^= (byte) mask;
        }
    }
}
