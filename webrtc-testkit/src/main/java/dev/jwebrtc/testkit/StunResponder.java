package dev.jwebrtc.testkit;

import org.jspecify.annotations.Nullable;

/**
 * The virtual STUN server: answers a Binding request (RFC 8489 §3) with a success response carrying
 * XOR-MAPPED-ADDRESS (§14.2) and FINGERPRINT (§14.7); anything else is dropped.
 */
final class StunResponder implements VirtualServer {

    private final int port;
    private long answered;

    StunResponder(int port) {
        this.port = port;
    }

    @Override
    public boolean receive(long nowNanos, Datagram datagram, Output out) {
        if (datagram.destination().getPort() != port) {
            return false;
        }
        byte[] response = respond(datagram);
        if (response == null) {
            return false;
        }
        answered++;
        out.send(Datagram.of(datagram.destination(), datagram.source(), response));
        return true;
    }

    long answered() {
        return answered;
    }

    static byte @Nullable [] respond(Datagram request) {
        StunCodec.Message m = StunCodec.decode(request.payload());
        if (m == null || m.method() != StunCodec.BINDING || m.cls() != StunCodec.REQUEST) {
            return null;
        }
        return new StunCodec.Builder(StunCodec.BINDING, StunCodec.SUCCESS, m.transactionId())
                .xorAddress(StunCodec.XOR_MAPPED_ADDRESS, request.source())
                .fingerprintAndBuild();
    }
}
