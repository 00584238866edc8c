package dev.jwebrtc.dtls.internal;

import java.nio.ByteBuffer;

/**
 * Cheap structural checks of DTLS 1.0/1.2 record framing (RFC 6347 §4.1), done on the caller's thread before a
 * datagram reaches Bouncy Castle, so that garbage is counted and dropped without waking a handshake.
 */
public final class DtlsRecords {

    /** RFC 6347 §4.1: type(1) version(2) epoch(2) sequence_number(6) length(2). */
    public static final int HEADER_LENGTH = 13;

    /** RFC 6347 §4.1 / RFC 5246 §6.2.3: a ciphertext fragment is at most 2^14 + 2048 bytes. */
    public static final int MAX_FRAGMENT_LENGTH = (1 << 14) + 2048;

    /** RFC 5246 §6.2.1: ContentType change_cipher_spec(20) .. heartbeat(24, RFC 6520). */
    private static final int MIN_CONTENT_TYPE = 20;
    private static final int MAX_CONTENT_TYPE = 24;

    private static final int HANDSHAKE = 22;
    private static final int CLIENT_HELLO = 1;

    private DtlsRecords() {
    }

    /**
     * The number of records the datagram holds, or -1 if it is not exactly a non-empty sequence of well-formed
     * DTLS 1.x records (unknown content type, a version that is not DTLS, a fragment that is empty, too long, or
     * truncated).
     */
    public static int countRecords(ByteBuffer datagram) {
        int pos = datagram.position();
        int end = datagram.limit();
        int records = 0;
        while (pos < end) {
            if (end - pos < HEADER_LENGTH) {
                return -1;
            }
            int type = datagram.get(pos) & 0xFF;
            int major = datagram.get(pos + 1) & 0xFF;
            int length = ((datagram.get(pos + 11) & 0xFF) << 8) | (datagram.get(pos + 12) & 0xFF);
            // RFC 6347 §4.1: DTLS versions are the 1's complement of TLS ones, so the major byte is 0xFE.
            if (type < MIN_CONTENT_TYPE || type > MAX_CONTENT_TYPE || major != 0xFE) {
                return -1;
            }
            if (length == 0 || length > MAX_FRAGMENT_LENGTH || end - pos - HEADER_LENGTH < length) {
                return -1;
            }
            pos += HEADER_LENGTH + length;
            records++;
        }
        return records == 0 ? -1 : records;
    }

    /** Whether the first record is an epoch-0 handshake record carrying (the start of) a ClientHello. */
    public static boolean startsWithClientHello(ByteBuffer datagram) {
        int pos = datagram.position();
        if (datagram.limit() - pos < HEADER_LENGTH + 1) {
            return false;
        }
        int epoch = ((datagram.get(pos + 3) & 0xFF) << 8) | (datagram.get(pos + 4) & 0xFF);
        return (datagram.get(pos) & 0xFF) == HANDSHAKE && epoch == 0
                && (datagram.get(pos + HEADER_LENGTH) & 0xFF) == CLIENT_HELLO;
    }
}
