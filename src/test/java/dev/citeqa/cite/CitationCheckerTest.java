package dev.citeqa.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.citeqa.answer.CitationMarks;
import dev.citeqa.answer.Reply;
import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.RankedPassage;

class CitationCheckerTest {

    static RankedPassage hit(int rank, String file, String text) {
        Passage p = new Passage(file + "#0-0000000" + rank, file, 0, "Title", null, 0, text.length(), text);
        return new RankedPassage(p, rank, 1.0 / rank, rank, 1.0 / rank, 0, Double.NaN, List.of());
    }

    static final List<RankedPassage> CONTEXT = List.of(
            hit(1, "a.txt", "The ministers met in Tehran on Tuesday and signed the agreement."),
            hit(2, "b.txt", "Iran will continue training Iraqi units, the agency reported."),
            hit(3, "c.txt", "The United States has about 1,500 troops in Baghdad and Erbil."));

    @Test
    void citationsAreRenumberedInOrderOfFirstUse() {
        CitedAnswer answer = CitationChecker.check("q", Reply.offline(
                "Iran will continue training Iraqi units [2]. The agreement was signed in Tehran [1]. "
                        + "Training continues, the agency reported [2]."), CONTEXT);
        assertThat(answer.text()).isEqualTo("Iran will continue training Iraqi units [1]. "
                + "The agreement was signed in Tehran [2]. Training continues, the agency reported [1].");
        assertThat(answer.citations()).extracting(c -> c.n() + "=" + c.passage().file())
                .containsExactly("1=b.txt", "2=a.txt");
        assertThat(answer.unsupported()).isZero();
    }

    @Test
    void unknownNumbersAreRemovedAndReported() {
        CitedAnswer answer = CitationChecker.check("q", Reply.offline(
                "The ministers met in Tehran [9]. About 1,500 US troops are in Baghdad [3][0]."), CONTEXT);
        assertThat(answer.unknownMarkers()).containsExactly(9, 0);
        assertThat(answer.text()).isEqualTo("The ministers met in Tehran. About 1,500 US troops are in Baghdad [1].");
        assertThat(answer.citations()).singleElement().satisfies(c -> assertThat(c.passage().file()).isEqualTo("c.txt"));
        assertThat(answer.sentences().getFirst().flagged()).isTrue(); // the claim lost its only source
    }

    @Test
    void aClaimItsSourceDoesNotCarryIsFlagged() {
        CitedAnswer answer = CitationChecker.check("q", Reply.offline(
                "About 90,000 French soldiers landed in Marseille [3]."), CONTEXT);
        assertThat(answer.sentences()).singleElement().satisfies(s -> {
            assertThat(s.supported()).isFalse();
            assertThat(s.support()).isLessThan(SupportScorer.SUPPORTED);
        });
        assertThat(answer.unsupported()).isEqualTo(1);
    }

    @Test
    void theSentencesJustBeforeACitedPassageCountForWhoItsHeIs() {
        List<RankedPassage> context = List.of(hit(1, "d.txt", "\"We will rebuild the pier by May,\" he said."));
        String claim = "The sources disagree on who said this: Ferrante according to [1].";
        java.util.function.Function<dev.citeqa.ingest.Passage, String> before =
                passage -> "The hall was full. Minister Aldo Ferrante spoke last, and Ferrante said the plan was ready.";

        assertThat(CitationChecker.check("q", Reply.offline(claim), context).unsupported()).isEqualTo(1);
        CitedAnswer read = CitationChecker.check("q", Reply.offline(claim), context, before);
        assertThat(read.unsupported()).isZero();
        // only the last few sentences before it count, not the whole file
        assertThat(CitationChecker.check("q", Reply.offline(claim), context, passage -> "Minister Aldo Ferrante arrived. "
                + "One. Two came. Three came. Four came.").unsupported()).isEqualTo(1);
    }

    @Test
    void markersAfterTheFullStopCiteTheSentenceBefore() {
        CitedAnswer answer = CitationChecker.check("q", Reply.offline(
                "The ministers met in Tehran. [1] About 1,500 troops are in Baghdad and Erbil. [3]"), CONTEXT);
        assertThat(answer.sentences()).extracting(CheckedSentence::cites).containsExactly(List.of(1), List.of(2));
        assertThat(answer.sentences()).allSatisfy(s -> assertThat(s.supported()).isTrue());
    }

    @Test
    void markersNeverLandInsideAQuotation() {
        assertThat(CitationMarks.place("He said: \"we will stay.\"", List.of(1, 2)))
                .isEqualTo("He said: \"we will stay.\" [1] [2]");
        assertThat(CitationMarks.place("They met in Tehran!", List.of(3))).isEqualTo("They met in Tehran [3]!");
        assertThat(CitationMarks.place("No stop at the end", List.of(1))).isEqualTo("No stop at the end [1]");
    }

    @Test
    void aQuotedCaptionIsClosedSoTheNextSentenceDoesNotRunIntoIt() {
        assertThat(CitationMarks.placeClosed("The ministers at the signing in Tehran [Ministry of Defence]", List.of(1)))
                .isEqualTo("The ministers at the signing in Tehran [Ministry of Defence] [1].");
        assertThat(CitationMarks.placeClosed("He said: \"we will stay.\"", List.of(2)))
                .isEqualTo("He said: \"we will stay.\" [2]");
        assertThat(CitationMarks.placeClosed("They met in Tehran.", List.of(3))).isEqualTo("They met in Tehran [3].");
    }

    @Test
    void aRefusalIsAnAbstention() {
        CitedAnswer answer = CitationChecker.check("q", Reply.offline(
                "The provided documents do not contain information about the population of Brazil."), CONTEXT);
        assertThat(answer.abstained()).isTrue();
        assertThat(answer.unsupported()).isZero();
        CitedAnswer empty = CitationChecker.check("q", Reply.offline("   "), CONTEXT);
        assertThat(empty.abstained()).isTrue();
    }

    @Test
    void anUncitedFactualClaimIsFlagged() {
        CitedAnswer answer = CitationChecker.check("q", Reply.offline(
                "The agreement was signed in Baghdad by the prime ministers."), CONTEXT);
        assertThat(answer.abstained()).isFalse();
        assertThat(answer.unsupported()).isEqualTo(1);
    }
}
