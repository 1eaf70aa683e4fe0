package dev.citeqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The shipped reader model must match the signals the code computes: a model file of another feature version, or
 * one missing a signal's weight, fails the build here instead of a user's question.
 */
class ReaderModelTest {

    @Test
    void theShippedModelIsOfTheFeatureVersionTheCodeComputes() {
        ReaderModel model = ReaderModel.shipped();

        assertThat(model.version())
                .as("src/main/resources/%s was learned for other signals: rebuild it with ./chat train-reader",
                        ReaderModel.RESOURCE)
                .isEqualTo(ReaderFeatures.VERSION);
        for (ReaderFeatures.Variant variant : ReaderFeatures.Variant.values()) {
            assertThat(model.sentence(variant).weights().keySet())
                    .containsExactlyInAnyOrderElementsOf(ReaderFeatures.SENTENCE);
            assertThat(model.answerable(variant).weights().keySet())
                    .containsExactlyInAnyOrderElementsOf(ReaderFeatures.ANSWERABLE);
            assertThat(model.answerable(variant).threshold()).isBetween(0.01, 0.99);
            assertThat(model.sentence(variant).threshold()).as("the short answer's gate").isBetween(0.01, 0.99);
            assertThat(model.following(variant).weights().keySet())
                    .containsExactlyInAnyOrderElementsOf(ReaderFeatures.FOLLOWING);
        }
    }

    @Test
    void theShippedModelSaysWhereItWasLearned() {
        var provenance = ReaderModel.shipped().provenance();

        assertThat(provenance.path("command").asText()).startsWith("./chat train-reader");
        assertThat(provenance.path("data_sha256").asText()).hasSize(64);
        assertThat(provenance.path("split_by_article").path("New_York_City").asText()).isEqualTo("test");
        assertThat(provenance.path("figures").path("with_meaning").path("validation")
                .path("top1_sentence_learned").asDouble()).isGreaterThan(0.5);
    }

    @Test
    void aLexicalVariantNeverReadsTheCosine() {
        ReaderModel model = ReaderModel.shipped();

        assertThat(model.sentence(ReaderFeatures.Variant.LEXICAL).weights().get("cosine")).isZero();
        assertThat(model.answerable(ReaderFeatures.Variant.LEXICAL).weights().get("best_cosine")).isZero();
        assertThat(model.following(ReaderFeatures.Variant.LEXICAL).weights().get("next_cosine_gap")).isZero();
    }

    @Test
    void theShippedShortAnswerChooserIsOfTheSignalsTheCodeComputesAndSaysWhereItWasLearned() {
        ShortAnswerModel model = ShortAnswerModel.shipped();

        assertThat(model.version())
                .as("src/main/resources/%s was learned for other signals: rebuild it with ./chat train-reader "
                        + "--short-answer-only", ShortAnswerModel.RESOURCE)
                .isEqualTo(ReaderFeatures.SHORT_ANSWER_VERSION);
        assertThat(model.chooser().weights().keySet()).containsExactlyInAnyOrderElementsOf(ReaderFeatures.SHORT_ANSWER);
        assertThat(model.chooser().threshold()).isBetween(0.01, 0.99);
        assertThat(model.provenance().path("command").asText()).startsWith("./chat train-reader --short-answer-only");
        assertThat(model.provenance().path("split_by_article").path("Solar_energy").asText()).isEqualTo("test");
        assertThat(model.provenance().path("figures").path("validation").path("learned_precision_overlap").asDouble())
                .isGreaterThan(model.provenance().path("figures").path("validation")
                        .path("nearest_rule_precision_overlap").asDouble());
    }
}
