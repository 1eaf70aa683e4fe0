package dev.citeqa.retrieve;

import java.util.Locale;

import dev.citeqa.config.Problem;

/** Which rankings find the passages: words (BM25), meaning (vectors), or both fused by rank. */
public enum RetrievalMode {
    BM25, VECTOR, HYBRID;

    public static RetrievalMode parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Problem("Unknown retrieval mode '" + value + "': use bm25, vector or hybrid.");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
