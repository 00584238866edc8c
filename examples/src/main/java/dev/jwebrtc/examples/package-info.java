/**
 * Runnable example programs, one per feature, each described in the module's README: two peers exchanging
 * data-channel messages over real UDP loopback ({@code demo}), and servers with WHIP-style HTTP signaling
 * ({@link dev.jwebrtc.examples.WhipServer}) that a browser page talks to: {@code echo-server} (data channel echo and
 * media reflection), {@code play-from-disk} and {@code save-to-disk}. {@link dev.jwebrtc.examples.Main} dispatches.
 *
 * <p>Examples bind to 127.0.0.1 unless told otherwise, and print what happens on the console; the library itself logs
 * through SLF4J (bound to slf4j-simple in the runnable jar).
 */
@NullMarked
package dev.jwebrtc.examples;

import org.jspecify.annotations.NullMarked;
