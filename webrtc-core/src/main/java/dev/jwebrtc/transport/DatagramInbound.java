package dev.jwebrtc.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.SocketException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound handler of every UDP channel of the edge: hands each datagram to its owner (Netty releases it after
 * the call) and logs channel errors at DEBUG. ICMP port unreachable and the like surface as {@link SocketException}
 * on some platforms; they are not fatal for UDP and are not logged.
 */
final class DatagramInbound extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(DatagramInbound.class);

    private final String what;
    private final Consumer<DatagramPacket> owner;

    DatagramInbound(String what, Consumer<DatagramPacket> owner) {
        this.what = what;
        this.owner = owner;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        owner.accept(packet);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof SocketException)) {
            LOG.debug("{} error on {}: {}", what, ctx.channel().localAddress(), cause.toString());
        }
    }
}
