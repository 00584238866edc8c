package dev.jwebrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Replays the real ClientHello of Chromium 156 (DTLS 1.3-capable, X25519MLKEM768 key share, about 1.4 KB split in
 * two handshake fragments, captured on loopback) into a server endpoint, and checks the DTLS 1.2 answer byte by byte.
 */
class ChromiumClientHelloInteropTest {

    private static byte[] hex(String resource) throws IOException {
        try (InputStream in = ChromiumClientHelloInteropTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
    }

    /** One handshake message found in the server's datagrams: type and body (fragments of one record each). */
    private record Message(int type, byte[] body) {
    }

    @Test
    void fragmentedChromiumClientHelloIsReassembledAndAnsweredWithDtls12ServerHello() throws Exception {
        byte[] first = hex("chromium156-dtls-clienthello-datagram-1.hex");
        byte[] second = hex("chromium156-dtls-clienthello-datagram-2.hex");
        // The two datagrams really are two fragments of one ClientHello (RFC 6347 §4.2.3).
        assertEquals(1, first[13]);
        assertEquals(1, second[13]);
        assertTrue(u24(second, 13 + 6) > 0, "second datagram starts at a non-zero fragment offset");

        Semaphore wake = new Semaphore(0);
        DtlsConfig config = DtlsConfig.builder(DtlsRole.SERVER, TestCertificates.EC_B)
                .remoteFingerprint(TestCertificates.EC_A.fingerprint()) // Chromium's cert is not in the capture
                .build();
        List<byte[]> sent = new ArrayList<>();
        try (DtlsEndpoint server = new DtlsEndpoint(config, wake::release)) {
            server.handleReceive(1_000, ByteBuffer.wrap(first));
            server.handleReceive(2_000, ByteBuffer.wrap(second));
            assertEquals(DtlsState.CONNECTING, server.state());
            assertEquals(0, server.stats().malformedDatagrams());

            Map<Integer, Message> messages = new HashMap<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!messages.containsKey(14)) { // ServerHelloDone ends the flight
                if (System.nanoTime() - deadline > 0) {
                    fail("no complete server flight; got messages " + messages.keySet() + ", events "
                            + server.pollEvent());
                }
                wake.tryAcquire(20, TimeUnit.MILLISECONDS);
                DtlsTransmit t;
                while ((t = server.pollTransmit()) != null) {
                    byte[] d = t.bytes();
                    sent.add(d);
                    collect(d, messages);
                }
            }

            for (byte[] d : sent) {
                assertEquals(22, d[0] & 0xFF, "handshake records only");
                assertEquals(0xFEFD, u16(d, 1), "record version DTLS 1.2");
                assertEquals(0, u16(d, 3), "epoch 0");
                assertTrue(d.length <= DtlsConfig.DEFAULT_MTU);
            }

            // RFC 5246 §7.4.1.3 ServerHello: version, random, session_id, cipher_suite, compression, extensions
            byte[] hello = messages.get(2).body();
            assertEquals(0xFEFD, u16(hello, 0), "server_version DTLS 1.2 although Chromium offered DTLS 1.3");
            int pos = 2 + 32;
            pos += 1 + (hello[pos] & 0xFF);
            assertEquals(0xC02B, u16(hello, pos), "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
            assertEquals(0, hello[pos + 2], "null compression");
            Map<Integer, byte[]> extensions = extensions(hello, pos + 3);
            // RFC 5764 §4.1.1: use_srtp with exactly one profile, empty MKI; our preference AEAD_AES_128_GCM
            byte[] useSrtp = extensions.get(14);
            assertNotNull(useSrtp, "use_srtp extension present; got " + extensions.keySet());
            assertEquals("0002000700", HexFormat.of().formatHex(useSrtp));
            assertTrue(extensions.containsKey(23), "extended_master_secret (RFC 7627)");
            assertTrue(extensions.containsKey(0xFF01), "renegotiation_info (RFC 5746)");
            assertTrue(!extensions.containsKey(43), "no supported_versions: this is not a DTLS 1.3 ServerHello");

            // RFC 8422 §5.4 ServerKeyExchange: named_curve(3) x25519(0x001D) - not the post-quantum hybrid
            byte[] keyExchange = messages.get(12).body();
            assertEquals(3, keyExchange[0]);
            assertEquals(0x001D, u16(keyExchange, 1));
            // the server asks for Chromium's certificate (mutual authentication)
            assertNotNull(messages.get(13), "CertificateRequest");
            assertNotNull(messages.get(11), "Certificate");
        }
    }

    /** Collects complete (single-fragment) handshake messages from a datagram of records. */
    private static void collect(byte[] d, Map<Integer, Message> messages) {
        int pos = 0;
        while (pos + 13 <= d.length) {
            int length = u16(d, pos + 11);
            int body = pos + 13;
            if ((d[pos] & 0xFF) == 22) {
                int type = d[body] & 0xFF;
                int messageLength = u24(d, body + 1);
                int fragmentOffset = u24(d, body + 6);
                int fragmentLength = u24(d, body + 9);
                if (fragmentOffset == 0 && fragmentLength == messageLength) {
                    byte[] m = new byte[messageLength];
                    System.arraycopy(d, body + 12, m, 0, messageLength);
                    messages.put(type, new Message(type, m));
                }
            }
            pos = body + length;
        }
    }

    private static Map<Integer, byte[]> extensions(byte[] hello, int at) {
        Map<Integer, byte[]> out = new HashMap<>();
        int end = at + 2 + u16(hello, at);
        int pos = at + 2;
        while (pos + 4 <= end) {
            int type = u16(hello, pos);
            int length = u16(hello, pos + 2);
            byte[] data = new byte[length];
            System.arraycopy(hello, pos + 4, data, 0, length);
            out.put(type, data);
            pos += 4 + length;
        }
        return out;
    }

    private static int u16(byte[] d, int at) {
        return ((d[at] & 0xFF) << 8) | (d[at + 1] & 0xFF);
    }

    private static int u24(byte[] d, int at) {
        return ((d[at] & 0xFF) << 16) | ((d[at + 1] & 0xFF) << 8) | (d[at + 2] & 0xFF);
    }
}
