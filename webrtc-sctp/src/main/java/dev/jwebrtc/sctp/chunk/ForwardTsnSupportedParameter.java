package dev.jwebrtc.sctp.chunk;

import java.nio.ByteBuffer;

/** Forward-TSN-Supported (RFC 3758 §3.1): the sender understands FORWARD TSN. Has no value. */
public record ForwardTsnSupportedParameter() implements Parameter {
    /** The only value. */
    public static final ForwardTsnSupportedParameter INSTANCE = new ForwardTsnSupportedParameter();

    @Override public int type() { return FORWARD_TSN_SUPPORTED; }
    @Override public int valueLength() { return 0; }
    @Override public void writeValue(ByteBuffer out) {}
}
