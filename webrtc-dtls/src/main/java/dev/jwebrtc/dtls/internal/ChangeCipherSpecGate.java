package dev.jwebrtc.dtls.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Keeps a DTLS server's record layer from switching to the client's new epoch before it has the client's
 * CertificateVerify.
 *
 * <p>Bouncy Castle switches the read epoch as soon as a ChangeCipherSpec arrives and from then on drops every epoch-0
 * record. If the client's CertificateVerify was lost but the ChangeCipherSpec behind it was not, the retransmitted
 * CertificateVerify is dropped forever and the handshake stalls until it times out (seen under 20 % loss). This gate
 * sits in front of the queue on a server: datagrams carrying a ChangeCipherSpec or records of a later epoch are held
 * back until the CertificateVerify is complete (RFC 6347 §4.1: records of a future epoch may be queued), then
 * released in arrival order. In WebRTC the client always sends a CertificateVerify, because the server requires
 * a client certificate.
 */
public final class ChangeCipherSpecGate {

    /** RFC 6347 §4.2.2: msg_type(1) length(3) message_seq(2) fragment_offset(3) fragment_length(3). */
    private static final int HANDSHAKE_HEADER = 12;
    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int HANDSHAKE = 22;
    private static final int CERTIFICATE_VERIFY = 15;
    private static final int MAX_HELD = 16;

    private final ArrayDeque<byte[]> held = new ArrayDeque<>();
    private boolean open;
    private int verifyLength = -1;
    private final BitSet verifyCoverage = new BitSet();

    /** Returns the datagrams that may go to the record layer now, in order (possibly none, possibly several). */
    public List<byte[]> admit(byte[] datagram) {
        if (open) {
            return List.of(datagram);
        }
        boolean early = scan(datagram);
        if (open) {
            List<byte[]> out = new ArrayList<>(held.size() + 1);
            out.add(datagram);
            out.addAll(held);
            held.clear();
            return out;
        }
        if (early) {
            if (held.size() == MAX_HELD) {
                held.removeFirst();
            }
            held.addLast(datagram);
            return List.of();
        }
        return List.of(datagram);
    }

    /** Whether the gate has opened. */
    public boolean isOpen() {
        return open;
    }

    /** Records CertificateVerify fragments; true if the datagram holds a record that must wait. */
    private boolean scan(byte[] d) {
        int pos = 0;
        boolean early = false;
        while (pos + DtlsRecords.HEADER_LENGTH <= d.length) {
            int type = d[pos] & 0xFF;
            int epoch = u16(d, pos + 3);
            int length = u16(d, pos + 11);
            int body = pos + DtlsRecords.HEADER_LENGTH;
            if (body + length > d.length) {
                break;
            }
            if (!open && (type == CHANGE_CIPHER_SPEC || epoch > 0)) {
                early = true;
            } else if (type == HANDSHAKE && epoch == 0) {
                noteHandshakeFragments(d, body, body + length);
            }
            pos = body + length;
        }
        return early && !open;
    }

    private void noteHandshakeFragments(byte[] d, int from, int to) {
        int pos = from;
        while (pos + HANDSHAKE_HEADER <= to) {
            int msgType = d[pos] & 0xFF;
            int length = u24(d, pos + 1);
            int offset = u24(d, pos + 6);
            int fragmentLength = u24(d, pos + 9);
            int fragment = pos + HANDSHAKE_HEADER;
            if (fragment + fragmentLength > to || offset + fragmentLength > length) {
                return; // malformed: BC will reject it, nothing to learn
            }
            if (msgType == CERTIFICATE_VERIFY && length > 0 && length < (1 << 16)) {
                if (verifyLength != length) {
                    verifyLength = length;
                    verifyCoverage.clear();
                }
                verifyCoverage.set(offset, offset + fragmentLength);
                if (verifyCoverage.nextClearBit(0) >= verifyLength) {
                    open = true;
                }
            }
            pos = fragment + fragmentLength;
        }
    }

    private static int u16(byte[] d, int at) {
        return ((d[at] & 0xFF) << 8) | (d[at + 1] & 0xFF);
    }

    private static int u24(byte[] d, int at) {
        return ((d[at] & 0xFF) << 16) | ((d[at + 1] & 0xFF) << 8) | (d[at + 2] & 0xFF);
    }
}
