package dev.citeqa.eval;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.citeqa.index.Analysis;

/**
 * The word-overlap baseline: the idf-weighted share of the question's content terms (the product's analysis:
 * stemmed, function words left out) that a sentence holds. The idf is BM25's, counted over a collection of
 * sentences given once (for WikiQA, every candidate sentence of the file; no label is read).
 */
public final class WordOverlapScorer implements SentenceScorer {

    private final Map<String, Integer> documentFrequency;
    private final int sentences;

    private WordOverlapScorer(Map<String, Integer> documentFrequency, int sentences) {
        this.documentFrequency = Map.copyOf(documentFrequency);
        this.sentences = sentences;
    }

    /** A scorer whose idf is counted over these sentences, each one document. */
    public static WordOverlapScorer over(Collection<String> collection) {
        Map<String, Integer> frequency = new HashMap<>();
        for (String sentence : collection) {
            for (String term : Set.copyOf(Analysis.contentTerms(sentence))) {
                frequency.merge(term, 1, Integer::sum);
            }
        }
        return new WordOverlapScorer(frequency, collection.size());
    }

    /** BM25's idf, ln(1 + (N - df + 0.5) / (df + 0.5)): never negative, highest for terms seen nowhere. */
    double idf(String term) {
        int df = documentFrequency.getOrDefault(term, 0);
        return Math.log(1 + (sentences - df + 0.5) / (df + 0.5));
    }

    @Override
    public double[] score(String question, List<String> candidates) {
        Set<String> asked = new LinkedHashSet<>(Analysis.contentTerms(question));
        double total = asked.stream().mapToDouble(this::idf).sum();
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < candidates.size() && total > 0; i++) {
            Set<String> held = Set.copyOf(Analysis.contentTerms(candidates.get(i)));
            scores[i] = asked.stream().filter(held::contains).mapToDouble(this::idf).sum() / total;
        }
        return scores;
    }
}
