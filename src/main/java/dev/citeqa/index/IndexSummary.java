package dev.citeqa.index;

import java.util.List;

import dev.citeqa.ingest.DocumentReader;

/**
 * What one indexing run did.
 *
 * @param embedded passages whose vectors were computed in this run (the others were unchanged or reused)
 */
public record IndexSummary(int added, int changed, int removed, int unchanged, List<DocumentReader.Skipped> skipped,
                           int passages, int embedded, long millis) {

    public boolean touched() {
        return added + changed + removed > 0;
    }

    public String line() {
        return "Indexed: " + added + " added, " + changed + " changed, " + removed + " removed, " + unchanged
                + " unchanged, " + skipped.size() + " skipped; " + passages + " passages, " + embedded + " embedded ("
                + millis + " ms).";
    }
}
