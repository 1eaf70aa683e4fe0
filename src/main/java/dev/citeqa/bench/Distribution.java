package dev.citeqa.bench;

import java.util.Arrays;

/**
 * Timings of one repeated operation, in milliseconds: nearest-rank percentiles, so p99 of 1,000 samples is the
 * 990th fastest, a time that was actually observed.
 */
public record Distribution(int count, double p50, double p95, double p99, double mean, double max) {

    public static Distribution ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long n : sorted) {
            sum += n;
        }
        return new Distribution(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(percentile(sorted, 99)), sum / sorted.length / 1e6, millis(sorted[sorted.length - 1]));
    }

    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
