package dev.citeqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.config.Problem;
import dev.citeqa.config.TestSettings;

/**
 * The BEIR fixture in src/test/resources/beir, scored by hand. BM25 puts, by the terms each document shares with
 * the query: q1 d1 (glacier, ice, volume) before d2 (glacier); q2 d3 (falcon, rest, coast, cliff) before d4
 * (coast, cliff); q3 only d5 (bee, dance; "bumblebee" is another word); q4 nothing. q5 is judged but has no text;
 * q6 has text but no judgments, so it is not scored.
 * <pre>
 *        nDCG@10                              Recall@100   MRR@10
 * q1     (2 + 1/log2 3) / (2 + 1/log2 3) = 1   2/2 = 1      1
 * q2     (1/log2 3) / 1 = 0.630930             1/1 = 1      1/2
 * q3     1 / (2 + 1/log2 3) = 0.380094         1/2          1
 * q4     0                                     0            0
 * q5     0                                     0            0
 * mean   2.011024 / 5 = 0.402205               2.5/5 = 0.5  2.5/5 = 0.5
 * </pre>
 */
class RetrievalEvaluationTest {

    private static final Path FIXTURE = Path.of("src/test/resources/beir");
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void scoresTheFixtureAsComputedByHand() {
        RetrievalEvaluation.Outcome outcome = new RetrievalEvaluation(TestSettings.product(), new RetrievalModes())
                .run(FIXTURE.resolve("corpus.jsonl"), FIXTURE.resolve("queries.jsonl"), FIXTURE.resolve("qrels.tsv"),
                        List.of(), p -> {
                        });

        assertThat(outcome.documents()).isEqualTo(8);
        assertThat(outcome.judgedQueries()).isEqualTo(5);
        assertThat(outcome.judgedWithoutText()).isEqualTo(1);
        assertThat(outcome.modes()).extracting(RetrievalEvaluation.ModeResult::mode)
                .containsExactly("bm25", "vector", "hybrid");
        RetrievalEvaluation.ModeResult bm25 = outcome.modes().getFirst();
        assertThat(bm25.run().ranking("q1")).containsExactly("d1", "d2");
        assertThat(bm25.run().ranking("q2")).containsExactly("d3", "d4");
        assertThat(bm25.run().ranking("q3")).containsExactly("d5");
        assertThat(bm25.run().ranking("q4")).isEmpty();

        Map<String, RetrievalEvaluation.QueryScores> byQuery = bm25.perQuery().stream()
                .collect(Collectors.toMap(RetrievalEvaluation.QueryScores::query, s -> s));
        assertThat(byQuery).containsOnlyKeys("q1", "q2", "q3", "q4", "q5");
        assertThat(byQuery.get("q2").ndcg10()).isCloseTo(1 / LOG2_3, within(1e-9));
        assertThat(byQuery.get("q3").ndcg10()).isCloseTo(1 / (2 + 1 / LOG2_3), within(1e-9));
        assertThat(byQuery.get("q3").recall100()).isEqualTo(0.5);
        assertThat(byQuery.get("q2").mrr10()).isEqualTo(0.5);

        assertThat(bm25.ndcg10()).isCloseTo(0.402205, within(1e-6));
        assertThat(bm25.recall100()).isEqualTo(0.5);
        assertThat(bm25.mrr10()).isEqualTo(0.5);
    }

    @Test
    void writesTrecRunFilesAndScores(@TempDir Path out) throws IOException {
        RetrievalEvaluation.Outcome outcome = new RetrievalEvaluation(TestSettings.product(), new RetrievalModes())
                .run(FIXTURE.resolve("corpus.jsonl"), FIXTURE.resolve("queries.jsonl"), FIXTURE.resolve("qrels.tsv"),
                        List.of("bm25"), p -> {
                        });
        List<Path> runs = RetrievalReport.write(out, outcome, FIXTURE.resolve("corpus.jsonl"),
                FIXTURE.resolve("queries.jsonl"), FIXTURE.resolve("qrels.tsv"));

        assertThat(runs).containsExactly(out.resolve("run.bm25.trec"));
        List<String> lines = Files.readAllLines(out.resolve("run.bm25.trec"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(2)).startsWith("q2 Q0 d3 1 ").endsWith(" citeqa-bm25");
        assertThat(lines.get(3)).startsWith("q2 Q0 d4 2 ");
        assertThat(Files.readString(out.resolve("retrieval.json"))).contains("\"ndcg_at_10\" : 0.4022", "\"mrr_at_10\" : 0.5");
        assertThat(RetrievalReport.table(outcome)).contains("bm25", "0.4022", "0.5000");
    }

    @Test
    void reportsFaultyBenchmarkLinesWithTheirNumbers(@TempDir Path dir) throws IOException {
        Path qrels = dir.resolve("qrels.tsv");
        Files.writeString(qrels, "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1 d2 1\nq2\td3\thigh\n");
        assertThatThrownBy(() -> BeirFiles.qrels(qrels))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("line 3: needs three tab-separated columns")
                .hasMessageContaining("line 4: the score \"high\" is not a whole number");
        Path corpus = dir.resolve("corpus.jsonl");
        Files.writeString(corpus, "{\"_id\": \"a\", \"text\": \"x\"}\n{\"_id\": \"a\", \"text\": \"y\"}\n{oops\n");
        assertThatThrownBy(() -> BeirFiles.corpus(corpus, (n, d) -> {
        })).hasMessageContaining("line 2: _id \"a\" is used twice").hasMessageContaining("line 3: not valid JSON");
    }

    @Test
    void refusesAnUnknownModeBeforeIndexing() {
        assertThatThrownBy(() -> new RetrievalEvaluation(TestSettings.product(), new RetrievalModes())
                .run(FIXTURE.resolve("corpus.jsonl"), FIXTURE.resolve("queries.jsonl"), FIXTURE.resolve("qrels.tsv"),
                        List.of("colbert"), p -> {
                        }))
                .isInstanceOf(Problem.class).hasMessage("Unknown retrieval mode 'colbert': use one of bm25, vector, hybrid.");
    }
}
