package dev.citeqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TrecMetricsTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void ndcgUsesTheJudgmentAsGainAndAnIdealRankingOfEveryJudgedDocument() {
        // ranking: a (2), x (unjudged), b (1); judged but never retrieved: c (3)
        // DCG = 2/log2(2) + 1/log2(4) = 2.5; IDCG = 3/1 + 2/log2(3) + 1/log2(4) = 3 + 1.26186 + 0.5
        double expected = 2.5 / (3 + 2 / LOG2_3 + 0.5);
        assertThat(TrecMetrics.ndcg(List.of("a", "x", "b"), Map.of("a", 2, "b", 1, "c", 3), 10))
                .isCloseTo(expected, within(1e-12));
        assertThat(expected).isCloseTo(0.525005, within(1e-6)); // 2.5 / 4.761860
    }

    @Test
    void ndcgIgnoresDocumentsPastTheCutoff() {
        List<String> ranking = List.of("n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9", "n10", "rel");
        assertThat(TrecMetrics.ndcg(ranking, Map.of("rel", 1), 10)).isZero();
        assertThat(TrecMetrics.ndcg(ranking, Map.of("rel", 1), 11)).isCloseTo(1 / (Math.log(12) / Math.log(2)),
                within(1e-12));
    }

    @Test
    void recallCountsOnlyJudgmentsOfOneOrMore() {
        Map<String, Integer> judgments = Map.of("a", 1, "b", 0, "c", 2, "d", 1);
        assertThat(TrecMetrics.recall(List.of("b", "a", "x"), judgments, 100)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(TrecMetrics.recall(List.of("a", "c", "d"), judgments, 2)).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void reciprocalRankIsZeroWhenTheFirstRelevantDocumentIsPastTheCutoff() {
        Map<String, Integer> judgments = Map.of("r", 1, "n", 0);
        assertThat(TrecMetrics.reciprocalRank(List.of("n", "x", "r"), judgments, 10)).isCloseTo(1 / 3.0,
                within(1e-12));
        assertThat(TrecMetrics.reciprocalRank(List.of("n", "x", "r"), judgments, 2)).isZero();
    }

    @Test
    void aQueryWithoutRelevantDocumentsScoresZeroEverywhere() {
        Map<String, Integer> onlyNonRelevant = Map.of("a", 0);
        assertThat(TrecMetrics.ndcg(List.of("a"), onlyNonRelevant, 10)).isZero();
        assertThat(TrecMetrics.recall(List.of("a"), onlyNonRelevant, 100)).isZero();
        assertThat(TrecMetrics.reciprocalRank(List.of("a"), onlyNonRelevant, 10)).isZero();
    }

    @Test
    void runOrdersTiesByDocumentIdDescendingAsTrecEvalDoes() {
        TrecRun run = new TrecRun.Builder("citeqa-bm25")
                .add("q1", List.of(new TrecRun.ScoredDoc("a", 2.0), new TrecRun.ScoredDoc("c", 1.0),
                        new TrecRun.ScoredDoc("b", 2.0)))
                .build();
        assertThat(run.ranking("q1")).containsExactly("b", "a", "c");
        assertThat(run.text()).isEqualTo("""
                q1 Q0 b 1 2.000000 citeqa-bm25
                q1 Q0 a 2 2.000000 citeqa-bm25
                q1 Q0 c 3 1.000000 citeqa-bm25
                """);
    }

    @Test
    void runKeepsScoresAsWrittenSoScoresEqualInTheFileAreTiesInMemory() {
        TrecRun run = new TrecRun.Builder("t")
                .add("q", List.of(new TrecRun.ScoredDoc("a", 1.00000001), new TrecRun.ScoredDoc("b", 1.00000002)))
                .build();
        // both are written as 1.000000, so trec_eval reads a tie and puts b before a
        assertThat(run.ranking("q")).containsExactly("b", "a");
    }
}
