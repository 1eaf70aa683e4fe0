package dev.citeqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.citeqa.retrieve.RankedPassage;

/**
 * The sentence after the best one is quoted too when the model of the next sentence finds it at least half as likely
 * to hold the answer as the best (made-up models and passages: the rule, not the shipped weights).
 */
class FollowingSentenceTest {

    private static final String QUESTION = "What colour was the special edition player?";
    private static final String TEXT = "The special edition player was presented in 2006 for the band's tour. "
            + "A red case and a black wheel set it apart from the standard model. Sales began in October of that year.";

    @Test
    void theNextSentenceIsQuotedWhenItsModelFindsItLikely() {
        assertThat(answer(3.0)).isEqualTo("The special edition player was presented in 2006 for the band's tour [1]. "
                + "A red case and a black wheel set it apart from the standard model [1].");
    }

    @Test
    void theBestSentenceStandsAloneWhenTheNextIsUnlikely() {
        assertThat(answer(-3.0)).isEqualTo(
                "The special edition player was presented in 2006 for the band's tour [1].");
    }

    @Test
    void theRuleIsTheOneEveryOtherSentenceJoinsBy() {
        assertThat(ExtractiveAnswerer.joins(0.31, 0.6)).isTrue();
        assertThat(ExtractiveAnswerer.joins(0.29, 0.6)).isFalse();
        assertThat(ExtractiveAnswerer.joins(0.5, 0.99)).isTrue();
    }

    /** The answer when the next sentence's model is a constant with this logit (best sentence: p = 0.5). */
    private static String answer(double nextLogit) {
        // p = 1 / (1 + e^-(2 * key coverage - 1.5)): the first sentence covers three of the four terms (0.5), the
        // others none (0.18), so only the model of the next sentence can bring the second one in
        ReaderModel.Linear sentence = new ReaderModel.Linear(Map.of("key_coverage", 2.0), -1.5, 0.5);
        ReaderModel.Linear answerable = new ReaderModel.Linear(Map.of(), 5.0, 0.5);
        ReaderModel.Linear next = new ReaderModel.Linear(Map.of(), nextLogit, 0.5);
        ReaderModel model = new ReaderModel(ReaderFeatures.VERSION,
                Map.of(ReaderFeatures.Variant.LEXICAL, sentence, ReaderFeatures.Variant.WITH_MEANING, sentence),
                Map.of(ReaderFeatures.Variant.LEXICAL, answerable, ReaderFeatures.Variant.WITH_MEANING, answerable),
                Map.of(ReaderFeatures.Variant.LEXICAL, next, ReaderFeatures.Variant.WITH_MEANING, next), null);
        List<RankedPassage> context = MadeUpPassages.context(TEXT);
        return new ExtractiveAnswerer(3, SentenceMeaning.NONE, model)
                .answer(new AnswerRequest(QUESTION, context, MadeUpPassages.weights(QUESTION)), t -> {
                }).text();
    }
}
