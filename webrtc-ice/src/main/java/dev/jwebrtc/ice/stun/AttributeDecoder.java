package dev.jwebrtc.ice.stun;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/** Maps an attribute type to its record's decoder. {@code null} means a known attribute with a malformed value. */
final class AttributeDecoder {

    private AttributeDecoder() {
    }

    static @Nullable StunAttribute decode(int type, ByteBuffer value, byte[] transactionId) {
        return switch (type) {
            case StunAttribute.MAPPED_ADDRESS -> MappedAddress.decode(value, transactionId);
            case StunAttribute.XOR_MAPPED_ADDRESS -> XorMappedAddress.decode(value, transactionId);
            case StunAttribute.XOR_PEER_ADDRESS -> XorPeerAddress.decode(value, transactionId);
            case StunAttribute.XOR_RELAYED_ADDRESS -> XorRelayedAddress.decode(value, transactionId);
            case StunAttribute.ALTERNATE_SERVER -> AlternateServer.decode(value, transactionId);
            case StunAttribute.USERNAME -> Username.decode(value);
            case StunAttribute.REALM -> Realm.decode(value);
            case StunAttribute.NONCE -> Nonce.decode(value);
            case StunAttribute.SOFTWARE -> Software.decode(value);
            case StunAttribute.MESSAGE_INTEGRITY -> MessageIntegrity.decode(value);
            case StunAttribute.MESSAGE_INTEGRITY_SHA256 -> MessageIntegritySha256.decode(value);
            case StunAttribute.FINGERPRINT -> Fingerprint.decode(value);
            case StunAttribute.ERROR_CODE -> ErrorCode.decode(value);
            case StunAttribute.UNKNOWN_ATTRIBUTES -> UnknownAttributes.decode(value);
            case StunAttribute.PASSWORD_ALGORITHMS -> PasswordAlgorithms.decode(value);
            case StunAttribute.PRIORITY -> Priority.decode(value);
            case StunAttribute.USE_CANDIDATE -> UseCandidate.decode(value);
            case StunAttribute.ICE_CONTROLLED -> IceControlled.decode(value);
            case StunAttribute.ICE_CONTROLLING -> IceControlling.decode(value);
            case StunAttribute.LIFETIME -> Lifetime.decode(value);
            case StunAttribute.DATA -> Data.decode(value);
            case StunAttribute.REQUESTED_TRANSPORT -> RequestedTransport.decode(value);
            case StunAttribute.CHANNEL_NUMBER -> ChannelNumber.decode(value);
            case StunAttribute.DONT_FRAGMENT -> DontFragment.decode(value);
            default -> UnknownAttribute.decode(type, value);
        };
    }
}
