package dev.citeqa.retrieve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysed terms of a question with their inverse document frequency in the index: how much finding each
 * term in a passage says about it. Rare names weigh more than common words.
 */
public record TermWeights(Map<String, Double> idf) {

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
}
