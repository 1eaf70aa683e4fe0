package dev.citeqa.cite;

import dev.citeqa.ingest.Passage;

/**
 * A numbered source of an answer: {@code [n]} in the answer text resolves to this passage.
 *
 * @param sentence the first answer sentence that cites it (used to mark the passage when shown)
 */
public record Citation(int n, Passage passage, String sentence) {
}
