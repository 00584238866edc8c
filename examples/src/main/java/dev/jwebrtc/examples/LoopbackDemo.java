package dev.jwebrtc.examples;

import dev.jwebrtc.RTCConfiguration;
import dev.jwebrtc.RTCDataChannel;
import dev.jwebrtc.RTCIceGatheringState;
import dev.jwebrtc.RTCPeerConnection;
import dev.jwebrtc.RTCPeerConnectionFactory;
import dev.jwebrtc.RTCSettings;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two peer connections in one JVM over real UDP on 127.0.0.1: offer/answer, ICE, DTLS, SCTP, a data channel, then a
 * bulk transfer with flow control on {@code bufferedAmount} (the same protocol as {@code shared/bench}: 64 KiB
 * messages, at most 1 MiB buffered, resume below 256 KiB), checked with SHA-256 at the receiving end.
 */
public final class LoopbackDemo {

    private static final int MESSAGE = 64 * 1024;
    private static final long HIGH = 1024 * 1024;
    private static final long LOW = 256 * 1024;

    private LoopbackDemo() {}

    public static void main(String[] args) throws Exception {
        long megabytes = 100;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--megabytes") && i + 1 < args.length) {
                megabytes = Long.parseLong(args[++i]);
            }
        }
        long total = megabytes * 1024 * 1024;
        RTCSettings loopback = RTCSettings.builder().bindAddresses(List.of(InetAddress.getLoopbackAddress())).build();
        try (RTCPeerConnectionFactory factory = RTCPeerConnectionFactory.create(loopback, 2)) {
            factory.certificate(); // made once and shared; not part of the setup time
            Peer a = new Peer();
            Peer b = new Peer();
            RTCPeerConnection pcA = factory.createPeerConnection(RTCConfiguration.DEFAULT, a);
            RTCPeerConnection pcB = factory.createPeerConnection(RTCConfiguration.DEFAULT, b);
            RTCDataChannel sender = pcA.createDataChannel("bench");
            CompletableFuture<Void> senderOpen = new CompletableFuture<>();
            CompletableFuture<Void> lowWater = new CompletableFuture<>();
            Receiver receiver = new Receiver(total);
            b.onChannel = receiver;

            long t0 = System.nanoTime();
            sender.setListener(new RTCDataChannel.Listener() {
                @Override
                public void onOpen(RTCDataChannel channel) {
                    senderOpen.complete(null);
                }
            });
            pcA.setLocalDescription().get(10, TimeUnit.SECONDS);
            a.gathered.get(10, TimeUnit.SECONDS);
            pcB.setRemoteDescription(pcA.localDescription()).get(10, TimeUnit.SECONDS);
            pcB.setLocalDescription().get(10, TimeUnit.SECONDS);
            b.gathered.get(10, TimeUnit.SECONDS);
            pcA.setRemoteDescription(pcB.localDescription()).get(10, TimeUnit.SECONDS);
            senderOpen.get(30, TimeUnit.SECONDS);
            receiver.open.get(30, TimeUnit.SECONDS);
            double setupMs = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "connected over %s <-> %s; data channel open after %.1f ms%n",
                    pcA.localSockets(), pcB.localSockets(), setupMs);

            sender.setBufferedAmountLowThreshold(LOW);
            AtomicLong wakeups = new AtomicLong();
            Object signal = new Object();
            sender.setListener(new RTCDataChannel.Listener() {
                @Override
                public void onBufferedAmountLow(RTCDataChannel channel) {
                    wakeups.incrementAndGet();
                    synchronized (signal) {
                        signal.notifyAll();
                    }
                }
            });
            byte[] chunk = new byte[MESSAGE];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (byte) (i * 31 + 7);
            }
            long start = System.nanoTime();
            long sent = 0;
            Progress progress = new Progress(total);
            while (sent < total) {
                while (sender.bufferedAmount() > HIGH) {
                    synchronized (signal) {
                        signal.wait(20);
                    }
                }
                int size = (int) Math.min(MESSAGE, total - sent);
                sender.send(ByteBuffer.wrap(chunk, 0, size));
                sent += size;
                progress.show(receiver.bytes.get());
            }
            receiver.done.get(120, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.show(receiver.bytes.get());
            System.out.println();
            MessageDigest expected = MessageDigest.getInstance("SHA-256");
            for (long s = 0; s < total; s += MESSAGE) {
                expected.update(chunk, 0, (int) Math.min(MESSAGE, total - s));
            }
            boolean intact = MessageDigest.isEqual(expected.digest(), receiver.sha256.digest());
            System.out.printf(Locale.ROOT, "sent %d MB in %.2f s: %.0f Mbit/s, SHA-256 %s%n", megabytes, seconds,
                    total * 8 / seconds / 1e6, intact ? "matches" : "DIFFERS");
            System.out.printf(Locale.ROOT, "sender: %d messages, %d bytes; receiver: %d messages, %d bytes; "
                    + "%d buffered-amount-low wakeups%n", sender.messagesSent(), sender.bytesSent(),
                    receiver.messages.get(), receiver.bytes.get(), wakeups.get());
            pcA.close();
            pcB.close();
            if (!intact) {
                System.exit(1);
            }
        }
    }

    private static final class Peer implements RTCPeerConnection.Listener {
        final CompletableFuture<Void> gathered = new CompletableFuture<>();
        volatile RTCDataChannel.Listener onChannel;

        @Override
        public void onIceGatheringStateChange(RTCIceGatheringState state) {
            if (state == RTCIceGatheringState.COMPLETE) {
                gathered.complete(null);
            }
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            channel.setListener(onChannel);
        }
    }

    private static final class Receiver implements RTCDataChannel.Listener {
        final CompletableFuture<Void> open = new CompletableFuture<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong messages = new AtomicLong();
        final MessageDigest sha256;
        private final long expected;

        Receiver(long expected) throws Exception {
            this.expected = expected;
            this.sha256 = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public void onOpen(RTCDataChannel channel) {
            open.complete(null);
        }

        @Override
        public void onMessage(RTCDataChannel channel, ByteBuffer binary) {
            messages.incrementAndGet();
            long now = bytes.addAndGet(binary.remaining());
            sha256.update(binary);
            if (now >= expected) {
                done.complete(null);
            }
        }
    }

    /** A one-line progress bar on the terminal. */
    private static final class Progress {
        private final long total;
        private long lastShown;

        Progress(long total) {
            this.total = total;
        }

        void show(long done) {
            long now = System.nanoTime();
            if (now - lastShown < 200_000_000L && done < total) {
                return;
            }
            lastShown = now;
            int width = 40;
            int filled = (int) (width * done / total);
            System.out.printf(Locale.ROOT, "\r[%s%s] %3d%%", "#".repeat(filled), " ".repeat(width - filled),
                    100 * done / total);
            System.out.flush();
        }
    }
}
