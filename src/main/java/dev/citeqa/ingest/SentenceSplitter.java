package dev.citeqa.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a paragraph into sentences, keeping offsets. A full stop ends a sentence unless it closes a known
 * abbreviation or an initial ("Brig. Gen. Hossein", "U.S. troops", "Sept. 8"); the next sentence must start with
 * an upper-case letter, a digit or an opening quote.
 */
public final class SentenceSplitter {

    /** A sentence: its text and its offsets in the file's text. */
    public record Span(int start, int end) {
    }

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "brig", "col", "lt", "capt", "cpt",
            "maj", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr", "gov", "sen", "rep", "pres", "rev", "hon", "amb", "insp",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "no", "nos", "vol", "vols", "fig", "figs", "eq", "p", "pp", "ch", "sec", "art", "approx", "est", "dept",
            "inc", "ltd", "co", "corp", "bros", "vs", "etc", "al", "e.g", "i.e", "cf", "viz", "ca", "op", "ed", "eds");

    private SentenceSplitter() {
    }

    /** The last {@code count} sentences of a text as they stand in it (the whole text when it has fewer). */
    public static String lastSentences(String text, int count) {
        List<Span> spans = split(text, 0, text.length());
        return spans.isEmpty() ? "" : text.substring(spans.get(Math.max(0, spans.size() - count)).start());
    }

    /** Sentences of {@code text} between {@code from} and {@code to}. */
    public static List<Span> split(String text, int from, int to) {
        List<Span> spans = new ArrayList<>();
        int start = skipSpace(text, from, to);
        int i = start;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\n' && i > start) {
                // paragraphs are joined only before lower-case words, so a line break before a capital ends one
                int next = skipSpace(text, i, to);
                // "... and the maximum is\n\n100.": a figure after a line that stopped mid-sentence goes on with it
                boolean figureGoesOn = next < to && Character.isDigit(text.charAt(next))
                        && !Text.endsLikeSentence(text.substring(start, i));
                if (next < to && startsSentence(text.charAt(next)) && !figureGoesOn) {
                    int end = i;
                    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                        end--;
                    }
                    spans.add(new Span(start, end));
                    start = next;
                    i = next;
                    continue;
                }
            }
            if (c == '.' || c == '!' || c == '?' || c == '…') {
                int end = i + 1;
                while (end < to && ".!?…".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                while (end < to && "\"'”’)]»".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                int next = skipSpace(text, end, to);
                if (next >= to) {
                    break;
                }
                if (next > end && startsSentence(text.charAt(next)) && !(c == '.' && isAbbreviation(text, start, i))) {
                    spans.add(new Span(start, end));
                    start = next;
                    i = next;
                    continue;
                }
                i = end;
                continue;
            }
            i++;
        }
        int end = to;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            spans.add(new Span(start, end));
        }
        return spans;
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"'“‘([«".indexOf(c) >= 0;
    }

    private static boolean isAbbreviation(String text, int sentenceStart, int dot) {
        int wordStart = dot;
        while (wordStart > sentenceStart && !Character.isWhitespace(text.charAt(wordStart - 1))
                && "\"'“‘([".indexOf(text.charAt(wordStart - 1)) < 0) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot).toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
            return false;
        }
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return true; // an initial: "J. Smith", "U.S."
        }
        if (word.matches("([a-z]\\.)+[a-z]")) {
            return true; // "U.S", "e.g"
        }
        return ABBREVIATIONS.contains(word);
    }

    private static int skipSpace(String text, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
