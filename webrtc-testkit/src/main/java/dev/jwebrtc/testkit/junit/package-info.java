/**
 * JUnit 5 extensions for jwebrtc tests and for applications that test against jwebrtc.
 *
 * <p>Both extensions are registered through {@code META-INF/services} and are picked up automatically
 * when {@code junit.jupiter.extensions.autodetection.enabled=true} (the jwebrtc build sets it):
 * <ul>
 *   <li>{@link dev.jwebrtc.testkit.junit.NoLeakedThreadsExtension} fails a test that leaves a
 *       {@code jwebrtc-*} thread alive after a short grace period;</li>
 *   <li>{@link dev.jwebrtc.testkit.junit.SeedExtension} hands a test its simulation seed and, when the test
 *       fails, attaches the seed and the property that replays it.</li>
 * </ul>
 * These extensions wait in real time (thread joins) by nature: they watch the edge, not the protocol.
 */
@NullMarked
package dev.jwebrtc.testkit.junit;

import org.jspecify.annotations.NullMarked;
