package dev.citeqa.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.RankedPassage;

/**
 * Where the sources disagree about a sentence an answer uses: the same quote attributed to different people by
 * different files, or one statement given with different figures. Finds the other side among the sentences of the
 * passages at hand and says so in one sentence that cites each side, so the reader sees the conflict instead of
 * one side of it.
 */
final class Disagreements {

    private static final Pattern QUOTED = Pattern.compile("[\"“]([^\"“”]{12,})[\"”]");
    private static final Pattern FIGURE = Pattern.compile("\\b\\d[\\d,]*(?:\\.\\d+)?\\b");
    /** Words a quote must have for its repetition elsewhere to count as the same quote. */
    private static final int QUOTE_WORDS = 5;
    /** Share of words two quotes must share to be one quote, reported with small differences. */
    private static final double SAME_QUOTE = 0.8;
    /** Share of content terms two sentences must share, figures aside, to state the same thing. */
    private static final double SAME_STATEMENT = 0.6;

    /** A sentence at hand: the index of its passage in the context, where it starts there, its text and terms. */
    record Said(int passage, int start, String text, Set<String> terms) {
    }

    private Disagreements() {
    }

    /**
     * A sentence saying how the sources disagree about {@code chosen}, citing each side by its passage number
     * (context index + 1), or empty when they agree or the other side is not at hand.
     */
    static Optional<String> about(Said chosen, List<Said> others, List<RankedPassage> context,
                                  Function<Passage, String> before) {
        Optional<String> speakers = speakers(chosen, others, context, before);
        return speakers.isPresent() ? speakers : figures(chosen, others, context);
    }

    private static Optional<String> speakers(Said chosen, List<Said> others, List<RankedPassage> context,
                                             Function<Passage, String> before) {
        Optional<List<String>> quote = quote(chosen.text());
        if (quote.isEmpty()) {
            return Optional.empty();
        }
        List<String> texts = context.stream().map(h -> h.passage().text()).toList();
        Map<String, Integer> sides = new LinkedHashMap<>(); // speaker -> first passage attributing the quote to them
        Set<String> files = new HashSet<>();
        for (Said said : withFirst(chosen, others)) {
            String file = context.get(said.passage()).passage().file();
            if (!said.equals(chosen) && (files.contains(file) || !sameQuote(quote.get(), quote(said.text())))) {
                continue;
            }
            Passage passage = context.get(said.passage()).passage();
            Optional<String> speaker = Attribution.speaker(passage.text(), said.start(), before.apply(passage), texts);
            if (speaker.isEmpty()) {
                continue;
            }
            files.add(file);
            if (sides.keySet().stream().noneMatch(known -> Attribution.samePerson(known, speaker.get()))) {
                sides.put(speaker.get(), said.passage());
            }
        }
        if (sides.size() < 2) {
            return Optional.empty();
        }
        // every sentence cites its side: a sentence of its own without a source would be an uncited claim
        StringBuilder note = new StringBuilder("The sources disagree:");
        sides.forEach((speaker, passage) -> note.append(' ').append(speaker).append(" said it, according to [")
                .append(passage + 1).append("]."));
        return Optional.of(note.toString());
    }

    private static Optional<String> figures(Said chosen, List<Said> others, List<RankedPassage> context) {
        Map<String, String> mineWritten = figuresIn(chosen.text());
        Set<String> mine = mineWritten.keySet();
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        Set<String> chosenTerms = withoutFigures(chosen.terms());
        String chosenFile = context.get(chosen.passage()).passage().file();
        Map<String, Said> sides = new LinkedHashMap<>(); // figures as written -> the first sentence giving them
        sides.put(String.join(" and ", mineWritten.values()), chosen);
        Set<String> files = new HashSet<>(Set.of(chosenFile));
        for (Said said : others) {
            String file = context.get(said.passage()).passage().file();
            Map<String, String> theirsWritten = figuresIn(said.text());
            Set<String> theirs = theirsWritten.keySet();
            if (files.contains(file) || theirs.isEmpty() || theirs.equals(mine)
                    || theirs.containsAll(mine) || mine.containsAll(theirs)
                    || overlap(chosenTerms, withoutFigures(said.terms())) < SAME_STATEMENT) {
                continue;
            }
            files.add(file);
            sides.putIfAbsent(String.join(" and ", theirsWritten.values()), said);
        }
        if (sides.size() < 2) {
            return Optional.empty();
        }
        // the answer states the chosen side; each other side is quoted whole, so its figure keeps its context
        List<String> notes = new ArrayList<>();
        sides.values().stream().filter(said -> said != chosen).forEach(said -> notes.add("The sources give "
                + "different figures; another source says: " + said.text().replaceAll("[.!]+$", "") + " ["
                + (said.passage() + 1) + "]."));
        return Optional.of(String.join(" ", notes));
    }

    private static List<Said> withFirst(Said chosen, List<Said> others) {
        List<Said> all = new ArrayList<>(List.of(chosen));
        others.stream().filter(s -> !s.equals(chosen)).forEach(all::add);
        return all;
    }

    /** The words of the longest quotation in a sentence, if it is long enough to recognise elsewhere. */
    private static Optional<List<String>> quote(String sentence) {
        List<String> longest = List.of();
        Matcher m = QUOTED.matcher(sentence);
        while (m.find()) {
            List<String> words = words(m.group(1));
            if (words.size() > longest.size()) {
                longest = words;
            }
        }
        return longest.size() >= QUOTE_WORDS ? Optional.of(longest) : Optional.empty();
    }

    private static boolean sameQuote(List<String> a, Optional<List<String>> b) {
        if (b.isEmpty()) {
            return false;
        }
        return overlap(new HashSet<>(a), new HashSet<>(b.get())) >= SAME_QUOTE;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** The figures of a sentence as written, by their value without thousands separators (1,500 is 1500). */
    private static Map<String, String> figuresIn(String sentence) {
        Map<String, String> figures = new LinkedHashMap<>();
        Matcher m = FIGURE.matcher(sentence);
        while (m.find()) {
            figures.putIfAbsent(m.group().replace(",", ""), m.group());
        }
        return figures;
    }

    private static Set<String> withoutFigures(Set<String> terms) {
        Set<String> kept = new HashSet<>();
        for (String term : terms) {
            if (!term.matches(".*\\d.*")) {
                kept.add(term);
            }
        }
        return kept;
    }

    /** Shared items over the union (Jaccard). */
    static double overlap(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        long shared = a.stream().filter(b::contains).count();
        return union.isEmpty() ? 0 : (double) shared / union.size();
    }
}
