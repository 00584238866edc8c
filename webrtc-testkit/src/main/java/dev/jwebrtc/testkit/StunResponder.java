package dev.jwebrtc.testkit;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * The virtual STUN server's logic: answers a Binding request (RFC 8489 §3) with a success response carrying
 * XOR-MAPPED-ADDRESS (§14.2) and FINGERPRINT (§14.7). Written here rather than taken from {@code webrtc-ice}
 * so that the testkit stays independent of the code it tests.
 */
final class StunResponder {

    static final int MAGIC_COOKIE = 0x2112A442;
    private static final int HEADER = 20;
    private static final int BINDING_REQUEST = 0x0001;
    private static final int BINDING_SUCCESS = 0x0101;
    private static final int XOR_MAPPED_ADDRESS = 0x0020;
    private static final int FINGERPRINT = 0x8028;
    private static final int FINGERPRINT_XOR = 0x5354554e;

    private StunResponder() {}

    /** The response to {@code request} as seen from {@code mapped}, or {@code null} if it is no Binding request. */
    static byte @Nullable [] respond(ByteBuffer request, InetSocketAddress mapped) {
        ByteBuffer in = request.duplicate();
        if (in.remaining() < HEADER) {
            return null;
        }
        int type = in.getShort(in.position()) & 0xffff;
        int length = in.getShort(in.position() + 2) & 0xffff;
        int cookie = in.getInt(in.position() + 4);
        if (type != BINDING_REQUEST || cookie != MAGIC_COOKIE || length % 4 != 0 || length != in.remaining() - HEADER) {
            return null;
        }
        byte[] transactionId = new byte[12];
        in.position(in.position() + 8);
        in.get(transactionId);

        byte[] ip = mapped.getAddress().getAddress();
        boolean v4 = mapped.getAddress() instanceof Inet4Address;
        int addressAttributeLength = 4 + ip.length;
        int bodyLength = 4 + addressAttributeLength + 8;
        ByteBuffer out = ByteBuffer.allocate(HEADER + bodyLength);
        out.putShort((short) BINDING_SUCCESS).putShort((short) bodyLength).putInt(MAGIC_COOKIE).put(transactionId);
        out.putShort((short) XOR_MAPPED_ADDRESS).putShort((short) addressAttributeLength);
        out.put((byte) 0).put((byte) (v4 ? 0x01 : 0x02));
        out.putShort((short) (mapped.getPort() ^ (MAGIC_COOKIE >>> 16)));
        // RFC 8489 §14.2: X-Address is the address XORed with the cookie (IPv4) or cookie || transaction id (IPv6).
        byte[] mask = ByteBuffer.allocate(16).putInt(MAGIC_COOKIE).put(transactionId).array();
        for (int i = 0; i < ip.length; i++) {
            out.put((byte) (ip[i] ^ mask[i]));
        }
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putShort((short) FINGERPRINT).putShort((short) 4).putInt((int) crc.getValue() ^ FINGERPRINT_XOR);
        return out.array();
    }
}
