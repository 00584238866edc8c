/**
 * Interoperability harness: drives real peers on loopback or in a network namespace the test creates
 * (headless Chromium through WebDriver or CDP, coturn for TURN) against jwebrtc. The tests run only with
 * the {@code interop} Maven profile, which CI enables after installing the peers.
 *
 * <p>This package holds no classes until the data-channel issue lands.
 */
@NullMarked
package dev.jwebrtc.interop;

import org.jspecify.annotations.NullMarked;
