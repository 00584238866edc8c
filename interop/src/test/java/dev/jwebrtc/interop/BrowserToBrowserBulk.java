package dev.jwebrtc.interop;

import java.util.Map;

/** Chromium to Chromium in one page (peer.html's {@code bulkBrowserToBrowser}), the throughput tests' baseline. */
final class BrowserToBrowserBulk {

    private BrowserToBrowserBulk() {}

    /** Runs one transfer in the page; returns {@code {mbps, ms}}. */
    static Map<?, ?> run(Chromium chromium, int total) {
        return (Map<?, ?>) chromium.eval("bulkBrowserToBrowser(args[0])", total);
    }
}
