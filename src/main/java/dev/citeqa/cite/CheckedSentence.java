package dev.citeqa.cite;

import java.util.List;

/**
 * One sentence of an answer, with the sources it cites and how well they support it (0..1).
 *
 * @param factual whether it makes a claim that needs a source (not a refusal or a remark about the documents)
 */
public record CheckedSentence(String text, List<Integer> cites, double support, boolean supported, boolean factual) {

    /** A claim without a source, or with sources that do not carry it. */
    public boolean flagged() {
        return factual && (!supported || cites.isEmpty());
    }
}
