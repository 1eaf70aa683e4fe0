package dev.citeqa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void percentilesAreNearestRankSamples() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[99 - i] = (i + 1) * 1_000_000L; // 1..100 ms, shuffled order does not matter
        }
        Distribution d = Distribution.ofNanos(nanos);
        assertThat(d.count()).isEqualTo(100);
        assertThat(d.p50()).isEqualTo(50.0);
        assertThat(d.p95()).isEqualTo(95.0);
        assertThat(d.p99()).isEqualTo(99.0);
        assertThat(d.max()).isEqualTo(100.0);
        assertThat(d.mean()).isEqualTo(50.5);
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        Distribution d = Distribution.ofNanos(new long[]{2_500_000});
        assertThat(d.p50()).isEqualTo(2.5);
        assertThat(d.p99()).isEqualTo(2.5);
    }
}
