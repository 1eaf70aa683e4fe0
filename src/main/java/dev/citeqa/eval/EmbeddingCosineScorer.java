package dev.citeqa.eval;

import java.util.List;

import dev.citeqa.index.Embedder;

/**
 * The cosine between the question and each sentence under the product's embedding model (the question with the
 * model's query instruction, the sentences as passages): the bi-encoder signal retrieval already computes,
 * measured alone as a sentence scorer.
 */
public final class EmbeddingCosineScorer implements SentenceScorer {

    private final Embedder embedder;

    public EmbeddingCosineScorer(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public double[] score(String question, List<String> candidates) {
        float[] asked = embedder.query(question);
        List<float[]> sentences = embedder.passages(candidates);
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            float[] sentence = sentences.get(i);
            double dot = 0;
            for (int d = 0; d < asked.length; d++) {
                dot += asked[d] * sentence[d];
            }
            scores[i] = dot;
        }
        return scores;
    }
}
