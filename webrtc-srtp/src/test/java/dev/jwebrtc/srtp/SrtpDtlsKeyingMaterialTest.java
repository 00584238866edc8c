package dev.jwebrtc.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 5764 §4.2: the exported keying material splits into the client's and the server's write keys and salts. */
class SrtpDtlsKeyingMaterialTest {

    private static byte[] material(SrtpProfile profile) {
        byte[] m = new byte[profile.keyingMaterialLength()];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (i * 13 + 1);
        }
        return m;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void whatTheClientSendsTheServerUnprotectsAndViceVersa(SrtpProfile profile) {
        byte[] m = material(profile);
        SrtpContextPair client = SrtpContext.fromDtlsKeyingMaterial(profile, m, SrtpRole.CLIENT);
        SrtpContextPair server = SrtpContext.fromDtlsKeyingMaterial(profile, m, SrtpRole.SERVER);
        byte[] rtp = TestPackets.rtp(1234, 1, 160);
        byte[][] plain = new byte[1][];
        assertEquals(SrtpResult.OK, TestPackets.unprotectRtp(server.remote(), TestPackets.protectRtp(client.local(), rtp),
                plain));
        assertArrayEquals(rtp, plain[0]);
        assertEquals(SrtpResult.OK, TestPackets.unprotectRtp(client.remote(), TestPackets.protectRtp(server.local(), rtp),
                plain));
        assertEquals(SrtpResult.OK, TestPackets.unprotectRtcp(server.remote(),
                TestPackets.protectRtcp(client.local(), TestPackets.rtcp(1234, 0))));
        // The two directions use different keys: a packet cannot be reflected back to its sender.
        assertEquals(SrtpResult.AUTH_FAILED, TestPackets.unprotectRtp(client.remote(),
                TestPackets.protectRtp(SrtpContext.fromDtlsKeyingMaterial(profile, m, SrtpRole.CLIENT).local(),
                        TestPackets.rtp(1234, 2, 160))));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theLayoutIsClientKeyServerKeyClientSaltServerSalt(SrtpProfile profile) {
        byte[] m = material(profile);
        int k = profile.keyLength();
        int s = profile.saltLength();
        SrtpContext clientByHand = SrtpContext.create(profile, Arrays.copyOfRange(m, 0, k),
                Arrays.copyOfRange(m, 2 * k, 2 * k + s));
        SrtpContext serverByHand = SrtpContext.create(profile, Arrays.copyOfRange(m, k, 2 * k),
                Arrays.copyOfRange(m, 2 * k + s, 2 * k + 2 * s));
        SrtpContextPair client = SrtpContext.fromDtlsKeyingMaterial(profile, m, SrtpRole.CLIENT);
        byte[] rtp = TestPackets.rtp(99, 7, 40);
        assertArrayEquals(TestPackets.protectRtp(clientByHand, rtp), TestPackets.protectRtp(client.local(), rtp));
        assertArrayEquals(TestPackets.protectRtp(serverByHand, rtp),
                TestPackets.protectRtp(SrtpContext.fromDtlsKeyingMaterial(profile, m, SrtpRole.SERVER).local(), rtp));
        assertEquals(SrtpResult.OK, TestPackets.unprotectRtp(client.remote(), TestPackets.protectRtp(
                SrtpContext.create(profile, Arrays.copyOfRange(m, k, 2 * k),
                        Arrays.copyOfRange(m, 2 * k + s, 2 * k + 2 * s)), rtp)));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void materialOfTheWrongLengthIsRefusedByName(SrtpProfile profile) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SrtpContext
                .fromDtlsKeyingMaterial(profile, new byte[profile.keyingMaterialLength() - 1], SrtpRole.CLIENT));
        assertTrue(e.getMessage().contains(profile.name()), e.getMessage());
        assertTrue(e.getMessage().contains(Integer.toString(profile.keyingMaterialLength())), e.getMessage());
    }
}
