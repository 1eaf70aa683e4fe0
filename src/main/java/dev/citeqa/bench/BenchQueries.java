package dev.citeqa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

import dev.citeqa.index.Fields;
import dev.citeqa.index.LuceneIndex;

/**
 * Questions for latency runs, drawn from the indexed passages themselves so they work on any corpus: a short run
 * of words from a random passage, phrased as a question. Each finds its passage and many partial matches.
 */
final class BenchQueries {

    private static final String[] OPENERS = {"What about", "Who said", "Where was", "Why did", "When did"};

    private BenchQueries() {
    }

    static List<String> sample(LuceneIndex index, int count, long seed) {
        IndexSearcher searcher = index.searcher();
        if (searcher == null) {
            return List.of();
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<String> queries = new ArrayList<>(count);
        try {
            IndexReader reader = searcher.getIndexReader();
            StoredFields stored = searcher.storedFields();
            int attempts = 0;
            while (queries.size() < count && attempts++ < count * 20) {
                Document doc = stored.document(random.nextInt(reader.maxDoc()));
                String text = doc.get(Fields.TEXT);
                if (text == null) {
                    continue; // a file record, not a passage
                }
                String question = question(text, random);
                if (question != null) {
                    queries.add(question);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }

    /** A question from a run of a passage's words, or null when the passage is too short to give one. */
    static String question(String text, SplittableRandom random) {
        String[] words = text.replaceAll("[^\\p{L}\\p{N}' -]", " ").strip().split("\\s+");
        if (words.length < 8) {
            return null;
        }
        int length = 3 + random.nextInt(4);
        int start = random.nextInt(words.length - length);
        return OPENERS[random.nextInt(OPENERS.length)] + " "
                + String.join(" ", java.util.Arrays.copyOfRange(words, start, start + length)) + "?";
    }
}
