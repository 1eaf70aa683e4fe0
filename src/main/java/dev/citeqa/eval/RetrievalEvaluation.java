package dev.citeqa.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.citeqa.chat.Workspace;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.index.EmbeddingProgress;
import dev.citeqa.index.IndexSummary;
import dev.citeqa.index.Indexer;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.Retriever;

/**
 * Retrieval quality on a BEIR-format benchmark. The corpus is written out as one text file per document (title,
 * then text) and indexed by the product's own indexer into a temporary index, so it is split, cleaned and analysed
 * exactly as a user's documents are. A document's score is its best passage's (MaxP). Every judged query counts,
 * scoring 0 when nothing relevant is found (trec_eval -c).
 */
public final class RetrievalEvaluation {

    public static final int NDCG_CUTOFF = 10;
    public static final int RECALL_CUTOFF = 100;
    public static final int MRR_CUTOFF = 10;
    /** Documents kept per query in the run: enough for Recall@100. */
    public static final int DEPTH = 100;

    public record QueryScores(String query, double ndcg10, double recall100, double mrr10) {
    }

    /** One mode's run and scores. */
    public record ModeResult(String mode, TrecRun run, List<QueryScores> perQuery) {

        public double ndcg10() {
            return perQuery.stream().mapToDouble(QueryScores::ndcg10).average().orElse(0);
        }

        public double recall100() {
            return perQuery.stream().mapToDouble(QueryScores::recall100).average().orElse(0);
        }

        public double mrr10() {
            return perQuery.stream().mapToDouble(QueryScores::mrr10).average().orElse(0);
        }
    }

    /**
     * @param judgedWithoutText judged queries that queries.jsonl lacks: counted, with score 0
     */
    public record Outcome(int documents, int passages, int judgedQueries, int judgedWithoutText,
                          List<ModeResult> modes) {
    }

    private final CiteqaProperties settings;
    private final RetrievalModes modes;

    public RetrievalEvaluation(CiteqaProperties settings, RetrievalModes modes) {
        this.settings = settings;
        this.modes = modes;
    }

    public Outcome run(Path corpus, Path queriesFile, Path qrelsFile, List<String> modeNames,
                       Consumer<Indexer.Progress> indexing) {
        return run(corpus, queriesFile, qrelsFile, modeNames, indexing, e -> {
        });
    }

    /** As above, reporting the embedding of the passages too (most of the time a first run takes). */
    public Outcome run(Path corpus, Path queriesFile, Path qrelsFile, List<String> modeNames,
                       Consumer<Indexer.Progress> indexing, Consumer<EmbeddingProgress> embedding) {
        List<String> chosen = modeNames == null || modeNames.isEmpty() ? modes.names() : modeNames;
        chosen.forEach(modes::require);
        List<String> missing = Stream.of(corpus, queriesFile, qrelsFile).filter(f -> !Files.isRegularFile(f))
                .map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new Problem("Not found: " + String.join(", ", missing) + ". eval retrieval needs a BEIR corpus.jsonl, "
                    + "queries.jsonl and qrels .tsv.");
        }
        Map<String, String> queries = BeirFiles.queries(queriesFile);
        Map<String, Map<String, Integer>> qrels = BeirFiles.qrels(qrelsFile);
        Path temp;
        try {
            temp = Files.createTempDirectory("citeqa-beir-");
        } catch (IOException e) {
            throw new Problem("Cannot create a temporary folder for the benchmark index (" + e.getMessage() + ").", e);
        }
        try {
            Path docs = Files.createDirectories(temp.resolve("docs"));
            List<String> ids = new ArrayList<>();
            int documents = BeirFiles.corpus(corpus, (n, doc) -> {
                ids.add(doc.id());
                String body = doc.title().isBlank() ? doc.text() : doc.title().strip() + "\n\n" + doc.text();
                try {
                    Files.writeString(docs.resolve(fileName(n)), body, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (Workspace workspace = new Workspace(docs, temp.resolve("data"), settings)) {
                IndexSummary summary = workspace.sync(indexing, embedding, () -> false);
                List<ModeResult> results = new ArrayList<>();
                for (String mode : chosen) {
                    results.add(evaluate(mode, modes.open(mode, workspace), ids, queries, qrels));
                }
                int withoutText = (int) qrels.keySet().stream().filter(q -> !queries.containsKey(q)).count();
                return new Outcome(documents, summary.passages(), qrels.size(), withoutText, results);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new Problem("Cannot write the benchmark corpus to " + temp + " (" + e.getMessage() + ").", e);
        } finally {
            delete(temp);
        }
    }

    private static ModeResult evaluate(String mode, Retriever retriever, List<String> ids, Map<String, String> queries,
                                       Map<String, Map<String, Integer>> qrels) {
        TrecRun.Builder run = new TrecRun.Builder("citeqa-" + mode);
        for (String query : qrels.keySet()) {
            String text = queries.get(query);
            run.add(query, text == null ? List.of() : documents(retriever, text, ids));
        }
        TrecRun built = run.build();
        List<QueryScores> scores = new ArrayList<>();
        qrels.forEach((query, judgments) -> {
            List<String> ranking = built.ranking(query);
            scores.add(new QueryScores(query, TrecMetrics.ndcg(ranking, judgments, NDCG_CUTOFF),
                    TrecMetrics.recall(ranking, judgments, RECALL_CUTOFF),
                    TrecMetrics.reciprocalRank(ranking, judgments, MRR_CUTOFF)));
        });
        return new ModeResult(mode, built, scores);
    }

    /** The best {@link #DEPTH} documents, each scored by its best passage; passages are fetched until enough. */
    static List<TrecRun.ScoredDoc> documents(Retriever retriever, String query, List<String> ids) {
        int k = DEPTH * 10;
        while (true) {
            List<RankedPassage> hits = retriever.retrieve(query, k);
            Map<String, Double> best = new LinkedHashMap<>();
            for (RankedPassage hit : hits) {
                best.merge(idOf(hit.passage().file(), ids), hit.score(), Math::max);
                for (String also : hit.alsoIn()) {
                    best.merge(idOf(also, ids), hit.score(), Math::max);
                }
            }
            if (best.size() >= DEPTH || hits.size() < k) {
                return best.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .limit(DEPTH).map(e -> new TrecRun.ScoredDoc(e.getKey(), e.getValue())).toList();
            }
            k *= 4;
        }
    }

    static String fileName(int n) {
        return "d" + n + ".txt";
    }

    private static String idOf(String file, List<String> ids) {
        return ids.get(Integer.parseInt(file.substring(1, file.length() - ".txt".length())));
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless; the system cleans it
        }
    }
}
