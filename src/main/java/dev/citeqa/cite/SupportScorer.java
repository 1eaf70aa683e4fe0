package dev.citeqa.cite;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.citeqa.index.Analysis;

/**
 * How well passages support a sentence: the share of the sentence's content terms found in them, and the share of
 * its names and numbers found there, averaged. Names and numbers weigh as much as all other words, since a wrong
 * name or figure is the error that matters most.
 */
public final class SupportScorer {

    public static final double SUPPORTED = 0.6;

    private static final Pattern ENTITY = Pattern.compile("\\b(\\p{Lu}[\\p{L}'’-]+|\\d[\\d,.]*\\d|\\d)\\b");
    private static final Set<String> SENTENCE_STARTERS = Set.of("the", "a", "an", "in", "on", "at", "it", "he", "she",
            "they", "this", "that", "these", "those", "but", "and", "also", "according", "as", "after", "before",
            "during", "while", "when", "since", "there", "its", "his", "her", "their", "we", "i", "both", "some");

    private SupportScorer() {
    }

    public static double support(String sentence, List<String> passages) {
        Set<String> passageTerms = new HashSet<>();
        StringBuilder joined = new StringBuilder();
        for (String passage : passages) {
            passageTerms.addAll(Analysis.terms(passage));
            joined.append(passage.toLowerCase(Locale.ROOT)).append('\n');
        }
        Set<String> terms = new HashSet<>(Analysis.contentTerms(sentence));
        if (terms.isEmpty()) {
            return 1.0;
        }
        double termShare = (double) terms.stream().filter(passageTerms::contains).count() / terms.size();
        Set<String> entities = entities(sentence);
        if (entities.isEmpty()) {
            return termShare;
        }
        String haystack = joined.toString();
        double entityShare = (double) entities.stream().filter(e -> haystack.contains(e)).count() / entities.size();
        return (termShare + entityShare) / 2;
    }

    static Set<String> entities(String sentence) {
        Set<String> entities = new HashSet<>();
        Matcher m = ENTITY.matcher(sentence);
        while (m.find()) {
            String e = m.group(1).toLowerCase(Locale.ROOT);
            if (m.start() == 0 && SENTENCE_STARTERS.contains(e)) {
                continue;
            }
            if (!SENTENCE_STARTERS.contains(e)) {
                entities.add(e);
            }
        }
        return entities;
    }
}
