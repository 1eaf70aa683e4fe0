package dev.citeqa.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Several runs side by side: their metrics, and the questions whose outcome differs between them. */
public record RunComparison(List<String> labels, List<EvalReport> reports) {

    /** A question whose outcome is not the same in every run; null outcome where a run lacks the question. */
    public record Change(String id, String question, List<String> outcomes) {
    }

    public RunComparison {
        labels = List.copyOf(labels);
        reports = List.copyOf(reports);
        if (labels.size() != reports.size()) {
            throw new IllegalArgumentException("one label per report");
        }
    }

    /** Labels runs by provider and model, adding where each came from when two would read the same. */
    public static RunComparison of(List<EvalReport> reports, List<String> origins) {
        List<String> labels = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        reports.forEach(r -> counts.merge(r.label(), 1, Integer::sum));
        for (int i = 0; i < reports.size(); i++) {
            String label = reports.get(i).label();
            labels.add(counts.get(label) > 1 ? label + " (" + origins.get(i) + ")" : label);
        }
        return new RunComparison(labels, reports);
    }

    /** Every question of any run, by id, in the order first met. */
    public Map<String, String> questions() {
        Map<String, String> questions = new LinkedHashMap<>();
        reports.forEach(report -> report.results().forEach(r -> questions.putIfAbsent(r.id(), r.question())));
        return questions;
    }

    public List<Change> changes() {
        List<Map<String, String>> outcomes = new ArrayList<>();
        for (EvalReport report : reports) {
            Map<String, String> byId = new HashMap<>();
            report.results().forEach(r -> byId.put(r.id(), r.outcome()));
            outcomes.add(byId);
        }
        List<Change> changes = new ArrayList<>();
        questions().forEach((id, question) -> {
            List<String> row = outcomes.stream().map(o -> o.get(id)).toList();
            if (row.stream().distinct().count() > 1) {
                changes.add(new Change(id, question, row));
            }
        });
        return changes;
    }

    /** The metrics table, then the questions whose outcome changed: for the terminal and comparison.md. */
    public String text() {
        StringBuilder out = new StringBuilder(metricsTable());
        List<Change> changes = changes();
        out.append('\n');
        if (changes.isEmpty()) {
            out.append("No question changed outcome between these runs.\n");
            return out.toString();
        }
        out.append(changes.size()).append(changes.size() == 1 ? " question" : " questions")
                .append(" changed outcome (").append(String.join(" | ", labels)).append("):\n");
        for (Change change : changes) {
            out.append(String.format("  %-6s %-30s %s%n", change.id(),
                    String.join(" | ", change.outcomes().stream().map(o -> o == null ? "(absent)" : o).toList()),
                    shorten(change.question(), 70)));
        }
        return out.toString();
    }

    /** Every metric of every run, one row per metric. */
    public String metricsTable() {
        int width = Math.max(12, labels.stream().mapToInt(String::length).max().orElse(0) + 2);
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-24s", "metric"));
        labels.forEach(l -> out.append(String.format("%" + width + "s", l)));
        out.append('\n');
        for (String name : EvalMetrics.NAMES) {
            out.append(String.format("%-24s", name));
            for (EvalReport report : reports) {
                out.append(String.format("%" + width + "s", format(name, report.metrics().byName().get(name))));
            }
            out.append('\n');
        }
        out.append(String.format("%-24s", "questions"));
        reports.forEach(r -> out.append(String.format("%" + width + "s", r.questions())));
        out.append('\n');
        return out.toString();
    }

    static String format(String metric, Number value) {
        if (value == null || Double.isNaN(value.doubleValue())) {
            return "-";
        }
        if (metric.startsWith("latency") || metric.startsWith("tokens") || metric.equals("unsupported_citations")
                || metric.equals("errors")) {
            return String.format(Locale.ROOT, "%d", Math.round(value.doubleValue()));
        }
        return String.format(Locale.ROOT, "%.3f", value.doubleValue());
    }

    private static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
