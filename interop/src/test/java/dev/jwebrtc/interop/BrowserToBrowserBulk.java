package dev.jwebrtc.interop;

import java.util.Map;

/**
 * Chromium to Chromium in one page, the baseline of the throughput tests: {@code total} bytes in 64 KiB messages on one
 * channel with the same flow control as the Java senders (refill below 1 MiB buffered) and the same receive work (a
 * checksum of every word).
 */
final class BrowserToBrowserBulk {

    /**
     * peer.html's bulkBrowserToBrowser, but without trickle: it hands each candidate to the other connection as it
     * appears, which fails when the other side has no remote description yet, and then the run hangs now and then on
     * a loaded machine. Here each side's description goes over only once gathering is complete.
     */
    private static final String SCRIPT = String.join("\n",
            "(window.bulkNonTrickle = async function (total) {",
            "  const a = new RTCPeerConnection(), b = new RTCPeerConnection();",
            "  const gathered = pc => new Promise(r => { if (pc.iceGatheringState === 'complete') r();",
            "    else pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && r()); });",
            "  const dc = a.createDataChannel('bulk');",
            "  dc.binaryType = 'arraybuffer';",
            "  const opened = new Promise(r => dc.onopen = r);",
            "  const received = new Promise(resolve => {",
            "    b.ondatachannel = e => { let n = 0, t0 = 0, sum = 0; e.channel.binaryType = 'arraybuffer';",
            "      e.channel.onmessage = m => {",
            "        if (!t0) t0 = performance.now();",
            "        const v = new DataView(m.data);",
            "        for (let i = 0; i + 4 <= v.byteLength; i += 4) sum = (sum + v.getUint32(i, true)) >>> 0;",
            "        n += m.data.byteLength; if (n >= total) resolve(); }; };",
            "  });",
            "  await a.setLocalDescription(await a.createOffer()); await gathered(a);",
            "  await b.setRemoteDescription(a.localDescription);",
            "  await b.setLocalDescription(await b.createAnswer()); await gathered(b);",
            "  await a.setRemoteDescription(b.localDescription);",
            "  await opened;",
            "  dc.bufferedAmountLowThreshold = 256 * 1024;",
            "  const chunk = new Uint8Array(65536);",
            "  const t0 = performance.now();",
            "  let sent = 0;",
            "  while (sent < total) {",
            "    if (dc.bufferedAmount > 1024 * 1024) { await new Promise(r => dc.onbufferedamountlow = r); continue; }",
            "    dc.send(chunk); sent += chunk.byteLength;",
            "  }",
            "  await received;",
            "  const ms = performance.now() - t0;",
            "  a.close(); b.close();",
            "  return { mbps: total * 8 / ms / 1000, ms };",
            "}, true)");

    private BrowserToBrowserBulk() {}

    /** Runs one transfer in the page; returns {@code {mbps, ms}}. */
    static Map<?, ?> run(Chromium chromium, int total) {
        chromium.eval(SCRIPT);
        return (Map<?, ?>) chromium.eval("bulkNonTrickle(args[0])", total);
    }
}
