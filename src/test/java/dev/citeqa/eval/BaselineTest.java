package dev.citeqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.config.Problem;

class BaselineTest {

    private static EvalMetrics metrics(double answerAccuracy, long unsupported) {
        return metrics(answerAccuracy, unsupported, 0);
    }

    private static EvalMetrics metrics(double answerAccuracy, long unsupported, long errors) {
        return new EvalMetrics(answerAccuracy, 0.8, 0.9, 0.5, unsupported, 1.0, 0.9, 5, 40, 0, 0, errors);
    }

    private static Baseline baseline(Path dir) throws IOException {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, """
                {"gold": "eval/gold.jsonl", "provider": "extractive", "metrics": {
                  "answer_accuracy": {"value": 0.60, "tolerance": 0.02},
                  "unsupported_citations": {"value": 2, "tolerance": 1, "lower_is_better": true}}}
                """);
        return Baseline.read(file);
    }

    @Test
    void aDropWithinTheToleranceIsNoRegression(@TempDir Path dir) throws IOException {
        assertThat(baseline(dir).regressions(metrics(0.58, 3))).isEmpty();
    }

    @Test
    void aDropPastTheToleranceIsARegression(@TempDir Path dir) throws IOException {
        assertThat(baseline(dir).regressions(metrics(0.57, 2)))
                .extracting(Baseline.Regression::line)
                .containsExactly("answer_accuracy is 0.5700, expected at least 0.5800 (baseline 0.6000, tolerance 0.0200)");
    }

    @Test
    void moreFaultsThanToleratedIsARegressionForCounts(@TempDir Path dir) throws IOException {
        assertThat(baseline(dir).regressions(metrics(0.9, 4)))
                .extracting(r -> r.expected().metric()).containsExactly("unsupported_citations");
    }

    @Test
    void oneErrorIsARegressionEvenWhenTheScoresHoldAndTheBaselineDoesNotNameErrors(@TempDir Path dir)
            throws IOException {
        assertThat(baseline(dir).regressions(metrics(0.60, 2, 1)))
                .extracting(Baseline.Regression::line)
                .containsExactly("errors is 1.0000, expected at most 0.0000 (baseline 0.0000, tolerance 0.0000)");
    }

    @Test
    void refusesABaselineThatToleratesErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "{\"metrics\": {\"errors\": {\"value\": 0, \"tolerance\": 2, "
                + "\"lower_is_better\": true}}}");
        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(Problem.class)
                .hasMessageContaining("allows errors");
    }

    @Test
    void refusesAMetricReportJsonDoesNotHave(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("baseline.json");
        Files.writeString(file, "{\"metrics\": {\"accuracy\": {\"value\": 1, \"tolerance\": 0}}}");
        assertThatThrownBy(() -> Baseline.read(file)).isInstanceOf(Problem.class)
                .hasMessageContaining("faulty metric \"accuracy\"");
    }
}
