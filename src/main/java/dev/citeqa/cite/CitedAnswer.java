package dev.citeqa.cite;

import java.util.List;

import dev.citeqa.answer.Reply;

/**
 * An answer whose citations were parsed, renumbered in order of first use and checked against their passages.
 *
 * @param text           the answer with citations renumbered and unknown ones removed
 * @param unknownMarkers citation numbers the reply used that pointed at no passage (removed from the text)
 */
public record CitedAnswer(String question, String text, boolean abstained, List<Citation> citations,
                          List<CheckedSentence> sentences, List<Integer> unknownMarkers, Reply reply) {

    /** Sentences flagged as unsupported or uncited. */
    public long unsupported() {
        return sentences.stream().filter(CheckedSentence::flagged).count();
    }
}
