package dev.citeqa.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scores of a run over all its questions. Rates are in 0..1; {@code unsupportedCitations} and the token totals
 * are counts; latencies are milliseconds. A rate with nothing to measure (no answerable question, nothing cited)
 * is 0, so a run that cites nothing never looks precise.
 *
 * @param answerAccuracy      answerable questions answered with every facts group, over answerable questions
 * @param abstentionAccuracy  unanswerable ones declined plus answerable ones not declined, over all questions
 * @param citationPrecision   mean over questions that cite something of their citation precision
 * @param citationRecall      mean over answerable questions of their citation recall
 * @param retrievalRecallAt5  answerable questions with a passage of a gold source among the first 5 retrieved
 * @param mrr                 mean over answerable questions of 1 / rank of the first passage from a gold source
 *                            among those retrieved (0 when none is)
 * @param errors              questions that could not be answered (a provider failed); they score as misses
 */
public record EvalMetrics(double answerAccuracy, double abstentionAccuracy, double citationPrecision,
                          double citationRecall, long unsupportedCitations, double retrievalRecallAt5, double mrr,
                          double latencyMsP50, double latencyMsP95, long tokensInput, long tokensOutput,
                          long errors) {

    /** The names report.json uses, in its order; the first nine are the and never change. */
    public static final List<String> NAMES = List.of("answer_accuracy", "abstention_accuracy", "citation_precision",
            "citation_recall", "unsupported_citations", "retrieval_recall_at_5", "mrr", "latency_ms_p50",
            "latency_ms_p95", "tokens_input", "tokens_output", "errors");

    /** The metrics that are shares in 0..1, higher being better: the ones charted. */
    public static final List<String> RATES = List.of("answer_accuracy", "abstention_accuracy", "citation_precision",
            "citation_recall", "retrieval_recall_at_5", "mrr");

    public static EvalMetrics of(List<QuestionResult> results) {
        List<QuestionResult> answerable = results.stream().filter(QuestionResult::answerable).toList();
        double answerAccuracy = share(answerable.stream().filter(QuestionResult::correct).count(), answerable.size());
        double abstention = share(results.stream().filter(r -> r.error() == null && r.abstained() != r.answerable())
                .count(), results.size());
        double precision = mean(results.stream().map(QuestionResult::citationPrecision).filter(Objects::nonNull)
                .toList());
        double recall = mean(answerable.stream().map(QuestionResult::citationRecall).filter(Objects::nonNull).toList());
        long unsupported = results.stream().mapToLong(QuestionResult::unsupported).sum();
        double recallAt5 = share(answerable.stream().filter(r -> r.retrievalRank() >= 1 && r.retrievalRank() <= 5)
                .count(), answerable.size());
        double mrr = mean(answerable.stream().map(r -> r.retrievalRank() == 0 ? 0.0 : 1.0 / r.retrievalRank())
                .toList());
        long[] latencies = results.stream().mapToLong(QuestionResult::latencyMs).sorted().toArray();
        return new EvalMetrics(answerAccuracy, abstention, precision, recall, unsupported, recallAt5, mrr,
                percentile(latencies, 50), percentile(latencies, 95),
                results.stream().mapToLong(QuestionResult::inputTokens).sum(),
                results.stream().mapToLong(QuestionResult::outputTokens).sum(),
                results.stream().filter(r -> r.error() != null).count());
    }

    /** The metrics by report name, in report order. */
    public Map<String, Number> byName() {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("answer_accuracy", answerAccuracy);
        m.put("abstention_accuracy", abstentionAccuracy);
        m.put("citation_precision", citationPrecision);
        m.put("citation_recall", citationRecall);
        m.put("unsupported_citations", unsupportedCitations);
        m.put("retrieval_recall_at_5", retrievalRecallAt5);
        m.put("mrr", mrr);
        m.put("latency_ms_p50", latencyMsP50);
        m.put("latency_ms_p95", latencyMsP95);
        m.put("tokens_input", tokensInput);
        m.put("tokens_output", tokensOutput);
        m.put("errors", errors);
        return m;
    }

    /** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double share(long count, long of) {
        return of == 0 ? 0 : (double) count / of;
    }

    private static double mean(List<Double> values) {
        return values.isEmpty() ? 0 : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }
}
