package dev.citeqa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Query latency against corpus size as an SVG line chart: both axes logarithmic, one line per mode and
 * percentile, with the targets drawn as dashed lines. Written by hand; a chart of a few points needs no library.
 */
final class LatencyPlot {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 190;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f"};

    /** A line: its label and its points (passages, milliseconds). */
    record Series(String label, List<double[]> points, boolean dashed) {
    }

    private LatencyPlot() {
    }

    static List<Series> series(List<BenchReport.SizeRun> sizes, BenchReport.EmbeddingRun embedding,
                               BenchReport.HybridRun hybrid) {
        List<Series> lines = new ArrayList<>();
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
                lines.add(new Series(PerformanceReport.modeName(mode) + " p50", p50, false));
                lines.add(new Series(PerformanceReport.modeName(mode) + " p99", p99, true));
            }
        }
        return lines;
    }

    static String svg(List<BenchReport.SizeRun> sizes, BenchReport.EmbeddingRun embedding, BenchReport.HybridRun hybrid,
                      Map<String, Double> targets) {
        List<Series> lines = series(sizes, embedding, hybrid);
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        for (Series s : lines) {
            for (double[] p : s.points()) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        for (double target : targets.values()) {
            maxY = Math.max(maxY, target);
        }
        if (lines.isEmpty()) {
            minX = 1;
            maxX = 10;
            minY = 0.1;
            maxY = Math.max(maxY, 1);
        }
        // the sizes with a margin across; whole decades up, so the latency gridlines carry round numbers
        double x0 = Math.log10(Math.max(1, minX)) - 0.15;
        double x1 = Math.max(x0 + 1, Math.log10(Math.max(1, maxX)) + 0.15);
        double y0 = Math.floor(Math.log10(Math.max(0.001, minY)));
        double y1 = Math.max(y0 + 1, Math.ceil(Math.log10(Math.max(0.001, maxY))));
        Axis x = new Axis(x0, x1, LEFT, WIDTH - RIGHT);
        Axis y = new Axis(y0, y1, HEIGHT - BOTTOM, TOP);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">citeqa query latency against "
                + "corpus size (log-log)</text>%n", LEFT));
        for (double d = Math.ceil(x0); d <= x1; d++) {
            double px = x.at(d);
            svg.append(line(px, y.at(y0), px, y.at(y1), "#dddddd", false));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px,
                    HEIGHT - BOTTOM + 18, PerformanceReport.count(Math.pow(10, d))));
        }
        for (double d = y0; d <= y1; d++) {
            double py = y.at(d);
            svg.append(line(x.at(x0), py, x.at(x1), py, "#dddddd", false));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n",
                    LEFT - 6, py + 4, PerformanceReport.number(Math.pow(10, d))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">passages in the index"
                + "</text>%n", (x.at(x0) + x.at(x1)) / 2, HEIGHT - 18));
        int legend = TOP;
        for (Map.Entry<String, Double> target : targets.entrySet()) {
            double py = y.at(Math.log10(target.getValue()));
            svg.append(line(x.at(x0), py, x.at(x1), py, "#999999", true));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#666666\">%s</text>%n",
                    x.at(x0) + 4, py - 4, escape(target.getKey())));
        }
        for (int i = 0; i < lines.size(); i++) {
            Series s = lines.get(i);
            String colour = COLOURS[(i / 2) % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (double[] p : s.points()) {
                double px = x.at(Math.log10(p[0]));
                double py = y.at(Math.log10(Math.max(Math.pow(10, y0), p[1])));
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px,
                        py, colour));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"2\"%s/>%n", points.toString().strip(), colour,
                    s.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            legend += 18;
            svg.append(line(WIDTH - RIGHT + 15, legend - 4, WIDTH - RIGHT + 40, legend - 4, colour, s.dashed()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", WIDTH - RIGHT + 45, legend,
                    escape(s.label())));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String line(double xa, double ya, double xb, double yb, String colour, boolean dashed) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                xa, ya, xb, yb, colour, dashed ? " stroke-dasharray=\"4 4\"" : "");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Maps a decade exponent onto pixels. */
    private record Axis(double from, double to, double pixelFrom, double pixelTo) {
        double at(double exponent) {
            return pixelFrom + (exponent - from) / (to - from) * (pixelTo - pixelFrom);
        }
    }
}
