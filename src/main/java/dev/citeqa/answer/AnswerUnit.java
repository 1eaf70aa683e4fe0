package dev.citeqa.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.citeqa.index.Analysis;
import dev.citeqa.ingest.Passage;
import dev.citeqa.ingest.SentenceSplitter;
import dev.citeqa.retrieve.RankedPassage;

/**
 * A candidate answer: one sentence of a retrieved passage, read together with the sentence before it when it opens
 * with a pronoun that points back at it ("He said ...", "It was signed ..."). A definite noun ("The agreement ...")
 * was tried too, but it joined sentences that stand on their own ("The harbour authority approved ..."). Headlines, captions and list items are recognised from
 * their shape (a line of their own without a closing stop) and marked, so the reader can weigh them as what they are.
 *
 * @param passage index of the passage in the request's context
 * @param start   where the quoted text starts in the passage (the lead's start when the lead is quoted)
 * @param sentenceStart where the sentence itself starts in the passage
 * @param end     where the sentence ends in the passage
 * @param text    the sentence as quoted (with its lead when the lead is in the same passage), spaces folded
 * @param sentence the sentence alone
 * @param lead    the sentence before it that it refers to, or "" when it stands on its own
 * @param terms   analysed terms of the sentence and its lead
 */
public record AnswerUnit(int passage, int start, int sentenceStart, int end, String text, String sentence, String lead,
                         Kind kind, Set<String> terms) {

    /** What a unit is, by its shape. */
    public enum Kind { SENTENCE, HEADLINE, LIST_ITEM, CODE }

    /** "[3]" written inside a document is quoted as "(3)", so it can never pass for one of our citations. */
    private static final Pattern DOCUMENT_MARKER = Pattern.compile("\\[(\\d{1,4}(?:\\s*[,;]\\s*\\d{1,4})*)\\]");
    private static final Pattern REFERRING_OPENER = Pattern.compile(
            "(?i)^[\"'“‘]?(he|she|it|they|his|her|its|their|this|these|those|that|such|both|the latter|the former)\\b.*",
            Pattern.DOTALL);
    private static final Pattern LIST_MARKER = Pattern.compile("^([-*•–]|\\d{1,3}[.)])\\s+.*", Pattern.DOTALL);
    private static final int MIN_CHARS = 12;

    public boolean headline() {
        return kind != Kind.SENTENCE;
    }

    /** The candidate units of every passage of the context, in context order. */
    public static List<AnswerUnit> of(List<RankedPassage> context, Function<Passage, String> before) {
        List<AnswerUnit> units = new ArrayList<>();
        for (int i = 0; i < context.size(); i++) {
            Passage passage = context.get(i).passage();
            String text = passage.text();
            List<SentenceSplitter.Span> spans = SentenceSplitter.split(text, 0, text.length());
            for (int s = 0; s < spans.size(); s++) {
                SentenceSplitter.Span span = spans.get(s);
                String sentence = clean(text.substring(span.start(), span.end()));
                if (sentence.length() < MIN_CHARS || sentence.endsWith("?")) {
                    continue;
                }
                Kind kind = kind(text, span);
                String lead = "";
                int start = span.start();
                String quoted = sentence;
                if (kind == Kind.SENTENCE && refersBack(sentence, s > 0 ? text.substring(spans.get(s - 1).start(),
                        spans.get(s - 1).end()) : SentenceSplitter.lastSentences(before.apply(passage), 1))) {
                    if (s > 0) {
                        lead = clean(text.substring(spans.get(s - 1).start(), spans.get(s - 1).end()));
                        start = spans.get(s - 1).start();
                        quoted = clean(text.substring(start, span.end()));
                    } else {
                        lead = clean(SentenceSplitter.lastSentences(before.apply(passage), 1));
                    }
                }
                Set<String> terms = new HashSet<>(Analysis.terms(sentence));
                if (terms.size() < 2) {
                    continue;
                }
                terms.addAll(Analysis.terms(lead));
                units.add(new AnswerUnit(i, start, span.start(), span.end(), quoted, sentence, lead, kind, Set.copyOf(terms)));
            }
        }
        return units;
    }

    private static String clean(String text) {
        return DOCUMENT_MARKER.matcher(text).replaceAll("($1)").replaceAll("\\s+", " ").strip();
    }

    /**
     * A line of its own that does not end as a sentence does: a headline or caption, or code when it is shaped so; or
     * a list item.
     */
    private static Kind kind(String text, SentenceSplitter.Span span) {
        int before = span.start() - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
            before--; // an indented line is a line of its own
        }
        boolean lineBefore = before < 0 || text.charAt(before) == '\n'
                || text.substring(0, span.start()).stripTrailing().endsWith("\n")
                || text.substring(0, span.start()).isBlank();
        int after = span.end();
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        boolean lineAfter = after >= text.length() || text.charAt(after) == '\n';
        String sentence = text.substring(span.start(), span.end()).strip();
        if (lineBefore && LIST_MARKER.matcher(sentence).matches()) {
            return Kind.LIST_ITEM;
        }
        boolean closed = sentence.matches("(?s).*[.!?…][\"'”’)]*$");
        if (lineBefore && lineAfter && !closed) {
            return codeShaped(sentence) ? Kind.CODE : Kind.HEADLINE;
        }
        return Kind.SENTENCE;
    }

    /** Code on lines of its own ('"name": "my-package",', "} }"): brackets or operators, and few letters for its size. */
    private static final Pattern CODE_MARK = Pattern.compile("[{}\\[\\]<>=;\"`$]");

    static boolean codeShaped(String line) {
        long letters = line.codePoints().filter(Character::isLetter).count();
        long visible = line.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        return visible > 0 && letters < 0.7 * visible && CODE_MARK.matcher(line).find();
    }

    /** Whether a sentence opens with a word that points back at the sentence before it. */
    static boolean refersBack(String sentence, String previous) {
        if (previous == null || previous.isBlank()) {
            return false;
        }
        if (REFERRING_OPENER.matcher(sentence).matches()) {
            return true;
        }
        return false;
    }
}
