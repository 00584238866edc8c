package dev.jwebrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The AES-GCM adapter BC's record layer uses, against the GCM specification's own test case 4. */
class JdkAesGcmCipherTest {

    // McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", test case 4 (AES-128, 60-byte text, 20-byte AAD)
    private static final byte[] KEY = hex("feffe9928665731c6d6a8f9467308308");
    private static final byte[] IV = hex("cafebabefacedbaddecaf888");
    private static final byte[] AAD = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    private static final byte[] PLAIN = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    private static final byte[] SEALED = hex("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
            + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"
            + "5bc94fbc3221a5db94fae95ae7121a47");

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static JdkAesGcmCipher keyed(boolean encrypting) throws Exception {
        JdkAesGcmCipher c = new JdkAesGcmCipher(16, encrypting);
        byte[] padded = new byte[KEY.length + 5];
        System.arraycopy(KEY, 0, padded, 3, KEY.length); // key given at an offset, as BC's key block does
        c.setKey(padded, 3, KEY.length);
        return c;
    }

    @Test
    void sealsAndOpensTheSpecificationVectorAtOffsets() throws Exception {
        JdkAesGcmCipher seal = keyed(true);
        seal.init(IV.clone(), 16);
        assertEquals(SEALED.length, seal.getOutputSize(PLAIN.length));
        byte[] in = new byte[PLAIN.length + 7];
        System.arraycopy(PLAIN, 0, in, 7, PLAIN.length);
        byte[] out = new byte[SEALED.length + 13];
        assertEquals(SEALED.length, seal.doFinal(AAD, in, 7, PLAIN.length, out, 13));
        assertArrayEquals(SEALED, Arrays.copyOfRange(out, 13, out.length));

        JdkAesGcmCipher open = keyed(false);
        open.init(IV.clone(), 16);
        byte[] opened = new byte[PLAIN.length];
        assertEquals(PLAIN.length, open.doFinal(AAD, SEALED, 0, SEALED.length, opened, 0));
        assertArrayEquals(PLAIN, opened);
    }

    @Test
    void aWrongTagOrAadIsRejectedTheWayBcExpects() throws Exception {
        // BC's TlsAEADCipher maps a RuntimeException from the adapter to bad_record_mac (the record is dropped).
        JdkAesGcmCipher open = keyed(false);
        byte[] tampered = SEALED.clone();
        tampered[tampered.length - 1] ^= 1;
        open.init(IV.clone(), 16);
        assertThrows(IllegalStateException.class,
                () -> open.doFinal(AAD, tampered, 0, tampered.length, new byte[PLAIN.length], 0));
        byte[] otherAad = AAD.clone();
        otherAad[0] ^= 1;
        open.init(IV.clone(), 16);
        assertThrows(IllegalStateException.class,
                () -> open.doFinal(otherAad, SEALED, 0, SEALED.length, new byte[PLAIN.length], 0));
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() throws Exception {
        JdkAesGcmCipher c = new JdkAesGcmCipher(32, true);
        assertThrows(IllegalStateException.class, () -> c.setKey(KEY, 0, KEY.length));
        assertThrows(IllegalStateException.class, () -> c.init(IV, 16), "no key set yet");
    }
}
