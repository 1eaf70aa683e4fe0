package dev.citeqa.index;

import java.util.List;

import dev.citeqa.ingest.DocumentReader;

/**
 * What one indexing run did.
 *
 * @param withoutVector passages left without a vector when the run ended (to be embedded, by a later step)
 * @param embedded      passages whose vectors were computed in this run (the others were unchanged or reused)
 */
public record IndexSummary(int added, int changed, int removed, int unchanged, List<DocumentReader.Skipped> skipped,
                           int passages, int withoutVector, int embedded, long millis) {

    public boolean touched() {
        return added + changed + removed > 0;
    }

    /** This run followed by an embedding step that computed {@code vectors} vectors in {@code embeddingMillis}. */
    public IndexSummary embedding(int vectors, int stillWithout, long embeddingMillis) {
        return new IndexSummary(added, changed, removed, unchanged, skipped, passages, stillWithout,
                embedded + vectors, millis + embeddingMillis);
    }

    public String line() {
        return "Indexed: " + added + " added, " + changed + " changed, " + removed + " removed, " + unchanged
                + " unchanged, " + skipped.size() + " skipped; " + passages + " passages, " + embedded + " embedded"
                + (withoutVector > 0 ? ", " + withoutVector + " to embed" : "") + " (" + millis + " ms).";
    }
}
