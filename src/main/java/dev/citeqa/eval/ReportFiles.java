package dev.citeqa.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.citeqa.config.Problem;

/** Writes a run's report.json, report.md and report.html, and the comparison files of several runs. */
public final class ReportFiles {

    private ReportFiles() {
    }

    public static void write(Path dir, EvalReport report, RunSettings settings) {
        RunComparison single = new RunComparison(List.of(report.label()), List.of(report));
        writeText(dir.resolve("report.json"), ReportJson.write(report));
        writeText(dir.resolve("report.md"), ReportMarkdown.of(report, settings));
        writeText(dir.resolve("report.html"), ReportHtml.page("citeqa evaluation: " + report.label(), single, settings));
    }

    /** comparison.md and comparison.html beside the runs' own folders. */
    public static void writeComparison(Path dir, RunComparison runs, RunSettings settings) {
        writeText(dir.resolve("comparison.md"), "# citeqa evaluation: " + String.join(" vs ", runs.labels())
                + "\n\n```\n" + runs.text() + "```\n");
        writeText(dir.resolve("comparison.html"), ReportHtml.page("citeqa evaluation: "
                + String.join(" vs ", runs.labels()), runs, settings));
    }

    public static void writeText(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Problem("Cannot write " + file + " (" + e.getMessage() + "): pass another --out folder.", e);
        }
    }
}
