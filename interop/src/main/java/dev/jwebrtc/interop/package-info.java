/**
 * Interoperability harness: drives real peers on loopback or in a network namespace the test creates
 * (headless Chromium through WebDriver or CDP, coturn for TURN) against jwebrtc. The tests run only with
 * the {@code interop} Maven profile, which CI enables after installing the peers.
 *
 * <p>In place: {@link dev.jwebrtc.interop.Chromium} (chromedriver over the JDK HTTP client),
 * {@link dev.jwebrtc.interop.PageServer} (the test pages on 127.0.0.1) and a small JSON codec. Real processes and
 * real time live here by nature; waits are bounded.
 */
@NullMarked
package dev.jwebrtc.interop;

import org.jspecify.annotations.NullMarked;
