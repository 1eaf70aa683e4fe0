package dev.citeqa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.citeqa.eval.SvgChart;
import dev.citeqa.eval.SvgChart.Line;

/**
 * Query latency against corpus size as a log-log line chart (eval's SvgChart): one line per mode and percentile,
 * with the targets drawn as dashed lines.
 */
final class LatencyPlot {

    private LatencyPlot() {
    }

    /** The lines: points are (passages, milliseconds). */
    static List<Line> series(List<BenchReport.SizeRun> sizes, BenchReport.EmbeddingRun embedding,
                               BenchReport.HybridRun hybrid) {
        List<Line> lines = new ArrayList<>();
        for (String mode : List.of(Benchmark.BM25, Benchmark.VECTOR, Benchmark.HYBRID, Benchmark.ANSWER)) {
            List<double[]> p50 = new ArrayList<>();
            List<double[]> p99 = new ArrayList<>();
            // vector and hybrid were measured on the smaller corpus that could be embedded
            Distribution embedded = embedding == null || mode.equals(Benchmark.BM25) ? null
                    : embedding.citeqaLatency().get(mode);
            if (embedded != null) {
                p50.add(new double[]{embedding.passages(), embedded.p50()});
                p99.add(new double[]{embedding.passages(), embedded.p99()});
            }
            Distribution atScale = hybrid == null || mode.equals(Benchmark.BM25) ? null : hybrid.latency().get(mode);
            if (atScale != null) {
                p50.add(new double[]{hybrid.passages(), atScale.p50()});
                p99.add(new double[]{hybrid.passages(), atScale.p99()});
            }
            for (BenchReport.SizeRun size : sizes) {
                Distribution d = size.latency().get(mode);
                if (d != null) {
                    p50.add(new double[]{size.passages(), d.p50()});
                    p99.add(new double[]{size.passages(), d.p99()});
                }
            }
            if (!p50.isEmpty()) {
                p50.sort(java.util.Comparator.comparingDouble(p -> p[0]));
                p99.sort(java.util.Comparator.comparingDouble(p -> p[0]));
                lines.add(new Line(PerformanceReport.modeName(mode) + " p50", p50, false));
                lines.add(new Line(PerformanceReport.modeName(mode) + " p99", p99, true));
            }
        }
        return lines;
    }

    /** The solrcloud backend's lines, from its bench report: BM25 and hybrid, p50 solid and p99 dashed. */
    static List<Line> solrSeries(List<SolrBench.Latency> solr) {
        List<Line> lines = new ArrayList<>();
        for (String mode : List.of(Benchmark.BM25, Benchmark.HYBRID)) {
            List<double[]> p50 = new ArrayList<>();
            List<double[]> p99 = new ArrayList<>();
            solr.stream().filter(l -> l.mode().equals(mode)).sorted(java.util.Comparator.comparingInt(
                    SolrBench.Latency::passages)).forEach(l -> {
                        p50.add(new double[]{l.passages(), l.p50()});
                        p99.add(new double[]{l.passages(), l.p99()});
                    });
            if (!p50.isEmpty()) {
                lines.add(new Line("SolrCloud " + PerformanceReport.modeName(mode) + " p50", p50, false));
                lines.add(new Line("SolrCloud " + PerformanceReport.modeName(mode) + " p99", p99, true));
            }
        }
        return lines;
    }

    static String svg(List<Line> lines, Map<String, Double> targets) {
        return SvgChart.logLog("citeqa query latency against corpus size (log-log)", "passages in the index",
                lines, targets, PerformanceReport::count, ms -> PerformanceReport.number(ms) + " ms");
    }
}
