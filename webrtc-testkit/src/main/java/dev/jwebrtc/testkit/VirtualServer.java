package dev.jwebrtc.testkit;

/** Server logic that lives on a virtual host: the STUN responder, the TURN server. */
interface VirtualServer {

    /** Sends datagrams from the server's host. */
    interface Output {
        void send(Datagram datagram);
    }

    /**
     * Handles a datagram that reached the server's host at {@code nowNanos}.
     *
     * @return whether the server took it; {@code false} counts it as undeliverable
     */
    boolean receive(long nowNanos, Datagram datagram, Output out);
}
