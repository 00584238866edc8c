package dev.jwebrtc.interop;

import dev.jwebrtc.RTCPeerConnectionFactory;
import dev.jwebrtc.RTCSettings;
import dev.jwebrtc.testkit.junit.CheckThreadsAfterAll;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One Chromium with the test page, and one jwebrtc factory bound to 127.0.0.1, shared by the tests of a class
 * (starting Chromium takes about a second). Threads are checked after the class, since the factory's loops start
 * lazily in its first test.
 */
@CheckThreadsAfterAll
abstract class ChromiumFixture {

    static PageServer pages;
    static Chromium chromium;
    static RTCPeerConnectionFactory factory;

    @BeforeAll
    static void startChromiumAndFactory() {
        pages = new PageServer();
        chromium = Chromium.launch();
        chromium.navigate(pages.url("peer.html"));
        factory = RTCPeerConnectionFactory.create(
                RTCSettings.builder().bindAddresses(List.of(InetAddress.getLoopbackAddress())).build(), 1);
    }

    @AfterAll
    static void stopChromiumAndFactory() {
        if (factory != null) {
            factory.close();
        }
        if (chromium != null) {
            chromium.close();
        }
        if (pages != null) {
            pages.close();
        }
    }
}
