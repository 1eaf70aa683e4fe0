package dev.citeqa.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a paragraph into sentences, keeping offsets. A full stop ends a sentence unless it closes a known
 * abbreviation or an initial ("Brig. Gen. Hossein", "U.S. troops", "Sept. 8"); the next sentence must start with
 * an upper-case letter, a digit or an opening quote.
 *
 * <p>Kept over the JDK's {@code BreakIterator} and ICU4J 77.1 ({@code en@ss=standard}, its abbreviation
 * suppressions) because it measured better. Boundaries agree with ICU4J's at F1 0.929 on the seeds' 69 paragraphs
 * and 0.980 on the 694 paragraphs of squad2-train-partial (JDK: 0.730 and 0.969). Read one by one, the SQuAD
 * boundaries only one side finds were: ours alone 16 (11 right, 5 wrong: "Opp. 66", "fl. 1403", "..." inside
 * quotations), ICU4J alone 83 (8 right, 75 wrong: initials "J. S. Bach", "St. John's", "No. 2", "U.S. Open");
 * ours alone against the JDK 13 (11 right), the JDK alone 138 (9 right, 129 wrong, most of them a footnote mark
 * "[n 3]" cut from its sentence, "Mr." and initials). On the seeds ICU4J and the JDK also split "Brig. Gen." and a
 * URL's "?", and the JDK keeps forum lines ("Joined", "Messages 3,868") in one sentence. Two misses this
 * measurement found in ours were fixed (a possessive "Robinson's." read as an initial; a quotation closing after
 * "etc."); the seeds' boundaries did not change. Measured with
 * {@code java -cp target/classes:target/test-classes:<jackson>:<icu4j-77.1.jar>
 * dev.citeqa.ingest.SentenceBoundaryAgreement seeds <squad2-train-partial json> disagreements.tsv}.
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
                // a line that opens as code does ("{", "}", "<tag>", "$ cmd", "`x`") is no continuation of prose
                if (next < to && (startsSentence(text.charAt(next)) || "{}<$`".indexOf(text.charAt(next)) >= 0)
                        && !figureGoesOn) {
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
                boolean quoteClosed = false;
                while (end < to && "\"'”’)]»".indexOf(text.charAt(end)) >= 0) {
                    quoteClosed |= "\"'”’»".indexOf(text.charAt(end)) >= 0;
                    end++;
                }
                int next = skipSpace(text, end, to);
                if (next >= to) {
                    break;
                }
                // a quotation closing right after the full stop ends the sentence even after "etc." or "Inc."
                if (next > end && startsSentence(text.charAt(next))
                        && !(c == '.' && !quoteClosed && isAbbreviation(text, start, i))) {
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
        while (wordStart > sentenceStart && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        // an opening quote or bracket is not part of the word; an apostrophe inside it is ("Robinson's." is no initial)
        while (wordStart < dot && "\"'“‘([".indexOf(text.charAt(wordStart)) >= 0) {
            wordStart++;
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
