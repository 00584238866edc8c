package dev.jwebrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.sctp.chunk.Chunk;
import dev.jwebrtc.sctp.chunk.ForwardTsnSupportedParameter;
import dev.jwebrtc.sctp.chunk.Parameter;
import dev.jwebrtc.sctp.chunk.SupportedExtensionsParameter;
import dev.jwebrtc.sctp.chunk.UnknownParameter;
import dev.jwebrtc.sctp.chunk.UnrecognizedParameter;
import dev.jwebrtc.sctp.chunk.ZeroChecksumAcceptableParameter;
import dev.jwebrtc.sctp.internal.StateCookie;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandshakeParametersTest {

    @Test
    void usrsctpStyleInitIsUnderstoodPastSupportedAddressTypes() {
        // usrsctp puts Supported Address Types (12, upper bits 00) and ECN (0x8000) before its extensions.
        List<Parameter> params = List.of(new UnknownParameter(12, new byte[] {0, 5}),
                new UnknownParameter(0x8000, new byte[0]), new UnknownParameter(0x8002, new byte[32]),
                ForwardTsnSupportedParameter.INSTANCE,
                new SupportedExtensionsParameter(List.of(Chunk.FORWARD_TSN, Chunk.RE_CONFIG)),
                new ZeroChecksumAcceptableParameter(1));
        int caps = Handshake.capabilities(params);
        assertEquals(StateCookie.CAP_FORWARD_TSN | StateCookie.CAP_RECONFIG | StateCookie.CAP_ZERO_CHECKSUM, caps);
        assertTrue(Handshake.unrecognized(params).isEmpty(), "0x8002 (skip, no report) and known types: no report");
    }

    @Test
    void unknownParametersFollowTheirTypeBits() {
        List<Parameter> params = List.of(new UnknownParameter(0xC123, new byte[] {1}),
                new UnknownParameter(0x4321, new byte[] {2}), ForwardTsnSupportedParameter.INSTANCE);
        // 0xC123: skip and report; 0x4321: stop and report, so FORWARD TSN after it is not seen.
        assertEquals(0, Handshake.capabilities(params));
        List<Parameter> reported = Handshake.unrecognized(params);
        assertEquals(2, reported.size());
        assertEquals(0xC1, ((UnrecognizedParameter) reported.get(0)).parameter()[0] & 0xFF);
        assertEquals(0x43, ((UnrecognizedParameter) reported.get(1)).parameter()[0] & 0xFF);
    }

    @Test
    void zeroChecksumNeedsTheDtlsMethod() {
        assertEquals(0, Handshake.capabilities(List.of(new ZeroChecksumAcceptableParameter(2))));
    }
}
