package dev.citeqa.eval;

import java.util.List;
import java.util.Locale;

/** A grouped bar chart as inline SVG: one group per metric, one bar per run, on a 0..1 scale. */
final class SvgChart {

    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
            "#b07aa1", "#9c755f"};
    private static final int WIDTH = 760;
    private static final int HEIGHT = 340;
    private static final int LEFT = 48;
    private static final int TOP = 20;
    private static final int PLOT_HEIGHT = 240;

    private SvgChart() {
    }

    /**
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
}
