package dev.jwebrtc.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwebrtc.examples.EchoServer;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The echo-server example as a person would use it: Chromium loads its page, connects, sends, sees the echo. */
class ChromiumUsesTheEchoServerPageTest {

    @Test
    void thePageConnectsAndItsMessageComesBack() throws Exception {
        try (EchoServer.Running server = EchoServer.start(InetAddress.getLoopbackAddress(), 0);
                Chromium chromium = Chromium.launch()) {
            chromium.navigate("http://127.0.0.1:" + server.port() + "/");
            String log = awaitLog(chromium, "channel open");
            assertTrue(log.contains("connection: connected"), log);
            chromium.eval("document.getElementById('send').click()");
            log = awaitLog(chromium, "echo: hello, Java");
            assertTrue(log.contains("echo: hello, Java"), log);
        }
    }

    private static String awaitLog(Chromium chromium, String text) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String log = "";
        while (System.nanoTime() < deadline) {
            log = (String) chromium.eval("document.getElementById('log').textContent");
            if (log.contains(text)) {
                return log;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("page log never showed '" + text + "':\n" + log);
    }
}
