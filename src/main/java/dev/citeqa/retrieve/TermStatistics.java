package dev.citeqa.retrieve;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What BM25 weights and name variants need to know of an index, asked in batches so that an engine across the
 * network answers a question's terms in one request.
 */
public interface TermStatistics {

    /** Passages that have text. */
    long passageCount();

    /** Passages holding each term in their text (absent or 0 when none does). */
    Map<String, Long> docFreqs(Collection<String> terms);

    /** For each sound key, the corpus terms indexed under it, in term order ({@link dev.citeqa.index.NameVariants}). */
    Map<String, List<String>> spellings(Collection<String> keys);

    /**
     * {@link #docFreqs} and {@link #spellings} together, which an engine across the network answers in one request
     * instead of two one after the other.
     */
    default Lookup lookup(Collection<String> terms, Collection<String> keys) {
        return new Lookup(docFreqs(terms), spellings(keys));
    }

    record Lookup(Map<String, Long> docFreqs, Map<String, List<String>> spellings) {
    }
}
