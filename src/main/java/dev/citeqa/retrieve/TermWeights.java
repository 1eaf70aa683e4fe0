package dev.citeqa.retrieve;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.citeqa.index.Analysis;

/**
 * The analysed terms of a question with their inverse document frequency in the index: how much finding each
 * term in a passage says about it. Rare names weigh more than common words.
 *
 * @param variants for a question term, the corpus terms that spell the same name another way (Dehghan: dehqan)
 */
public record TermWeights(Map<String, Double> idf, Map<String, Set<String>> variants) {

    public TermWeights(Map<String, Double> idf) {
        this(idf, Map.of());
    }

    public static TermWeights uniform(List<String> terms) {
        Map<String, Double> weights = new LinkedHashMap<>();
        terms.forEach(t -> weights.put(t, 1.0));
        return new TermWeights(weights);
    }

    public double total() {
        return idf.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double weight(String term) {
        return idf.getOrDefault(term, 0.0);
    }

    /** A text's analysed terms, as the question's were analysed. */
    public Set<String> termsOf(String text) {
        return new HashSet<>(Analysis.terms(text));
    }

    /** Whether a text's terms hold the question term, as spelled or as one of its variants. */
    public boolean foundIn(String term, Set<String> terms) {
        return terms.contains(term) || variants.getOrDefault(term, Set.of()).stream().anyMatch(terms::contains);
    }
}
