package dev.citeqa.retrieve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.citeqa.index.Analysis;
import dev.citeqa.index.NameVariants;

/**
 * How a question becomes what BM25 searches, on any engine: its analysed terms, each with the corpus spellings
 * of the same name, and their weights. The Lucene and Solr retrievers both build their queries from this.
 */
public final class QuestionTerms {

    private QuestionTerms() {
    }

    /** The question's analysed terms, each once, in order. */
    public static List<String> terms(String question) {
        return new ArrayList<>(new LinkedHashSet<>(Analysis.terms(question)));
    }

    /**
     * For each name-like question word (capitalised, or unknown to the index), the corpus terms that spell it
     * another way, keyed by the word's analysed term.
     */
    public static Map<String, Set<String>> variants(TermStatistics index, String question) {
        record Candidate(String word, String term, String key) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (String word : NameVariants.words(question)) {
            List<String> analysed = Analysis.terms(word);
            String key = NameVariants.key(word);
            if (analysed.size() == 1 && key != null) {
                candidates.add(new Candidate(word, analysed.getFirst(), key));
            }
        }
        Map<String, Set<String>> variants = new LinkedHashMap<>();
        if (candidates.isEmpty()) {
            return variants;
        }
        List<String> lowerCase = candidates.stream().filter(c -> !Character.isUpperCase(c.word().charAt(0)))
                .map(Candidate::term).toList();
        // a lower-case word is a name only when the index does not know it: its spellings are asked with its
        // frequency, in one look-up, and kept only if that is 0
        TermStatistics.Lookup lookup = index.lookup(lowerCase, candidates.stream().map(Candidate::key).toList());
        List<Candidate> names = candidates.stream().filter(c -> Character.isUpperCase(c.word().charAt(0))
                || lookup.docFreqs().getOrDefault(c.term(), 0L) == 0).toList();
        Map<String, List<String>> spellings = lookup.spellings();
        for (Candidate name : names) {
            for (String corpusTerm : spellings.getOrDefault(name.key(), List.of())) {
                if (NameVariants.variant(name.word(), name.term(), corpusTerm)) {
                    variants.computeIfAbsent(name.term(), t -> new LinkedHashSet<>()).add(corpusTerm);
                }
            }
        }
        return variants;
    }

    /** BM25's inverse document frequency of each question term; a name counts as its most frequent spelling. */
    public static TermWeights weights(TermStatistics index, String question) {
        List<String> terms = terms(question);
        Map<String, Set<String>> variants = variants(index, question);
        Set<String> asked = new LinkedHashSet<>(terms);
        variants.values().forEach(asked::addAll);
        Map<String, Long> df = index.docFreqs(asked);
        long docs = Math.max(1, index.passageCount());
        Map<String, Double> idf = new LinkedHashMap<>();
        for (String term : terms) {
            long freq = df.getOrDefault(term, 0L);
            for (String variant : variants.getOrDefault(term, Set.of())) {
                freq = Math.max(freq, df.getOrDefault(variant, 0L));
            }
            idf.put(term, Math.log(1 + (docs - freq + 0.5) / (freq + 0.5)));
        }
        return new TermWeights(idf, variants);
    }
}
