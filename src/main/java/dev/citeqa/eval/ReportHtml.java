package dev.citeqa.eval;

import java.util.List;
import java.util.Map;

/**
 * The HTML page of one run or several: a bar chart of the rates, the metrics side by side, and every question
 * with its outcome in each run. One self-contained file, no scripts, so it opens anywhere.
 */
public final class ReportHtml {

    /** Short names under the bars: the report names are too long for a group's width. */
    private static final Map<String, String> CHART_LABELS = Map.of("answer_accuracy", "answers",
            "abstention_accuracy", "abstention", "citation_precision", "citation precision", "citation_recall",
            "citation recall", "retrieval_recall_at_5", "retrieval recall@5", "mrr", "MRR");

    private ReportHtml() {
    }

    public static String page(String title, RunComparison runs, RunSettings settings) {
        List<EvalReport> reports = runs.reports();
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:left;vertical-align:top}td.n{text-align:right}.right{background:#e3f4e1}")
                .append(".wrong,.answered,.error{background:#fbe0e0}.declined{background:#f4f0dc}small{color:#666}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(Html.escape(title)).append("</h1>\n<p>");
        html.append("Gold file <code>").append(Html.escape(reports.getFirst().gold())).append("</code>, ")
                .append(reports.getFirst().questions()).append(" questions");
        if (settings != null) {
            html.append("; documents <code>").append(Html.escape(settings.docs())).append("</code>; retrieval ")
                    .append(Html.escape(settings.retrieval())).append("; run at ").append(Html.escape(settings.started()));
        }
        html.append(".</p>\n");

        List<String> rates = EvalMetrics.RATES;
        double[][] values = new double[reports.size()][rates.size()];
        for (int r = 0; r < reports.size(); r++) {
            Map<String, Number> byName = reports.get(r).metrics().byName();
            for (int m = 0; m < rates.size(); m++) {
                values[r][m] = byName.get(rates.get(m)).doubleValue();
            }
        }
        html.append(SvgChart.bars(runs.labels(), rates.stream().map(CHART_LABELS::get).toList(), values));

        html.append("<h2>Metrics</h2>\n<table>\n<tr><th>metric</th>");
        runs.labels().forEach(l -> html.append("<th>").append(Html.escape(l)).append("</th>"));
        html.append("</tr>\n");
        for (String name : EvalMetrics.NAMES) {
            html.append("<tr><td>").append(name).append("</td>");
            for (EvalReport report : reports) {
                html.append("<td class=\"n\">").append(RunComparison.format(name, report.metrics().byName().get(name)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");

        html.append("<h2>Questions</h2>\n<p><small>Outcome per run: right, wrong, declined (right for an unanswerable ")
                .append("question), answered (an unanswerable question that was answered), error (the provider ")
                .append("failed). Hover for the answer.")
                .append("</small></p>\n<table>\n<tr><th>id</th><th>question</th>");
        runs.labels().forEach(l -> html.append("<th>").append(Html.escape(l)).append("</th>"));
        html.append("</tr>\n");
        runs.questions().forEach((id, question) -> {
            html.append("<tr><td>").append(Html.escape(id)).append("</td><td>").append(Html.escape(question))
                    .append("</td>");
            for (EvalReport report : reports) {
                QuestionResult r = report.results().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
                if (r == null) {
                    html.append("<td>(absent)</td>");
                    continue;
                }
                html.append("<td class=\"").append(r.outcome()).append("\" title=\"").append(Html.escape(r.answer()))
                        .append("\">").append(r.outcome());
                if (!r.missingFacts().isEmpty()) {
                    html.append("<br><small>missing: ").append(Html.escape(missing(r))).append("</small>");
                }
                if (r.error() != null) {
                    html.append("<br><small>").append(Html.escape(r.error())).append("</small>");
                } else if (reports.size() == 1) {
                    html.append("<br><small>").append(Html.escape(r.answer())).append("</small>");
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        });
        html.append("</table>\n</body>\n</html>\n");
        return html.toString();
    }

    static String missing(QuestionResult r) {
        return String.join("; ", r.missingFacts().stream().map(g -> String.join(" / ", g)).toList());
    }
}
