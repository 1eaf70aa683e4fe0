package dev.citeqa.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A TREC run: for each query its documents with scores, in the order trec_eval reads them (score descending,
 * ties broken by document id descending). Scores are kept as written to the file, so the file scores exactly as
 * the figures printed beside it.
 */
public record TrecRun(String tag, Map<String, List<ScoredDoc>> byQuery) {

    public record ScoredDoc(String doc, double score) {
    }

    private static final Comparator<ScoredDoc> TREC_ORDER = Comparator.comparingDouble(ScoredDoc::score).reversed()
            .thenComparing(ScoredDoc::doc, Comparator.reverseOrder());

    public TrecRun {
        Map<String, List<ScoredDoc>> ordered = new LinkedHashMap<>();
        byQuery.forEach((query, docs) -> ordered.put(query, docs.stream()
                .map(d -> new ScoredDoc(d.doc(), Double.parseDouble(score(d.score())))).sorted(TREC_ORDER).toList()));
        byQuery = java.util.Collections.unmodifiableMap(ordered);
    }

    public List<String> ranking(String query) {
        return byQuery.getOrDefault(query, List.of()).stream().map(ScoredDoc::doc).toList();
    }

    /** The run file: {@code qid Q0 docid rank score tag}, one line per retrieved document. */
    public String text() {
        StringBuilder out = new StringBuilder();
        byQuery.forEach((query, docs) -> {
            int rank = 1;
            for (ScoredDoc d : docs) {
                out.append(query).append(" Q0 ").append(d.doc()).append(' ').append(rank++).append(' ')
                        .append(score(d.score())).append(' ').append(tag).append('\n');
            }
        });
        return out.toString();
    }

    private static String score(double score) {
        return String.format(Locale.ROOT, "%.6f", score);
    }

    /** Builds a run query by query. */
    public static final class Builder {
        private final String tag;
        private final Map<String, List<ScoredDoc>> byQuery = new LinkedHashMap<>();

        public Builder(String tag) {
            this.tag = tag;
        }

        public Builder add(String query, List<ScoredDoc> docs) {
            byQuery.put(query, new ArrayList<>(docs));
            return this;
        }

        public TrecRun build() {
            return new TrecRun(tag, byQuery);
        }
    }
}
