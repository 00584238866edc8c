package dev.jwebrtc.ice.stun;

/**
 * One STUN attribute (RFC 8489 §14, RFC 8656 §18, RFC 8445 §16.1): one record per attribute type.
 *
 * <p>Types {@code 0x0000-0x7FFF} are comprehension-required, {@code 0x8000-0xFFFF} comprehension-optional
 * (RFC 8489 §14). Types this codec does not know decode to {@link UnknownAttribute}, so they are kept and a
 * request carrying an unknown comprehension-required one can be answered with 420.
 */
public sealed interface StunAttribute
        permits MappedAddress, XorMappedAddress, Username, MessageIntegrity, MessageIntegritySha256, Fingerprint,
                ErrorCode, UnknownAttributes, Realm, Nonce, PasswordAlgorithms, Software, AlternateServer, Priority,
                UseCandidate, IceControlled, IceControlling, Lifetime, XorPeerAddress, XorRelayedAddress, Data,
                RequestedTransport, ChannelNumber, DontFragment, UnknownAttribute {

    int MAPPED_ADDRESS = 0x0001;
    int USERNAME = 0x0006;
    int MESSAGE_INTEGRITY = 0x0008;
    int ERROR_CODE = 0x0009;
    int UNKNOWN_ATTRIBUTES = 0x000A;
    int CHANNEL_NUMBER = 0x000C;
    int LIFETIME = 0x000D;
    int XOR_PEER_ADDRESS = 0x0012;
    int DATA = 0x0013;
    int REALM = 0x0014;
    int NONCE = 0x0015;
    int XOR_RELAYED_ADDRESS = 0x0016;
    int REQUESTED_TRANSPORT = 0x0019;
    int DONT_FRAGMENT = 0x001A;
    int MESSAGE_INTEGRITY_SHA256 = 0x001C;
    int XOR_MAPPED_ADDRESS = 0x0020;
    int PRIORITY = 0x0024;
    int USE_CANDIDATE = 0x0025;
    int PASSWORD_ALGORITHMS = 0x8002;
    int SOFTWARE = 0x8022;
    int ALTERNATE_SERVER = 0x8023;
    int FINGERPRINT = 0x8028;
    int ICE_CONTROLLED = 0x8029;
    int ICE_CONTROLLING = 0x802A;

    /** The attribute type code. */
    int type();

    /**
     * The value bytes, without header or padding.
     *
     * @param transactionId the message's 12-byte transaction ID (the XOR address attributes need it)
     */
    byte[] encodeValue(byte[] transactionId);

    /** Whether the type is comprehension-required (RFC 8489 §14: range 0x0000-0x7FFF). */
    static boolean isComprehensionRequired(int type) {
        return type < 0x8000;
    }
}
