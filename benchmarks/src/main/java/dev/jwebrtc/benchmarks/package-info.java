/**
 * JMH benchmarks (SDP parse/write, SRTP protect/unprotect, SCTP and data-channel throughput) and the
 * side-by-side runner that measures jwebrtc against the baselines in {@code shared/bench}.
 * Figures are ratios against a baseline measured in the same run.
 *
 * <p>In place: {@code SdpBenchmark} (parse and write of Chromium's offer) and {@code SrtpBenchmark} (protect and
 * unprotect per profile, with the raw JDK cipher work on the same bytes as the baseline, and a profiler that reports
 * packets per CPU-second of the benchmark thread for loaded machines), and {@code ForwardingBenchmark} (a media
 * forwarding hop: SRTP unprotect, RTP rewrite, SRTP protect, with SRTP alone as the baseline).
 */
@NullMarked
package dev.jwebrtc.benchmarks;

import org.jspecify.annotations.NullMarked;
