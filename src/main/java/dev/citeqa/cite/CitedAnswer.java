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

    /** The longest opening a model's answer may have to count as its short answer ("Tehran [1]."). */
    private static final int SHORT_WORDS = 8;

    /**
     * The name, place, date, number or yes/no the answer opens with, without its citation; null when it declined or
     * opens with a full sentence. The offline reader says which phrase it chose; a model's answer is read for it.
     */
    public String shortAnswer() {
        if (abstained) {
            return null;
        }
        if (reply.shortAnswer() != null) {
            return reply.shortAnswer();
        }
        if ("extractive".equals(reply.provider())) {
            return null;
        }
        var spans = dev.citeqa.ingest.SentenceSplitter.split(text, 0, text.length());
        if (spans.isEmpty()) {
            return null;
        }
        String first = text.substring(spans.getFirst().start(), spans.getFirst().end())
                .replaceAll("\\s*\\[\\d+(?:\\s*[,;]\\s*\\d+)*\\]", "").replaceAll("[.!]+$", "").strip();
        return first.isEmpty() || first.split("\\s+").length > SHORT_WORDS ? null : first;
    }

    /** Sentences flagged as unsupported or uncited. */
    public long unsupported() {
        return sentences.stream().filter(CheckedSentence::flagged).count();
    }
}
