package dev.jwebrtc.dtls;

import java.util.Arrays;
import java.util.Objects;

/**
 * SRTP master keys and salts exported from a completed DTLS handshake (RFC 5764 §4.2), ready for an SRTP context.
 *
 * <p>The client's key and salt protect what the DTLS client sends; the server's protect what the server sends.
 * {@link #localKey()} and friends pick the right pair for this endpoint's {@link #role()}. Arrays are copied in and
 * out; {@link #toString()} never prints key material.
 *
 * @param profile the negotiated protection profile
 * @param role this endpoint's DTLS role
 * @param clientKey client_write_SRTP_master_key
 * @param clientSalt client_write_SRTP_master_salt
 * @param serverKey server_write_SRTP_master_key
 * @param serverSalt server_write_SRTP_master_salt
 */
public record DtlsSrtpKeys(SrtpProfile profile, DtlsRole role, byte[] clientKey, byte[] clientSalt,
                           byte[] serverKey, byte[] serverSalt) {

    public DtlsSrtpKeys {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(role, "role");
        clientKey = checked(clientKey, profile.keyLength(), "clientKey");
        serverKey = checked(serverKey, profile.keyLength(), "serverKey");
        clientSalt = checked(clientSalt, profile.saltLength(), "clientSalt");
        serverSalt = checked(serverSalt, profile.saltLength(), "serverSalt");
    }

    private static byte[] checked(byte[] value, int length, String name) {
        Objects.requireNonNull(value, name);
        if (value.length != length) {
            throw new IllegalArgumentException(name + " must have " + length + " bytes, got " + value.length);
        }
        return value.clone();
    }

    /**
     * Splits exporter output laid out as RFC 5764 §4.2 specifies:
     * client key | server key | client salt | server salt.
     */
    public static DtlsSrtpKeys fromKeyingMaterial(SrtpProfile profile, DtlsRole role, byte[] material) {
        if (material.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException(profile + " needs " + profile.keyingMaterialLength()
                    + " bytes of keying material, got " + material.length);
        }
        int k = profile.keyLength();
        int s = profile.saltLength();
        return new DtlsSrtpKeys(profile, role,
                Arrays.copyOfRange(material, 0, k),
                Arrays.copyOfRange(material, 2 * k, 2 * k + s),
                Arrays.copyOfRange(material, k, 2 * k),
                Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s));
    }

    @Override
    public byte[] clientKey() {
        return clientKey.clone();
    }

    @Override
    public byte[] clientSalt() {
        return clientSalt.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    @Override
    public byte[] serverSalt() {
        return serverSalt.clone();
    }

    /** The key this endpoint protects outgoing SRTP with. */
    public byte[] localKey() {
        return role == DtlsRole.CLIENT ? clientKey() : serverKey();
    }

    /** The salt this endpoint protects outgoing SRTP with. */
    public byte[] localSalt() {
        return role == DtlsRole.CLIENT ? clientSalt() : serverSalt();
    }

    /** The key incoming SRTP from the peer is protected with. */
    public byte[] remoteKey() {
        return role == DtlsRole.CLIENT ? serverKey() : clientKey();
    }

    /** The salt incoming SRTP from the peer is protected with. */
    public byte[] remoteSalt() {
        return role == DtlsRole.CLIENT ? serverSalt() : clientSalt();
    }

    /** The same keys as seen from the other side of the handshake. */
    public DtlsSrtpKeys forPeer() {
        return new DtlsSrtpKeys(profile, role == DtlsRole.CLIENT ? DtlsRole.SERVER : DtlsRole.CLIENT,
                clientKey, clientSalt, serverKey, serverSalt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DtlsSrtpKeys k && k.profile == profile && k.role == role
                && Arrays.equals(k.clientKey, clientKey) && Arrays.equals(k.clientSalt, clientSalt)
                && Arrays.equals(k.serverKey, serverKey) && Arrays.equals(k.serverSalt, serverSalt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, role, Arrays.hashCode(clientKey), Arrays.hashCode(serverKey));
    }

    @Override
    public String toString() {
        return "DtlsSrtpKeys[" + profile + ", " + role + ", keys redacted]";
    }
}
