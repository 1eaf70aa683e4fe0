package dev.citeqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.citeqa.retrieve.RankedPassage;

/**
 * Which sentences the reader quotes besides its best one, with a model whose probabilities the test sets: one that
 * the model finds at least half as likely as the best joins it, one less likely does not.
 */
class JoiningTest {

    @Test
    void aSentenceHalfAsLikelyAsTheBestIsQuotedToo() {
        // p = 1 / (1 + e^-(2 * key coverage - 1.5)): all three terms 0.62, two of three 0.46, none 0.18
        ReaderModel.Linear sentence = new ReaderModel.Linear(Map.of("key_coverage", 2.0), -1.5, 0.5);
        ReaderModel.Linear answerable = new ReaderModel.Linear(Map.of(), 5.0, 0.5);
        ReaderModel.Linear never = new ReaderModel.Linear(Map.of(), -20.0, 0.5);
        ReaderModel model = new ReaderModel(ReaderFeatures.VERSION,
                Map.of(ReaderFeatures.Variant.LEXICAL, sentence, ReaderFeatures.Variant.WITH_MEANING, sentence),
                Map.of(ReaderFeatures.Variant.LEXICAL, answerable, ReaderFeatures.Variant.WITH_MEANING, answerable),
                Map.of(ReaderFeatures.Variant.LEXICAL, never, ReaderFeatures.Variant.WITH_MEANING, never), null);
        String question = "Why did the storm damage the lighthouse?";
        String text = "The storm damaged the lighthouse on the northern cape. Fishermen stayed in port all week. "
                + "Waves from the storm also reached the lighthouse keeper's cottage.";
        List<RankedPassage> context = MadeUpPassages.context(text);

        Reply reply = new ExtractiveAnswerer(3, SentenceMeaning.NONE, model)
                .answer(new AnswerRequest(question, context, MadeUpPassages.weights(question)), t -> {
                });

        assertThat(reply.text()).isEqualTo("The storm damaged the lighthouse on the northern cape [1]. "
                + "Waves from the storm also reached the lighthouse keeper's cottage [1].");
    }
}
