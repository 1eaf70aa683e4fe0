package dev.citeqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.config.Problem;
import dev.citeqa.index.Embedder;

/** WikiQA reading, ranking metrics and the word-overlap baseline, on made-up questions. */
class SentenceRankingTest {

    private static final String HEADER = "QuestionID\tQuestion\tDocumentID\tDocumentTitle\tSentenceID\tSentence\tLabel";

    /** Three questions: two with answering sentences, one without (an answer-triggering negative). */
    private static final String TSV = HEADER + "\r\n"
            + "Q1\tWho built the Bell Rock Lighthouse?\tD1\tBell Rock\tD1-0\tA\t0\r\n"
            + "Q1\tWho built the Bell Rock Lighthouse?\tD1\tBell Rock\tD1-1\tB\t1\r\n"
            + "Q1\tWho built the Bell Rock Lighthouse?\tD1\tBell Rock\tD1-2\tC\t0\r\n"
            + "Q1\tWho built the Bell Rock Lighthouse?\tD1\tBell Rock\tD1-3\tD\t1\r\n"
            + "Q2\tHow high is the light?\tD2\tLight\tD2-0\tE\t1\r\n"
            + "Q2\tHow high is the light?\tD2\tLight\tD2-1\tF\t0\r\n"
            + "Q3\tWho painted it?\tD3\tPaint\tD3-0\tG\t0\r\n"
            + "Q3\tWho painted it?\tD3\tPaint\tD3-1\tH\t0\r\n";

    private static final Map<String, Double> FIXED = Map.of("A", 0.9, "B", 0.5, "C", 0.7, "D", 0.1, "E", 0.8,
            "F", 0.2, "G", 0.6, "H", 0.3);

    private static List<WikiQaFile.Question> questions(Path dir, String text) throws Exception {
        Path file = dir.resolve("WikiQA-dev.tsv");
        Files.writeString(file, text);
        return WikiQaFile.read(file);
    }

    @Test
    void readsQuestionsWithTheirCandidatesInOrder(@TempDir Path dir) throws Exception {
        List<WikiQaFile.Question> questions = questions(dir, TSV);

        assertThat(questions).extracting(WikiQaFile.Question::id).containsExactly("Q1", "Q2", "Q3");
        assertThat(questions.getFirst().candidates()).extracting(WikiQaFile.Candidate::text)
                .containsExactly("A", "B", "C", "D");
        assertThat(questions).extracting(WikiQaFile.Question::answered).containsExactly(true, true, false);
    }

    @Test
    void mapAndMrrCountOnlyQuestionsWithAnAnswer(@TempDir Path dir) throws Exception {
        SentenceScorer fixed = (question, candidates) -> candidates.stream().mapToDouble(FIXED::get).toArray();

        SentenceRanking.Result result = SentenceRanking.evaluate(questions(dir, TSV), fixed, 0.85);

        // Q1 ranks A C B D: answers at 3 and 4, AP (1/3 + 2/4) / 2; Q2 ranks E first: AP 1
        assertThat(result.answered()).isEqualTo(2);
        assertThat(result.map()).isCloseTo((5.0 / 12 + 1) / 2, within(1e-9));
        assertThat(result.mrr()).isCloseTo((1.0 / 3 + 1) / 2, within(1e-9));
        assertThat(result.atOne()).isEqualTo(0.5);
        assertThat(result.triggeringAuc()).isEqualTo(1.0);
        // at 0.85 only Q1 triggers, and its best sentence does not answer
        assertThat(result.triggering()).isEqualTo(new SentenceRanking.Triggering(0.85, 0, 0, 0));
        // at 0.8 Q1 and Q2 trigger, Q2 rightly: precision 1/2, recall 1/2
        assertThat(result.bestF1().threshold()).isEqualTo(0.8);
        assertThat(result.bestF1().f1()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void equalScoresCountAgainstTheScorer(@TempDir Path dir) throws Exception {
        SentenceRanking.Result result = SentenceRanking.evaluate(questions(dir, TSV),
                (question, candidates) -> new double[candidates.size()], null);

        // Q1 becomes A C B D: answers at 3 and 4, although B comes second in the file
        assertThat(result.perQuestion().getFirst().averagePrecision()).isCloseTo(5.0 / 12, within(1e-9));
        assertThat(result.atOne()).isEqualTo(0.0);
        assertThat(result.triggering()).isNull();
    }

    @Test
    void overlapRanksTheSentenceHoldingTheRareQuestionTermsFirst() {
        List<String> collection = List.of("The lighthouse was built by Robert Stevenson on the Bell Rock.",
                "The lighthouse is white.", "The lighthouse has a light.", "Ships pass the lighthouse.",
                "Gulls nest on the cliffs.");
        WordOverlapScorer overlap = WordOverlapScorer.over(collection);

        double[] scores = overlap.score("Who built the lighthouse on Bell Rock?", collection);

        assertThat(scores[0]).isEqualTo(1.0);
        assertThat(scores[1]).isGreaterThan(0).isLessThan(0.2);
        assertThat(scores[4]).isEqualTo(0.0);
        assertThat(overlap.idf("lighthous")).isLessThan(overlap.idf("bell"));
    }

    @Test
    void cosineScoresEachCandidateInItsPlace() {
        SentenceScorer cosine = new EmbeddingCosineScorer(Embedder.shared(Embedder.BGE_SMALL));

        double[] scores = cosine.score("Who designed the Bell Rock Lighthouse?", List.of(
                "Bananas are rich in potassium.",
                "The lighthouse on the Bell Rock was designed by the engineer Robert Stevenson."));

        assertThat(scores).hasSize(2);
        assertThat(scores[1]).isGreaterThan(scores[0] + 0.1).isLessThanOrEqualTo(1.0);
    }

    @Test
    void aMalformedRowStopsWithItsLine(@TempDir Path dir) {
        assertThatThrownBy(() -> questions(dir, HEADER + "\nQ1\tWho?\tD1\tT\tD1-0\tA\tyes\n"))
                .isInstanceOf(Problem.class).hasMessageEndingWith("WikiQA-dev.tsv line 2: expected 7 tab-separated "
                        + "fields ending in a label 0 or 1.");
        assertThatThrownBy(() -> questions(dir, "Q1\tWho?\n"))
                .isInstanceOf(Problem.class).hasMessageContaining("line 1: not a WikiQA header");
    }
}
