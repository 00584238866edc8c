package dev.jwebrtc.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** Just enough STUN (RFC 8489) for the testkit's own tests to check the virtual STUN server. */
final class StunMessages {

    private StunMessages() {}

    static byte[] bindingRequest(byte[] transactionId) {
        return ByteBuffer.allocate(20).putShort((short) 0x0001).putShort((short) 0).putInt(0x2112A442)
                .put(transactionId).array();
    }

    /** Decodes XOR-MAPPED-ADDRESS from a Binding success response, checking FINGERPRINT on the way. */
    static InetSocketAddress xorMappedAddress(byte[] message) {
        ByteBuffer b = ByteBuffer.wrap(message);
        if (b.getShort(0) != 0x0101 || b.getShort(2) != message.length - 20) {
            throw new AssertionError("not a Binding success response");
        }
        byte[] mask = new byte[16];
        System.arraycopy(message, 4, mask, 0, 16);
        InetSocketAddress found = null;
        boolean fingerprintOk = false;
        int pos = 20;
        while (pos + 4 <= message.length) {
            int type = b.getShort(pos) & 0xffff;
            int len = b.getShort(pos + 2) & 0xffff;
            if (type == 0x0020) {
                int port = (b.getShort(pos + 6) & 0xffff) ^ 0x2112;
                int addrLen = b.get(pos + 5) == 1 ? 4 : 16;
                byte[] ip = new byte[addrLen];
                for (int i = 0; i < addrLen; i++) {
                    ip[i] = (byte) (message[pos + 8 + i] ^ mask[i]);
                }
                try {
                    found = new InetSocketAddress(InetAddress.getByAddress(ip), port);
                } catch (UnknownHostException e) {
                    throw new AssertionError(e);
                }
            } else if (type == 0x8028) {
                CRC32 crc = new CRC32();
                crc.update(message, 0, pos);
                fingerprintOk = b.getInt(pos + 4) == ((int) crc.getValue() ^ 0x5354554e);
            }
            pos += 4 + ((len + 3) & ~3);
        }
        if (found == null || !fingerprintOk) {
            throw new AssertionError("missing XOR-MAPPED-ADDRESS or bad FINGERPRINT");
        }
        return found;
    }
}
