package dev.jwebrtc.interop;

import dev.jwebrtc.RTCDataChannel;
import dev.jwebrtc.RTCIceGatheringState;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionState;
import dev.jwebrtc.RTCTrackEvent;
import dev.jwebrtc.RemoteMediaStreamTrack;
import dev.jwebrtc.rtp.codec.EncodedFrame;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;

/**
 * The Java side of an interop connection: gathering and connection futures, the channels the remote opens (text
 * messages as strings, binary ones as their size) and every remote track's frames by kind.
 */
class JavaPeer implements RTCPeerConnection.Listener, RTCDataChannel.Listener {
    final CompletableFuture<Void> gathered = new CompletableFuture<>();
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    final CompletableFuture<RTCDataChannel> open = new CompletableFuture<>();
    final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    final List<RTCTrackEvent> tracks = new CopyOnWriteArrayList<>();
    final List<EncodedFrame> video = new CopyOnWriteArrayList<>();
    final List<EncodedFrame> audio = new CopyOnWriteArrayList<>();

    @Override
    public void onIceGatheringStateChange(RTCIceGatheringState state) {
        if (state == RTCIceGatheringState.COMPLETE) {
            gathered.complete(null);
        }
    }

    @Override
    public void onConnectionStateChange(RTCPeerConnectionState state) {
        if (state == RTCPeerConnectionState.CONNECTED) {
            connected.complete(null);
        }
    }

    @Override
    public void onDataChannel(RTCDataChannel channel) {
        channel.setListener(this);
    }

    @Override
    public void onOpen(RTCDataChannel channel) {
        open.complete(channel);
    }

    @Override
    public void onMessage(RTCDataChannel channel, String text) {
        messages.add(text);
    }

    @Override
    public void onMessage(RTCDataChannel channel, ByteBuffer binary) {
        messages.add(binary.remaining());
    }

    @Override
    public void onTrack(RTCTrackEvent event) {
        tracks.add(event);
        List<EncodedFrame> sink = event.track().kind().equals("video") ? video : audio;
        event.track().setListener(new RemoteMediaStreamTrack.Listener() {
            @Override
            public void onFrame(RemoteMediaStreamTrack track, EncodedFrame frame, @Nullable String rid) {
                sink.add(frame);
            }
        });
    }
}
