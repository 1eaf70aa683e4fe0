package dev.citeqa.eval;

import java.util.stream.Collectors;

/** report.md: the run's settings, its metrics, every question's outcome, and the answers that went wrong. */
public final class ReportMarkdown {

    private ReportMarkdown() {
    }

    public static String of(EvalReport report, RunSettings settings) {
        StringBuilder md = new StringBuilder();
        long answerable = report.results().stream().filter(QuestionResult::answerable).count();
        md.append("# citeqa evaluation: ").append(report.label()).append("\n\n");
        md.append("- gold file: `").append(report.gold()).append("` (").append(report.questions())
                .append(" questions: ").append(answerable).append(" answerable, ")
                .append(report.questions() - answerable).append(" unanswerable)\n");
        md.append("- provider: ").append(report.provider()).append(", model: ").append(report.model()).append('\n');
        if (settings != null) {
            md.append("- documents: `").append(settings.docs()).append("`, retrieval: ").append(settings.retrieval())
                    .append('\n');
            md.append("- run at: ").append(settings.started()).append('\n');
        }
        md.append("\n| metric | value |\n|---|---:|\n");
        report.metrics().byName().forEach((name, value) -> md.append("| ").append(name).append(" | ")
                .append(RunComparison.format(name, value)).append(" |\n"));

        md.append("\n## Questions\n\n| id | outcome | cited files | first gold passage | unsupported | ms |\n")
                .append("|---|---|---|---:|---:|---:|\n");
        for (QuestionResult r : report.results()) {
            md.append("| ").append(r.id()).append(" | ").append(r.outcome()).append(" | ")
                    .append(cell(r.citations().stream().map(QuestionResult.Cited::file).distinct()
                            .collect(Collectors.joining(", "))))
                    .append(" | ").append(r.answerable() ? (r.retrievalRank() == 0 ? "none" : r.retrievalRank()) : "-")
                    .append(" | ").append(r.unsupported()).append(" | ").append(r.latencyMs()).append(" |\n");
        }

        md.append("\n## Not right\n");
        boolean any = false;
        for (QuestionResult r : report.results()) {
            if (r.correct()) {
                continue;
            }
            any = true;
            md.append("\n### ").append(r.id()).append(" (").append(r.outcome()).append("): ")
                    .append(cell(r.question())).append("\n\n");
            md.append("> ").append(cell(r.answer())).append("\n\n");
            if (!r.missingFacts().isEmpty()) {
                md.append("Missing: ").append(cell(ReportHtml.missing(r))).append("  \n");
            }
            if (r.error() != null) {
                md.append("Error: ").append(cell(r.error())).append("  \n");
            }
            if (r.answerable()) {
                md.append("Gold sources: ").append(String.join(", ", r.sources())).append('\n');
            }
        }
        if (!any) {
            md.append("\nEvery question had the right outcome.\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").replace("|", "\\|").strip();
    }
}
