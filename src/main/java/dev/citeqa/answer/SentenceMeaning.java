package dev.citeqa.answer;

import java.util.List;
import java.util.Optional;

import dev.citeqa.index.Embedder;

/**
 * How close in meaning a question is to candidate answer sentences, by the cosine of their embeddings. The
 * extractive answerer asks it only when no sentence shares enough of the question's words (a paraphrase).
 */
public interface SentenceMeaning {

    SentenceMeaning NONE = new SentenceMeaning() {
        @Override
        public Optional<double[]> similarity(String question, List<String> sentences) {
            return Optional.empty();
        }

        @Override
        public double saysWhatWasAsked() {
            return Double.POSITIVE_INFINITY;
        }
    };

    /** The cosine of the question with each sentence, or empty when no model is configured. */
    Optional<double[]> similarity(String question, List<String> sentences);

    /** The cosine from which a sentence is taken to answer the question, for this model. */
    double saysWhatWasAsked();

    static SentenceMeaning of(Embedder embedder) {
        if (!embedder.enabled()) {
            return NONE;
        }
        return new SentenceMeaning() {
            @Override
            public Optional<double[]> similarity(String question, List<String> sentences) {
                float[] q = embedder.query(question);
                List<float[]> vectors = embedder.passages(sentences);
                double[] cosines = new double[sentences.size()];
                for (int i = 0; i < cosines.length; i++) {
                    float[] s = vectors.get(i);
                    for (int j = 0; j < q.length; j++) {
                        cosines[i] += q[j] * s[j];
                    }
                }
                return Optional.of(cosines);
            }

            @Override
            public double saysWhatWasAsked() {
                return embedder.answerSimilarity();
            }
        };
    }
}
