package dev.citeqa.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.citeqa.index.Embedder;

/**
 * How close in meaning a question is to candidate answer sentences, by the cosine of their embeddings under the
 * in-jar model that retrieval already loaded (the question's vector is the one retrieval computed). Sentences recur
 * from question to question of one folder, so their vectors are kept (a few thousand, least recently used dropped)
 * and only new ones are embedded, in one batch.
 */
public interface SentenceMeaning {

    SentenceMeaning NONE = (question, sentences) -> Optional.empty();

    /** The cosine of the question with each sentence, or empty when no model is configured. */
    Optional<double[]> similarity(String question, List<String> sentences);

    static SentenceMeaning of(Embedder embedder) {
        if (!embedder.enabled()) {
            return NONE;
        }
        return new Cached(embedder);
    }

    /** Vectors of recent sentences and questions, kept by text. */
    final class Cached implements SentenceMeaning {

        private static final int KEPT = 8_192;
        private final Embedder embedder;
        private final Map<String, float[]> sentences = lru(KEPT);

        Cached(Embedder embedder) {
            this.embedder = embedder;
        }

        private static Map<String, float[]> lru(int size) {
            return new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > size;
                }
            };
        }

        @Override
        public synchronized Optional<double[]> similarity(String question, List<String> texts) {
            float[] q = embedder.query(question);
            List<String> missing = new ArrayList<>();
            for (String text : texts) {
                if (!sentences.containsKey(text) && !missing.contains(text)) {
                    missing.add(text);
                }
            }
            if (!missing.isEmpty()) {
                List<float[]> vectors = embedder.passages(missing);
                for (int i = 0; i < missing.size(); i++) {
                    sentences.put(missing.get(i), vectors.get(i));
                }
            }
            double[] cosines = new double[texts.size()];
            for (int i = 0; i < cosines.length; i++) {
                float[] s = sentences.get(texts.get(i));
                for (int j = 0; j < q.length; j++) {
                    cosines[i] += q[j] * s[j];
                }
            }
            return Optional.of(cosines);
        }
    }
}
