package dev.citeqa.eval;

import static dev.citeqa.eval.ScoringTest.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ReportsTest {

    private static final RunSettings SETTINGS = new RunSettings("2026-11-23T15:00:00Z", "/docs", "bm25, top 5");

    private static EvalReport report(String provider, String model, boolean secondRight) {
        return EvalReport.of("eval/gold.jsonl", provider, model, List.of(
                result("g1", true, false, true, List.of("a.txt"), List.of("a.txt"), 0, 1, 12),
                result("g2", true, false, secondRight, List.of("b.txt"), List.of("a.txt"), 2, 2, 30),
                result("g3", false, true, true, List.of(), List.of(), 0, 0, 7)));
    }

    @Test
    void reportJsonKeepsTheIssuesNamesInOrder(@TempDir Path dir) throws IOException {
        ReportFiles.write(dir, report("extractive", "extractive", false), SETTINGS);
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("report.json")));

        List<String> top = new ArrayList<>();
        json.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("gold", "provider", "model", "questions", "metrics", "results");
        List<String> metrics = new ArrayList<>();
        json.get("metrics").fieldNames().forEachRemaining(metrics::add);
        assertThat(metrics).startsWith("answer_accuracy", "abstention_accuracy", "citation_precision",
                "citation_recall", "unsupported_citations", "retrieval_recall_at_5", "mrr", "latency_ms_p50",
                "latency_ms_p95");
        assertThat(json.get("questions").asInt()).isEqualTo(3);
        assertThat(json.at("/metrics/answer_accuracy").asDouble()).isEqualTo(0.5);
        assertThat(json.at("/metrics/unsupported_citations").asInt()).isEqualTo(2);
        JsonNode second = json.get("results").get(1);
        List<String> resultFields = new ArrayList<>();
        second.fieldNames().forEachRemaining(resultFields::add);
        assertThat(resultFields).startsWith("id", "question", "answer", "abstained", "correct", "citations",
                "latency_ms");
        assertThat(second.at("/citations/0/n").asInt()).isEqualTo(1);
        assertThat(second.at("/citations/0/file").asText()).isEqualTo("b.txt");
        assertThat(second.at("/citations/0/passage_id").asText()).isEqualTo("b.txt#0");
        assertThat(second.get("latency_ms").asLong()).isEqualTo(30);
    }

    @Test
    void aWrittenReportReadsBackTheSame(@TempDir Path dir) {
        EvalReport written = report("extractive", "extractive", true);
        ReportFiles.write(dir, written, SETTINGS);
        assertThat(ReportJson.read(dir.resolve("report.json"))).isEqualTo(written);
    }

    @Test
    void markdownAndHtmlShowTheMetricsAndWhatWentWrong(@TempDir Path dir) throws IOException {
        ReportFiles.write(dir, report("extractive", "extractive", false), SETTINGS);
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("| answer_accuracy | 0.500 |", "| g2 | wrong |", "### g2 (wrong): question g2",
                "3 questions: 2 answerable, 1 unanswerable", "retrieval: bm25, top 5");
        assertThat(md).doesNotContain("### g1");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<svg", "<td class=\"wrong\"");
        assertThat(count(html, "<rect class=\"bar\"")).isEqualTo(EvalMetrics.RATES.size());
    }

    @Test
    void comparisonListsTheQuestionsWhoseOutcomeChanged(@TempDir Path dir) {
        EvalReport before = report("extractive", "extractive", false);
        EvalReport after = report("openai", "gpt-4o-mini", true);
        RunComparison runs = RunComparison.of(List.of(before, after), List.of("a", "b"));

        assertThat(runs.labels()).containsExactly("extractive", "openai / gpt-4o-mini");
        assertThat(runs.changes()).containsExactly(
                new RunComparison.Change("g2", "question g2", List.of("wrong", "right")));
        assertThat(runs.text()).contains("answer_accuracy", "0.500", "1.000",
                "1 question changed outcome (extractive | openai / gpt-4o-mini):", "g2     wrong | right");

        ReportFiles.writeComparison(dir, runs, SETTINGS);
        String html = ReportHtml.page("t", runs, SETTINGS);
        assertThat(count(html, "<rect class=\"bar\"")).isEqualTo(2 * EvalMetrics.RATES.size());
        assertThat(dir.resolve("comparison.html")).exists();
        assertThat(dir.resolve("comparison.md")).content().contains("g2     wrong | right");
    }

    @Test
    void aQuestionOnlyOneRunHasIsShownAsAbsentInTheOthers() {
        EvalReport shorter = EvalReport.of("g", "extractive", "extractive", List.of(
                result("g1", true, false, true, List.of("a.txt"), List.of("a.txt"), 0, 1, 12)));
        EvalReport longer = report("openai", "gpt-4o-mini", true);
        RunComparison runs = RunComparison.of(List.of(shorter, longer), List.of("a", "b"));

        assertThat(runs.changes()).extracting(RunComparison.Change::id).containsExactly("g2", "g3");
        assertThat(runs.text()).contains("g2     (absent) | right");
        assertThat(ReportHtml.page("t", runs, null)).contains("<td>g3</td><td>question g3</td><td>(absent)</td>");
    }

    @Test
    void runsWithTheSameProviderAreToldApartByWhereTheyCameFrom() {
        EvalReport a = report("extractive", "extractive", false);
        RunComparison runs = RunComparison.of(List.of(a, a), List.of("20261123-1500-extractive",
                "20261124-0900-extractive"));
        assertThat(runs.labels()).containsExactly("extractive (20261123-1500-extractive)",
                "extractive (20261124-0900-extractive)");
        assertThat(runs.text()).contains("No question changed outcome between these runs.");
    }

    @Test
    void textFromDocumentsIsEscapedInTheHtmlPage() {
        EvalReport report = EvalReport.of("g", "p<script>", "m", List.of(
                result("<img src=x>", true, false, false, List.of(), List.of("a"), 0, 0, 1)));
        String html = ReportHtml.page("t", new RunComparison(List.of(report.label()), List.of(report)), null);
        assertThat(html).doesNotContain("<script>", "<img").contains("p&lt;script&gt;", "&lt;img src=x&gt;");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
