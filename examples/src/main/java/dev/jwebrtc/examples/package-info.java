/**
 * Runnable example programs, one per feature, each with a README: the first is two peers exchanging
 * data-channel messages over real UDP loopback (issue 8), then media examples (issue 9).
 *
 * <p>This package holds no classes until the data-channel issue lands.
 */
@NullMarked
package dev.jwebrtc.examples;

import org.jspecify.annotations.NullMarked;
