package io.parley.core.analytics;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The latency histograms the rollups keep per bucket: DDSketch's logarithmic index mapping (Masson, Rim, Lee,
 * "DDSketch: a fast and fully-mergeable quantile sketch with relative-error guarantees", VLDB 2019) with 1 %
 * relative accuracy. Bin {@code i} holds the latencies in (γ^(i-1), γ^i] ms, γ = (1 + α) / (1 − α), α = 0.01;
 * bin -1 holds 0 ms. Histograms of buckets, bots and channels merge exactly by adding their bins' counts, so a
 * percentile over any range is read from the rollups alone and is within 1 % of the exact nearest-rank value.
 *
 * <p>Written here rather than taken from DataDog's sketches-java: the rollup computes the bin in SQL
 * ({@link #SQL}) while it aggregates, and the sketch's own serialization would need one decode per bucket on the
 * read path; the mapping is these two formulas.
 */
public final class LatencyBins {

    static final double ALPHA = 0.01;
    static final double GAMMA = (1 + ALPHA) / (1 - ALPHA);

    /** The bin of {@code ms} in SQL; {@code %s} is the latency expression in milliseconds. */
    static final String SQL = "CAST(CASE WHEN (%1$s) <= 0 THEN -1 ELSE ceil(ln(%1$s) / ln(" + GAMMA + ")) END AS integer)";

    private LatencyBins() {
    }

    public static int bin(double ms) {
        return ms <= 0 ? -1 : (int) Math.ceil(Math.log(ms) / Math.log(GAMMA));
    }

    /** The value a bin stands for: within α of every latency in it. */
    public static double value(int bin) {
        return bin < 0 ? 0 : 2 * Math.pow(GAMMA, bin) / (GAMMA + 1);
    }

    /**
     * The nearest-rank {@code q}-quantile (0 < q ≤ 1) of a histogram (bin → count), rounded to whole
     * milliseconds; null when it is empty.
     */
    public static Long percentile(Map<Integer, Long> histogram, double q) {
        NavigableMap<Integer, Long> sorted = new TreeMap<>(histogram);
        long total = sorted.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : sorted.entrySet()) {
            seen += entry.getValue();
            if (seen >= rank) {
                return Math.round(value(entry.getKey()));
            }
        }
        return Math.round(value(sorted.lastKey()));
    }
}
