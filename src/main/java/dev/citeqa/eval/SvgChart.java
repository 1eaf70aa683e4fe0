package dev.citeqa.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The project's one SVG chart writer, for the reports it writes: a grouped bar chart of scores (eval reports) and a
 * log-log line chart (the benchmark's latency plot). Written by hand: charts of a few dozen marks need no library.
 */
public final class SvgChart {

    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
            "#b07aa1", "#9c755f"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 340;
    private static final int LEFT = 48;
    private static final int TOP = 20;
    private static final int PLOT_HEIGHT = 240;

    private SvgChart() {
    }

    /** A line of a line chart: its label, its points (x, y), and whether it is drawn dashed. */
    public record Line(String label, List<double[]> points, boolean dashed) {
    }

    /**
     * A grouped bar chart: one group per metric, one bar per run, on a 0..1 scale.
     *
     * @param series one label per run
     * @param groups one label per metric
     * @param values values[run][metric], each in 0..1 (NaN draws no bar)
     */
    static String bars(List<String> series, List<String> groups, double[][] values) {
        StringBuilder svg = new StringBuilder();
        int legendHeight = 18 * series.size();
        int height = HEIGHT + legendHeight;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"scores by run\" font-family=\"sans-serif\" "
                + "font-size=\"11\">%n", WIDTH, height, WIDTH, height));
        int plotWidth = WIDTH - LEFT - 10;
        for (int tick = 0; tick <= 4; tick++) {
            double y = TOP + PLOT_HEIGHT - tick * PLOT_HEIGHT / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>%n", LEFT, y, LEFT + plotWidth, y,
                    LEFT - 6, y + 4, tick / 4.0));
        }
        double groupWidth = (double) plotWidth / groups.size();
        double barWidth = Math.min(36, (groupWidth - 12) / Math.max(1, series.size()));
        for (int g = 0; g < groups.size(); g++) {
            double groupStart = LEFT + g * groupWidth + (groupWidth - barWidth * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                double value = values[s][g];
                if (Double.isNaN(value)) {
                    continue;
                }
                double clamped = Math.max(0, Math.min(1, value));
                double barHeight = clamped * PLOT_HEIGHT;
                double x = groupStart + s * barWidth;
                double y = TOP + PLOT_HEIGHT - barHeight;
                svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                                + "height=\"%.1f\" fill=\"%s\"><title>%s, %s: %.3f</title></rect>%n", x, y,
                        barWidth - 2, barHeight, COLOURS[s % COLOURS.length], Html.escape(series.get(s)),
                        Html.escape(groups.get(g)), value));
                if (series.size() <= 4) {
                    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                            + "font-size=\"9\">%.2f</text>%n", x + (barWidth - 2) / 2, y - 3, value));
                }
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    LEFT + g * groupWidth + groupWidth / 2, TOP + PLOT_HEIGHT + 16, Html.escape(groups.get(g))));
        }
        for (int s = 0; s < series.size(); s++) {
            int y = TOP + PLOT_HEIGHT + 40 + s * 18;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT, y - 10, COLOURS[s % COLOURS.length],
                    LEFT + 18, y, Html.escape(series.get(s))));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /**
     * A line chart with both axes logarithmic: lines two by two share a colour (a p50 and its p99), gridlines at
     * whole decades, and each reference drawn as a dashed horizontal line with its label.
     */
    public static String logLog(String title, String xTitle, List<Line> lines, Map<String, Double> references,
                                DoubleFunction<String> xTick, DoubleFunction<String> yTick) {
        int width = WIDTH;
        int height = 440;
        int left = 70;
        int right = 190;
        int top = 40;
        int bottom = 60;
        double minX = Double.MAX_VALUE;
        double maxX = 0;
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        for (Line l : lines) {
            for (double[] p : l.points()) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        for (double reference : references.values()) {
            maxY = Math.max(maxY, reference);
        }
        if (lines.isEmpty()) {
            minX = 1;
            maxX = 10;
            minY = 0.1;
            maxY = Math.max(maxY, 1);
        }
        // the x values with a margin across; whole decades up, so the gridlines carry round numbers
        double x0 = Math.log10(Math.max(1, minX)) - 0.15;
        double x1 = Math.max(x0 + 1, Math.log10(Math.max(1, maxX)) + 0.15);
        double y0 = Math.floor(Math.log10(Math.max(0.001, minY)));
        double y1 = Math.max(y0 + 1, Math.ceil(Math.log10(Math.max(0.001, maxY))));
        Axis x = new Axis(x0, x1, left, width - right);
        Axis y = new Axis(y0, y1, height - bottom, top);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width,
                height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", left,
                Html.escape(title)));
        for (double d = Math.ceil(x0); d <= x1; d++) {
            double px = x.at(d);
            svg.append(line(px, y.at(y0), px, y.at(y1), "#dddddd", false));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px,
                    height - bottom + 18, Html.escape(xTick.apply(Math.pow(10, d)))));
        }
        for (double d = y0; d <= y1; d++) {
            double py = y.at(d);
            svg.append(line(x.at(x0), py, x.at(x1), py, "#dddddd", false));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    left - 6, py + 4, Html.escape(yTick.apply(Math.pow(10, d)))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                (x.at(x0) + x.at(x1)) / 2, height - 18, Html.escape(xTitle)));
        for (Map.Entry<String, Double> reference : references.entrySet()) {
            double py = y.at(Math.log10(reference.getValue()));
            svg.append(line(x.at(x0), py, x.at(x1), py, "#999999", true));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#666666\">%s</text>%n",
                    x.at(x0) + 4, py - 4, Html.escape(reference.getKey())));
        }
        int legend = top;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String colour = COLOURS[(i / 2) % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (double[] p : l.points()) {
                double px = x.at(Math.log10(p[0]));
                double py = y.at(Math.log10(Math.max(Math.pow(10, y0), p[1])));
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px,
                        py, colour));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"2\"%s/>%n", points.toString().strip(), colour,
                    l.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            legend += 18;
            svg.append(line(width - right + 15, legend - 4, width - right + 40, legend - 4, colour, l.dashed()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", width - right + 45, legend,
                    Html.escape(l.label())));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String line(double xa, double ya, double xb, double yb, String colour, boolean dashed) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                xa, ya, xb, yb, colour, dashed ? " stroke-dasharray=\"4 4\"" : "");
    }

    /** Maps a decade exponent onto pixels. */
    private record Axis(double from, double to, double pixelFrom, double pixelTo) {
        double at(double exponent) {
            return pixelFrom + (exponent - from) / (to - from) * (pixelTo - pixelFrom);
        }
    }
}
