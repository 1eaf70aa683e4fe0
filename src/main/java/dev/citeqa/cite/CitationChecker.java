package dev.citeqa.cite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.citeqa.answer.CitationMarks;
import dev.citeqa.answer.Reply;
import dev.citeqa.index.Analysis;
import dev.citeqa.ingest.SentenceSplitter;
import dev.citeqa.retrieve.RankedPassage;

/**
 * Reads the {@code [n]} markers of a reply against the passages it was given: unknown numbers are removed and
 * reported, sources are renumbered in order of first use, and each sentence is scored against the passages it
 * cites. A reply that says the documents do not answer, and cites nothing, is an abstention.
 */
public final class CitationChecker {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+(?:\\s*[,;]\\s*\\d+)*)\\]");
    private static final Pattern MARKERS_AFTER_STOP =
            Pattern.compile("([.!?])([\"'”’)]*)((?:\\s*\\[\\d+(?:\\s*[,;]\\s*\\d+)*\\])+)");
    private static final Pattern ABSTENTION = Pattern.compile(
            "\\b(do(es)? not|don't|doesn't|cannot|can't|can ?not|unable to|no information|not enough information"
                    + "|not (mentioned|stated|specified|covered|provided|found)|nothing (in|about))\\b.{0,60}"
                    + "\\b(answer|documents?|passages?|sources?|context|information|say|mention|contain|provided|find)\\b"
                    + "|^i answer only from\\b|^(the )?(documents|passages|sources) (do not|don't)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Sentences before a cited passage that count towards its support. */
    private static final int LEAD_SENTENCES = 3;

    private CitationChecker() {
    }

    public static CitedAnswer check(String question, Reply reply, List<RankedPassage> context) {
        return check(question, reply, context, passage -> "");
    }

    /**
     * As {@link #check(String, Reply, List)}, where a sentence may also draw on the few sentences of its file just
     * before a cited passage ({@code before}): what a "he said" at the top of the passage refers back to.
     */
    public static CitedAnswer check(String question, Reply reply, List<RankedPassage> context,
                                    java.util.function.Function<dev.citeqa.ingest.Passage, String> before) {
        String text = reply.text() == null ? "" : reply.text().strip();
        // "claim. [1]" and "claim [1]." both cite the claim: move markers before the full stop.
        text = MARKERS_AFTER_STOP.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(3).strip() + m.group(1) + m.group(2)));

        Map<Integer, Integer> renumbered = new LinkedHashMap<>();
        Set<Integer> unknown = new LinkedHashSet<>();
        List<CheckedSentence> checked = new ArrayList<>();
        Map<Integer, String> firstSentence = new LinkedHashMap<>();
        Map<Integer, String> shortClaims = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        for (SentenceSplitter.Span span : SentenceSplitter.split(text, 0, text.length())) {
            String sentence = text.substring(span.start(), span.end());
            List<Integer> cites = new ArrayList<>();
            Matcher m = MARKER.matcher(sentence);
            while (m.find()) {
                for (String number : m.group(1).split("\\s*[,;]\\s*")) {
                    String digits = number.strip();
                    int n = digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
                    if (n < 1 || n > context.size()) {
                        unknown.add(n);
                    } else if (!cites.contains(n)) {
                        cites.add(n);
                        renumbered.computeIfAbsent(n, k -> renumbered.size() + 1);
                    }
                }
            }
            // removing "[1]" from "[1[1]0]" leaves "[10]": what looks like a marker after removal is plain text
            String claim = MARKER.matcher(MARKER.matcher(sentence).replaceAll("")).replaceAll("($1)")
                    .replaceAll("\\s+", " ")
                    .replaceAll(" ([.,;:!?])", "$1").strip();
            boolean factual = isFactual(claim);
            double support = cites.isEmpty() ? 0
                    : SupportScorer.support(claim, cites.stream().map(n -> {
                        dev.citeqa.ingest.Passage passage = context.get(n - 1).passage();
                        return lead(before.apply(passage)) + supportText(passage);
                    }).toList());
            List<Integer> newCites = cites.stream().map(renumbered::get).toList();
            String clean = CitationMarks.place(claim, newCites);
            // a short answer ("Tehran [1].") is not the sentence a source is shown for: the statement after it is
            for (int n : cites) {
                if (factual) {
                    firstSentence.putIfAbsent(n, claim);
                }
                shortClaims.putIfAbsent(n, claim);
            }
            checked.add(new CheckedSentence(claim, newCites, support, !cites.isEmpty() && support >= SupportScorer.SUPPORTED,
                    factual));
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(clean);
        }
        List<Citation> citations = new ArrayList<>();
        renumbered.forEach((original, n) -> citations.add(
                new Citation(n, context.get(original - 1).passage(),
                firstSentence.get(original) != null ? firstSentence.get(original) : shortClaims.get(original))));
        boolean abstained = citations.isEmpty() && (text.isEmpty() || ABSTENTION.matcher(text).find());
        if (abstained) {
            checked = checked.stream()
                    .map(s -> new CheckedSentence(s.text(), s.cites(), s.support(), s.supported(), false)).toList();
        }
        return new CitedAnswer(question, out.toString(), abstained, List.copyOf(citations), List.copyOf(checked),
                List.copyOf(unknown), reply);
    }

    /** The last sentences of the text before a passage, as many as a "he said" may refer back over. */
    private static String lead(String before) {
        String lead = SentenceSplitter.lastSentences(before, LEAD_SENTENCES);
        return lead.isEmpty() ? "" : lead + "\n";
    }

    /** What a passage vouches for: its text, and the date of its article, which the index knows. */
    static String supportText(dev.citeqa.ingest.Passage passage) {
        if (passage.date() == null) {
            return passage.text();
        }
        java.time.LocalDate day = java.time.LocalDate.parse(passage.date());
        return passage.text() + "\n(dated " + passage.date() + ", " + day.format(java.time.format.DateTimeFormatter
                .ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)) + ")";
    }

    private static boolean isFactual(String claim) {
        if (ABSTENTION.matcher(claim).find()) {
            return false;
        }
        return Analysis.contentTerms(claim).size() >= 3;
    }
}
