package dev.jwebrtc.examples;

import java.util.Arrays;

/**
 * Entry point of {@code jwebrtc-examples.jar}: {@code java -jar jwebrtc-examples.jar <example> [options]}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        String example = args.length == 0 ? "demo" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (example) {
                case "demo" -> LoopbackDemo.main(rest);
                case "echo-server" -> EchoServer.main(rest);
                case "play-from-disk" -> PlayFromDisk.main(rest);
                case "save-to-disk" -> SaveToDisk.main(rest);
                case "-h", "--help", "help" -> usage(0);
                default -> {
                    System.err.println("unknown example: " + example);
                    usage(2);
                }
            }
        } catch (IllegalArgumentException | dev.jwebrtc.rtp.media.MediaFormatException e) {
            System.err.println(example + ": " + e.getMessage());
            System.exit(2);
        }
    }

    private static void usage(int status) {
        System.out.println("""
                usage: java -jar jwebrtc-examples.jar <example> [options]

                  demo [--megabytes N]   two peer connections in this JVM over real UDP on 127.0.0.1:
                                         connect, open a data channel, send N MB (default 100), print
                                         setup time and throughput
                  echo-server [--port 8080] [--bind 127.0.0.1]
                                         HTTP server: a browser page at /, WHIP-style POST /offer
                                         (application/sdp in, 201 with the answer out); every data
                                         channel message is echoed back, every audio and video
                                         track is sent back (reflect)
                  play-from-disk [--video file.ivf] [--audio file.ogg] [--port 8080] [--bind 127.0.0.1]
                                         HTTP server: POST /offer answers with the files' tracks
                                         (looped); the page at / plays them; without files, the
                                         bundled samples
                  save-to-disk --out DIR [--port 8080] [--bind 127.0.0.1]
                                         HTTP server: POST /offer with camera and microphone,
                                         recorded to DIR/<session>-video.ivf and -audio.ogg;
                                         the page at / sends them for some seconds
                """);
        System.exit(status);
    }
}
