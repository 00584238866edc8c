/**
 * JMH benchmarks (SDP parse/write, SRTP protect/unprotect, SCTP and data-channel throughput) and the
 * side-by-side runner that measures jwebrtc against the baselines in {@code shared/bench}.
 * Figures are ratios against a baseline measured in the same run.
 *
 * <p>This package holds no classes until the first protocol issue adds its benchmark.
 */
@NullMarked
package dev.jwebrtc.benchmarks;

import org.jspecify.annotations.NullMarked;
