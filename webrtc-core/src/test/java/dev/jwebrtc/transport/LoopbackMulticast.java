package dev.jwebrtc.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Whether mDNS can work on the loopback interface of this machine: a socket bound to 224.0.0.251:5353 with address
 * reuse, joined on {@code lo}, hears an empty mDNS query (a 12-byte header of zeros, which any responder ignores)
 * sent to the group on {@code lo}. Nothing leaves the loopback interface: the sending interface is pinned to it.
 */
public final class LoopbackMulticast {

    /** Why tests skip when the probe fails. */
    public static final String SKIP_REASON = "multicast on the loopback interface does not work here (no 'lo' "
            + "interface, port 5353 held without address reuse, or the kernel refuses the group on lo); mDNS needs it "
            + "to stay on loopback. Run in a network namespace whose lo carries multicast.";

    private static volatile Boolean works;

    private LoopbackMulticast() {}

    /** The loopback interface, or null. */
    public static NetworkInterface loopbackInterface() throws IOException {
        return NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
    }

    /** Probes once per JVM. */
    public static boolean works() {
        Boolean w = works;
        if (w == null) {
            w = probe();
            works = w;
        }
        return w;
    }

    private static boolean probe() {
        InetSocketAddress group = new InetSocketAddress(MdnsSockets.GROUP.getAddress(), 5353);
        try (DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET)) {
            NetworkInterface lo = loopbackInterface();
            if (lo == null) {
                return false;
            }
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            try {
                channel.bind(group);
            } catch (IOException e) {
                channel.bind(new InetSocketAddress(5353));
            }
            channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, lo);
            channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            channel.join(group.getAddress(), lo);
            channel.send(ByteBuffer.allocate(12), group);
            channel.socket().setSoTimeout(2000);
            java.net.DatagramPacket in = new java.net.DatagramPacket(new byte[512], 512);
            while (true) { // until our probe arrives, or the timeout throws
                channel.socket().receive(in);
                if (in.getLength() == 12 && in.getAddress().isLoopbackAddress()) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
