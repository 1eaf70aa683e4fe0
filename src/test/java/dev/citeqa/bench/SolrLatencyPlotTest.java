package dev.citeqa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.eval.SvgChart;

/** The plot's solrcloud lines come from the latency table of the report that the Solr bench wrote. */
class SolrLatencyPlotTest {

    @TempDir
    Path temp;

    /** A report laid out as SolrBench writes it, with made-up figures. */
    private Path report() throws Exception {
        Path report = temp.resolve(SolrBench.REPORT);
        Files.writeString(report, """
                # SolrCloud backend performance

                ## Indexing and memory

                | passages | files | index s | passages/s | re-index unchanged s | engine RSS MiB | engine peak RSS MiB |
                | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                | 100,000 | 5,000 | 86.5 | 1,156 | 2.47 | 754 | 754 |

                ## Query latency

                | passages | mode | queries | p50 ms | p95 ms | p99 ms | mean ms | max ms |
                | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |
                | 1,000,000 | BM25 | 300 | 106.26 | 325.85 | 458.47 | 132.95 | 606.97 |
                | 100,000 | BM25 | 300 | 42.54 | 90.88 | 118.42 | 47.84 | 243.47 |
                | 100,000 | bm25, all-minilm-l6-v2 (question embedded) | 300 | 56.51 | 116.23 | 158.83 | 61.92 | 297.95 |
                | 100,000 | vector, all-minilm-l6-v2 (question embedded) | 300 | 73.48 | 104.86 | 153.30 | 76.50 | 211.79 |
                | 100,000 | hybrid, all-minilm-l6-v2 (question embedded) | 300 | 139.55 | 251.78 | 331.63 | 149.79 | 477.68 |

                ## Recall of the fused top 10

                At 100,000 passages, over 100 questions: 0.919 of the exact top 10.
                """);
        return report;
    }

    @Test
    void theLatencyTableIsReadBackWithBm25FromTheBm25OnlyCollections() throws Exception {
        assertThat(SolrBench.latencies(report())).containsExactly(
                new SolrBench.Latency(1_000_000, "bm25", 106.26, 458.47),
                new SolrBench.Latency(100_000, "bm25", 42.54, 118.42),
                new SolrBench.Latency(100_000, "vector", 73.48, 153.30),
                new SolrBench.Latency(100_000, "hybrid", 139.55, 331.63));
        assertThat(SolrBench.latencies(temp.resolve("absent.md"))).isEmpty();
    }

    @Test
    void solrLinesRunBySizeAndJoinThePlot() throws Exception {
        List<SvgChart.Line> lines = LatencyPlot.solrSeries(SolrBench.latencies(report()));

        assertThat(lines).extracting(SvgChart.Line::label).containsExactly("SolrCloud BM25 p50", "SolrCloud BM25 p99",
                "SolrCloud hybrid p50", "SolrCloud hybrid p99");
        assertThat(lines.get(1).points()).containsExactly(new double[]{100_000, 118.42},
                new double[]{1_000_000, 458.47});
        assertThat(lines.get(3).dashed()).isTrue();
        assertThat(lines.get(3).points()).containsExactly(new double[]{100_000, 331.63});
        assertThat(LatencyPlot.svg(lines, Map.of("target", 100.0))).contains("SolrCloud hybrid p99", "<polyline");
    }
}
