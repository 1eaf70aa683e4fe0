package dev.citeqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.TermWeights;

/**
 * How the reader reads a question against made-up passages: which of its names count as not mentioned at all, how a
 * year written before a comma meets the question's year, and the signals that compare a unit with the other
 * candidates of its question.
 */
class ReadingTest {

    @Test
    void aNameIsAbsentOnlyWhenNoWordOfItIsMentioned() {
        Reading reading = reading("What did Harper Lee say to Marta Quist about the harbour?",
                "Lee told reporters in Valdera that the harbour would reopen in spring.");

        assertThat(reading.absentEntities()).containsExactly("Marta Quist");
        // the strict list, a signal of the answerability model, still names the partly found name
        assertThat(reading.missingEntities()).containsExactly("Harper Lee", "Marta Quist");
    }

    @Test
    void theFirstWordOfEachSentenceOfTheQuestionIsNoName() {
        assertThat(Reading.entities("I read the timetable. When does the ferry to Lindholm leave? Where from?"))
                .containsExactly("Lindholm");
        assertThat(Reading.entities("What did Gen. Taqavi and Dr. Vik say?")).containsExactly("Gen Taqavi", "Dr Vik");
    }

    @Test
    void aTitleWithItsFullStopStaysWithTheName() {
        List<RankedPassage> context = context("The children watched the trial from the balcony, invited by Rev. Sykes.");
        Reading reading = new Reading("Who invited the children?", weights("Who invited the children?"), context);

        assertThat(reading.answers(AnswerUnit.of(context, p -> "").getFirst()))
                .extracting(Phrases.Phrase::text).contains("Rev. Sykes").doesNotContain("Rev");
    }

    @Test
    void numbersAndShortCapitalsAreNotDeclinedByName() {
        // documents write them in words as often: "the second quarter", "operating system"
        Reading reading = reading("How much revenue did the OS sales bring in Q2?",
                "In the second quarter the operating system brought in 40 million euros.");

        assertThat(reading.absentEntities()).isEmpty();
    }

    @Test
    void aWordThatStartsAnotherCountsAsMentioned() {
        Reading reading = reading("Which European ports did the storm close?",
                "Across Europe the storm closed three ports in a single night.");

        assertThat(reading.absentEntities()).isEmpty();
    }

    @Test
    void aShortStemDoesNotPassForAName() {
        // "port" is not "Porto"
        Reading reading = reading("Who signed the reopening order for the harbour of Porto Verde?",
                "The port's reopening order was signed by the harbour master.");

        assertThat(reading.absentEntities()).containsExactly("Porto Verde");
    }

    @Test
    void aYearBeforeACommaMeetsTheQuestionsYear() {
        DateConstraint asked = DateConstraint.of("Which university awarded Lee a doctorate in 2006?");

        assertThat(asked.in("In 2006, Lee was awarded an honorary doctorate.")).isEqualTo(DateConstraint.Agreement.MET);
        assertThat(asked.in("In 2008, Lee received a membership.")).isEqualTo(DateConstraint.Agreement.CONTRADICTED);
        assertThat(asked.in("The fund held 12,006 books and 2,006.5 tonnes.")).isEqualTo(DateConstraint.Agreement.UNKNOWN);
    }

    @Test
    void aNameIsAnsweredWithoutTheTitleTheQuestionAlreadyGives() {
        String question = "Who is the harbour master of Valdera?";
        Reading reading = reading(question, "Harbour Master Tomas Brekke signed the order on Tuesday.");
        AnswerUnit unit = AnswerUnit.of(context("Harbour Master Tomas Brekke signed the order on Tuesday."), p -> "")
                .getFirst();

        assertThat(reading.answers(unit)).extracting(Phrases.Phrase::text).contains("Tomas Brekke")
                .doesNotContain("Harbour Master Tomas Brekke");

        String byPlace = "Who is Kenya's fisheries minister?";
        String said = "Kenyan Fisheries Minister Ingrid Vold opened the new pier.";
        assertThat(new Reading(byPlace, weights(byPlace), context(said)).answers(AnswerUnit.of(context(said), p -> "")
                .getFirst())).extracting(Phrases.Phrase::text).contains("Ingrid Vold");
    }

    @Test
    void aDateThatBoundsTheQuestionIsNoConstraint() {
        for (String bound : List.of("Which pier flooded before 2007?", "Which pier flooded prior to 2007?",
                "What flooded the pre-2007 piers?", "Which piers were rebuilt since 2007?",
                "Which piers were rebuilt between 2005 and 2007?", "Which piers were rebuilt from 2005 to 2007?",
                "Which pier flooded before March 2007?", "Which pier flooded until the late 2007 storms?")) {
            assertThat(DateConstraint.of(bound).isEmpty()).as(bound).isTrue();
        }
        for (String asked : List.of("Which pier flooded in 2007?", "Which report from 2007 named the pier?",
                "Was the pier rebuilt in 2006 or 2007?", "Who signed the December 2007 pact?")) {
            assertThat(DateConstraint.of(asked).isEmpty()).as(asked).isFalse();
        }
        assertThat(DateConstraint.of("Was the pier rebuilt in 2006 or 2007?").years()).containsExactly(2006, 2007);
        assertThat(DateConstraint.of("Which pier flooded in May 2007 before 2009?").years()).containsExactly(2007);
    }

    @Test
    void eachUnitIsComparedWithTheBestOfItsQuestion() {
        String question = "Who rebuilt the northern pier of Valdera?";
        List<RankedPassage> context = context(
                "The northern pier of Valdera was rebuilt by Kestrel Marine. Fishermen waited for weeks.");
        Reading reading = new Reading(question, weights(question), context);
        List<AnswerUnit> units = AnswerUnit.of(context, p -> "");

        List<double[]> features = reading.features(units, new double[] {0.8, 0.3}, ShortAnswerModel.shipped());

        int best = ReaderFeatures.SENTENCE.indexOf("key_coverage_best");
        int gap = ReaderFeatures.SENTENCE.indexOf("key_coverage_gap");
        int cosineBest = ReaderFeatures.SENTENCE.indexOf("cosine_best");
        int cosineGap = ReaderFeatures.SENTENCE.indexOf("cosine_gap");
        int shortAnswer = ReaderFeatures.SENTENCE.indexOf("short_answer");
        assertThat(features.get(0)[best]).isEqualTo(1.0);
        assertThat(features.get(1)[best]).isEqualTo(0.0);
        assertThat(features.get(1)[gap]).isEqualTo(features.get(0)[0] - features.get(1)[0]).isPositive();
        assertThat(features.get(0)[cosineBest]).isEqualTo(1.0);
        assertThat(features.get(1)[cosineGap]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        // the sentence naming a firm offers a likely short answer; the other has no candidate at all
        assertThat(features.get(0)[shortAnswer]).isGreaterThan(0.5);
        assertThat(features.get(1)[shortAnswer]).isEqualTo(0.0);
    }

    private static Reading reading(String question, String... passages) {
        return new Reading(question, weights(question), context(passages));
    }

    private static TermWeights weights(String question) {
        return MadeUpPassages.weights(question);
    }

    private static List<RankedPassage> context(String... texts) {
        return MadeUpPassages.context(texts);
    }
}
