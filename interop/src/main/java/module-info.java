/** Interoperability harness against real peers: headless Chromium (WebDriver), coturn. */
module dev.jwebrtc.interop {
    requires static transitive org.jspecify;
    requires java.net.http;
    requires jdk.httpserver;
    requires dev.jwebrtc.core;

    exports dev.jwebrtc.interop;
}
