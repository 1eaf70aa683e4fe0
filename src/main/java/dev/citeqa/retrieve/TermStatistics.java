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
}
