package dev.citeqa.answer;

import java.util.List;

/**
 * Where citation markers go in a sentence: "claim [1] [2]." with the markers before the full stop, or after a
 * closing quotation mark ("... he said.” [1]") so that they never land inside a quotation. The extractive
 * answerer writes this way and the citation check rewrites every reply to it.
 */
public final class CitationMarks {

    private static final String STOPS = ".!?…";

    private CitationMarks() {
    }

    /**
     * The markers placed, and a full stop after them when the sentence has none of its own (a headline or caption
     * quoted before another sentence would otherwise run into it: "... [Ministry of Defence] [1] Iran and ...").
     */
    public static String placeClosed(String sentence, List<Integer> numbers) {
        String placed = place(sentence, numbers);
        return CLOSED.matcher(sentence).find() ? placed : placed + ".";
    }

    private static final java.util.regex.Pattern CLOSED = java.util.regex.Pattern.compile(
            "[.!?…:;][\"'”’)\\]]*$");

    public static String place(String sentence, List<Integer> numbers) {
        if (numbers.isEmpty()) {
            return sentence;
        }
        StringBuilder markers = new StringBuilder();
        numbers.forEach(n -> markers.append(" [").append(n).append(']'));
        int end = sentence.length();
        if (end > 0 && STOPS.indexOf(sentence.charAt(end - 1)) >= 0) {
            int stop = end - 1;
            while (stop > 0 && STOPS.indexOf(sentence.charAt(stop - 1)) >= 0) {
                stop--;
            }
            return sentence.substring(0, stop) + markers + sentence.substring(stop);
        }
        return sentence + markers;
    }
}
