package dev.citeqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.citeqa.answer.Reply;
import dev.citeqa.chat.Turn;
import dev.citeqa.cite.CitationChecker;
import dev.citeqa.cite.CitedAnswer;
import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.RankedPassage;

class ScoringTest {

    @Test
    void anAnswerIsCorrectWhenEveryFactsGroupHasAnAlternativeInIt() {
        List<List<String>> facts = List.of(List.of("Dehqan", "Dehghan"), List.of("Tehran"));
        assertThat(Facts.missing(facts, "Hossein DEHGHAN signed it in Tehran [1].")).isEmpty();
        assertThat(Facts.missing(facts, "Hossein Dehghan signed it [1].")).containsExactly(List.of("Tehran"));
    }

    @Test
    void citationMarkersAndTypographicQuotesDoNotHideAFact() {
        assertThat(Facts.missing(List.of(List.of("Iran's increased support")),
                "Iran’s [2] increased support was called a necessity.")).isEmpty();
        assertThat(Facts.missing(List.of(List.of("1,500")), "About 1 500 troops.")).hasSize(1);
    }

    @Test
    void scoresATurnAgainstItsGoldQuestion() {
        Passage tehran = passage("a.txt", 0, "The ministers signed the agreement in Tehran on Tuesday.");
        Passage other = passage("b.txt", 0, "Turkey trained Kurdish peshmerga fighters in the north.");
        Passage alsoGold = passage("c.txt", 3, "Iran and Iraq signed a pact in Tehran.");
        List<RankedPassage> retrieved = List.of(hit(other, 1), hit(tehran, 2), hit(alsoGold, 3));
        Reply reply = new Reply("The agreement was signed in Tehran [2]. Turkey trained the peshmerga fighters in "
                + "Tehran on Tuesday [1].", "some-model", 120, 30);
        CitedAnswer answer = CitationChecker.check("Where was it signed?", reply, retrieved);
        Turn turn = new Turn("Where was it signed?", "Where was it signed?", answer, retrieved, 5, null);
        GoldQuestion gold = new GoldQuestion("g1", "Where was it signed?", List.of(), true, "Tehran",
                List.of(List.of("Tehran")), List.of("a.txt", "c.txt"), 1);

        QuestionResult result = QuestionResult.score(gold, turn, 42);

        assertThat(result.correct()).isTrue();
        assertThat(result.outcome()).isEqualTo("right");
        assertThat(result.citations()).containsExactly(new QuestionResult.Cited(1, "a.txt", tehran.id()),
                new QuestionResult.Cited(2, "b.txt", other.id()));
        assertThat(result.citationPrecision()).isEqualTo(0.5);
        assertThat(result.citationRecall()).isEqualTo(0.5);
        assertThat(result.unsupported()).isEqualTo(1); // the Turkey sentence is not carried by its passage
        assertThat(result.retrievalRank()).isEqualTo(2);
        assertThat(result.latencyMs()).isEqualTo(42);
        assertThat(result.inputTokens()).isEqualTo(120);
        assertThat(result.outputTokens()).isEqualTo(30);
    }

    @Test
    void anUnanswerableQuestionIsRightWhenDeclined() {
        List<RankedPassage> retrieved = List.of(hit(passage("a.txt", 0, "Nothing relevant is said here at all."), 1));
        CitedAnswer declined = CitationChecker.check("q", Reply.offline("The documents do not answer this question."),
                retrieved);
        GoldQuestion gold = new GoldQuestion("u1", "q", List.of(), false, "none", List.of(), List.of(), 1);

        QuestionResult result = QuestionResult.score(gold, new Turn("q", "q", declined, retrieved, 1, null), 3);

        assertThat(result.abstained()).isTrue();
        assertThat(result.correct()).isTrue();
        assertThat(result.outcome()).isEqualTo("declined");
        assertThat(result.citationPrecision()).isNull();
        assertThat(result.citationRecall()).isNull();
    }

    @Test
    void metricsOverAllQuestionsAsComputedByHand() {
        List<QuestionResult> results = List.of(
                // answerable, right, cites a (gold) and b: precision 1/2, recall 1/1, gold passage first
                result("r1", true, false, true, List.of("a.txt", "b.txt"), List.of("a.txt"), 1, 1, 10),
                // answerable, wrong, cites c only: precision 0, recall 0/2, gold passage third
                result("r2", true, false, false, List.of("c.txt"), List.of("a.txt", "b.txt"), 0, 3, 30),
                // answerable but declined: no precision, recall 0, no gold passage retrieved
                result("r3", true, true, false, List.of(), List.of("a.txt"), 0, 0, 20),
                // unanswerable, declined: right
                result("u1", false, true, true, List.of(), List.of(), 0, 0, 40),
                // unanswerable, answered with a citation: precision 0
                result("u2", false, false, false, List.of("a.txt"), List.of(), 0, 0, 50));

        EvalMetrics m = EvalMetrics.of(results);

        assertThat(m.answerAccuracy()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(m.abstentionAccuracy()).isCloseTo(3 / 5.0, within(1e-12));
        assertThat(m.citationPrecision()).isCloseTo(0.5 / 3, within(1e-12));
        assertThat(m.citationRecall()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(m.unsupportedCitations()).isEqualTo(1);
        assertThat(m.retrievalRecallAt5()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.mrr()).isCloseTo((1 + 1 / 3.0) / 3, within(1e-12));
        assertThat(m.latencyMsP50()).isEqualTo(30);
        assertThat(m.latencyMsP95()).isEqualTo(50);
    }

    static QuestionResult result(String id, boolean answerable, boolean abstained, boolean correct, List<String> cited,
                                 List<String> sources, int unsupported, int rank, long ms) {
        List<QuestionResult.Cited> citations = new java.util.ArrayList<>();
        for (int i = 0; i < cited.size(); i++) {
            citations.add(new QuestionResult.Cited(i + 1, cited.get(i), cited.get(i) + "#0"));
        }
        Double precision = cited.isEmpty() ? null
                : (double) cited.stream().filter(sources::contains).count() / cited.size();
        Double recall = answerable ? (double) sources.stream().filter(cited::contains).count() / sources.size() : null;
        return new QuestionResult(id, "question " + id, answerable, abstained ? "The documents do not answer this."
                : "answer " + id, abstained, correct, List.of(), citations, sources, precision, recall, unsupported,
                rank, ms, 0, 0, null);
    }

    private static Passage passage(String file, int ordinal, String text) {
        return new Passage(Passage.idOf(file, ordinal, text), file, ordinal, "title", null, 0, text.length(), text);
    }

    private static RankedPassage hit(Passage passage, int rank) {
        return new RankedPassage(passage, rank, 1.0 / rank, rank, 1.0 / rank, 0, Double.NaN, List.of());
    }
}
