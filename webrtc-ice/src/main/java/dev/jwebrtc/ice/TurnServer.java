package dev.jwebrtc.ice;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A TURN server to allocate a relayed candidate on (RFC 8656, UDP transport), with long-term credentials.
 *
 * @param address the server's resolved UDP address
 * @param username the long-term user name
 * @param password the long-term password
 */
public record TurnServer(InetSocketAddress address, String username, String password) {

    public TurnServer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("TURN server address must be resolved by the caller: " + address);
        }
    }

    @Override
    public String toString() {
        return "TurnServer[" + address + ", user=" + username + "]";
    }
}
