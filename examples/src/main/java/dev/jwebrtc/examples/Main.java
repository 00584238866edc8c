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
        switch (example) {
            case "demo" -> LoopbackDemo.main(rest);
            case "echo-server" -> EchoServer.main(rest);
            case "-h", "--help", "help" -> usage(0);
            default -> {
                System.err.println("unknown example: " + example);
                usage(2);
            }
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
                                         channel message is echoed back
                """);
        System.exit(status);
    }
}
