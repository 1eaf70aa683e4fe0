package dev.citeqa.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import dev.citeqa.chat.Workspace;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.index.Embedder;
import dev.citeqa.index.IndexSummary;
import dev.citeqa.index.PassageStore;
import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.NearDuplicates;
import dev.citeqa.retrieve.RankFusion;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.RetrievalMode;
import dev.citeqa.solr.LocalCluster;
import dev.citeqa.solr.SolrPassageStore;

/**
 * {@code bench --backend solrcloud}: the solrcloud backend on a local SolrCloud of 2 nodes that the bench starts
 * (collections of 2 shards x 2 replicas): BM25-only indexing and queries on the generated corpora, and vector and
 * hybrid queries with real embeddings at one size, with the recall of the fused top 10 against an exact scan.
 * Writes solrcloud.md beside performance.md.
 */
public final class SolrBench {

    public static final String REPORT = "performance-solrcloud.md";

    private final BenchOptions options;
    private final CiteqaProperties settings;
    private final PrintWriter out;
    private final List<String> lines = new ArrayList<>();

    public SolrBench(BenchOptions options, CiteqaProperties settings, PrintWriter out) {
        this.options = options;
        this.settings = settings;
        this.out = out;
    }

    public Path run() {
        long begin = System.nanoTime();
        Instant started = Instant.now();
        String loadBefore = Benchmark.loadAverage();
        List<String> sizeRows = new ArrayList<>();
        List<String> latencyRows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        // kept for the next run, as the embedded bench keeps its embedded index: embedding 100k passages takes most
        // of an hour here, and a later run finds the collections filled and only re-syncs them
        Path clusterDir = options.work().resolve("solrcloud");
        say("Starting a local SolrCloud of 2 nodes in %s...", clusterDir);
        try (LocalCluster cluster = LocalCluster.start(clusterDir, 2, 0)) {
            CiteqaProperties.Solr solr = settings.solr().withUrls(cluster.urls());
            for (int requested : options.passages()) {
                Path corpus = options.work().resolve("corpus-" + requested);
                say("Writing a corpus of about %,d passages to %s...", requested, corpus);
                new CorpusGenerator(options.seed()).write(corpus, requested);
                CiteqaProperties bm25Only = withModel(Embedder.NONE).withBackend("solrcloud",
                        solr.withCollection("bench-bm25-" + requested));
                try (Workspace workspace = new Workspace(corpus, options.work().resolve("unused"), bm25Only,
                        Embedder.named(Embedder.NONE), out::println)) {
                    say("  Indexing BM25-only into a 2 x 2 collection...");
                    IndexSummary first = workspace.sync(p -> {
                    });
                    IndexSummary again = workspace.sync(p -> {
                    });
                    String indexing = indexing(clusterDir, "bench-bm25-" + requested, first, "%,.0f");
                    List<String> queries = sample(workspace.store(), options.queries() * 2, options.seed() + 2);
                    int k = settings.retrieval().topK();
                    say("  BM25 queries at %,d passages...", first.passages());
                    Distribution bm25 = time(queries, options.queries(),
                            q -> workspace.retrieval().retrieve(q, RetrievalMode.BM25, k));
                    sizeRows.add(String.format(Locale.ROOT, "| %,d | %s | %.2f | %s | %s |", first.passages(),
                            indexing, again.millis() / 1000.0, mib(rss(cluster.pid(), "VmRSS")),
                            mib(rss(cluster.pid(), "VmHWM"))));
                    latencyRows.add(row(first.passages(), "BM25", bm25));
                }
                // written after every stage: a run stopped later keeps what it measured
                write(begin, started, loadBefore, sizeRows, latencyRows, List.of("Stopped before its end: the "
                        + "sizes and modes below were measured, the rest was not."));
            }
            if (options.hybrid() > 0) {
                hybrid(cluster, solr, sizeRows, latencyRows);
            } else {
                notes.add("Vector and hybrid queries on Solr: not run (--hybrid 0).");
            }
        }
        return write(begin, started, loadBefore, sizeRows, latencyRows, notes);
    }

    private Path write(long begin, Instant started, String loadBefore, List<String> sizeRows, List<String> latencyRows,
                       List<String> notes) {
        lines.clear();
        lines.add("# SolrCloud backend performance");
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Measured with `%s` on %s: %d cores, %s, client max heap %s MiB. The "
                        + "run took %.1f min. Load average (1, 5, 15 min) before: %s; after: %s. The machine is "
                        + "shared with other work, which every figure below includes.", options.command(),
                started.truncatedTo(java.time.temporal.ChronoUnit.MINUTES), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, (System.nanoTime() - begin) / 6e10, loadBefore,
                Benchmark.loadAverage()));
        lines.add("");
        lines.add("A local SolrCloud 9.10.1 of 2 nodes and an embedded ZooKeeper in one JVM of its own (`cluster start`,"
                + " heap 1 GiB), started by the bench; each corpus in its own collection of 2 shards x 2 replicas "
                + "made with the project's configset; citeqa talks to the nodes over HTTP as the product does.");
        lines.add("");
        lines.add("## Indexing and memory");
        lines.add("");
        lines.add("| passages | files | index s | passages/s | re-index unchanged s | engine RSS MiB | engine peak RSS MiB |");
        lines.add("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        lines.addAll(sizeRows);
        lines.add("");
        lines.add("The cluster is kept in the work folder (" + options.work().resolve("solrcloud") + "): a later run "
                + "re-syncs its collections instead of indexing them again, and reports the indexing figures of the "
                + "run that filled them (\"kept\").");
        lines.add("");
        lines.add("Indexing is a full `index` run from the files (read, clean, split, send in batches of "
                + SolrPassageStore.BATCH + " documents, one commit); with embeddings it includes embedding every "
                + "passage in the client. RSS is the engine JVM's (both nodes and ZooKeeper), read from /proc after "
                + "the size's queries.");
        lines.add("");
        lines.add("## Query latency");
        lines.add("");
        lines.add("| passages | mode | queries | p50 ms | p95 ms | p99 ms | mean ms | max ms |");
        lines.add("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        lines.addAll(latencyRows);
        lines.add("");
        lines.add("Queries as in performance.md (three to six words of a random indexed passage behind a question "
                + "word), after as many warm-up queries; k = " + settings.retrieval().topK() + ". A BM25 query is "
                + "two requests: the frequencies and corpus spellings of the question's name-like words (facets; "
                + "none when it has no such word), then the search, whose shards first exchange term statistics "
                + "(exact BM25 across shards) and then send their best passages whole (single pass). A hybrid "
                + "query runs that beside the question's embedding and its kNN search (one request).");
        lines.addAll(recallLines);
        if (!notes.isEmpty()) {
            lines.add("");
            lines.add("## Not run");
            lines.add("");
            notes.forEach(n -> lines.add("- " + n));
        }
        try {
            Files.createDirectories(options.out());
            Path written = options.out().resolve(REPORT);
            Files.writeString(written, String.join("\n", lines) + "\n");
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final List<String> recallLines = new ArrayList<>();

    private void hybrid(LocalCluster cluster, CiteqaProperties.Solr solr, List<String> sizeRows,
                        List<String> latencyRows) {
        int requested = options.hybrid();
        Path corpus = options.work().resolve("corpus-" + requested);
        say("Writing a corpus of about %,d passages to %s...", requested, corpus);
        new CorpusGenerator(options.seed()).write(corpus, requested);
        String model = Embedder.NONE.equals(settings.retrieval().embeddingModel()) ? Embedder.BGE_SMALL
                : settings.retrieval().embeddingModel();
        Embedder embedder = Embedder.named(model);
        embedder.query("loaded before the clock starts");
        CiteqaProperties withVectors = withModel(model).withBackend("solrcloud",
                solr.withCollection("bench-hybrid-" + requested + "-" + model));
        try (Workspace workspace = new Workspace(corpus, options.work().resolve("unused"), withVectors, embedder,
                out::println)) {
            say("  Indexing with %s embeddings into a 2 x 2 collection...", model);
            IndexSummary first = workspace.sync(p -> {
            });
            IndexSummary again = workspace.sync(p -> {
            });
            String indexing = indexing(cluster.dir(), "bench-hybrid-" + requested + "-" + model, first, "%,.1f");
            sizeRows.add(String.format(Locale.ROOT, "| %,d (with %s vectors) | %s | %.2f | %s | %s |",
                    first.passages(), model, indexing, again.millis() / 1000.0, mib(rss(cluster.pid(), "VmRSS")),
                    mib(rss(cluster.pid(), "VmHWM"))));
            int queries = Math.min(300, options.queries());
            List<String> timed = sample(workspace.store(), queries * 2, options.seed() + 5);
            int k = settings.retrieval().topK();
            for (RetrievalMode mode : RetrievalMode.values()) {
                say("  %s queries at %,d passages...", mode.label(), first.passages());
                latencyRows.add(row(first.passages(), mode.label() + ", " + model + " (question embedded)",
                        time(timed, queries, q -> workspace.retrieval().retrieve(q, mode, k))));
            }
            say("  Recall of the fused top 10 against an exact scan...");
            recall(workspace, embedder, timed.subList(0, Math.min(100, timed.size())), first.passages());
        }
    }

    /**
     * The fused top 10 as served (HNSW on each shard) against the same fusion over an exact scan of every stored
     * vector: the share of the exact top 10 that the served top 10 holds.
     */
    private void recall(Workspace workspace, Embedder embedder, List<String> questions, int passageCount) {
        PassageStore store = workspace.store();
        List<Passage> passages = new ArrayList<>();
        store.files().keySet().stream().sorted().forEach(f -> passages.addAll(store.passages(f)));
        Map<String, float[]> vectors = store.vectors(passages.stream()
                .map(p -> dev.citeqa.index.PassageDocuments.textHash(p.text())).toList(), embedder.name());
        int candidates = settings.retrieval().candidates();
        int rrfK = settings.retrieval().rrfK();
        double found = 0;
        int asked = 0;
        for (String question : questions) {
            float[] q = embedder.query(question);
            List<RankedPassage> exact = new ArrayList<>();
            passages.stream().map(p -> Map.entry(p, dot(q, vectors.get(dev.citeqa.index.PassageDocuments
                            .textHash(p.text())))))
                    .sorted(Map.Entry.<Passage, Double>comparingByValue().reversed()).limit(candidates)
                    .forEach(e -> exact.add(new RankedPassage(e.getKey(), exact.size() + 1, e.getValue(), 0,
                            Double.NaN, exact.size() + 1, e.getValue(), List.of())));
            List<RankedPassage> bm25 = workspace.bm25().retrieve(question, candidates);
            List<RankedPassage> truth = NearDuplicates.collapse(RankFusion.fuse(bm25, exact, rrfK), 10);
            List<RankedPassage> served = workspace.retrieval().retrieve(question, RetrievalMode.HYBRID, 10);
            Set<String> servedIds = new HashSet<>();
            served.forEach(h -> servedIds.add(h.passage().id()));
            if (truth.isEmpty()) {
                continue;
            }
            found += truth.stream().filter(h -> servedIds.contains(h.passage().id())).count() / (double) truth.size();
            asked++;
        }
        recallLines.add("");
        recallLines.add("## Recall of the fused top 10");
        recallLines.add("");
        recallLines.add(String.format(Locale.ROOT, "At %,d passages, over %d questions: %.3f of the exact top 10 "
                + "(BM25 fused with an exact scan of every stored vector, same fusion and collapsing) is in the "
                + "served hybrid top 10 (HNSW on each of 2 shards).", passageCount, asked, asked == 0 ? 0
                : found / asked));
    }

    /**
     * The files, seconds and rate cells of a collection's indexing: this run's when it filled the collection,
     * else the ones recorded by the run that did (a kept cluster), marked as such.
     */
    private static String indexing(Path clusterDir, String collection, IndexSummary first, String rate) {
        Path record = clusterDir.resolve(collection + ".indexing");
        try {
            if (first.added() > 0) {
                String cells = String.format(Locale.ROOT, "%,d | %.1f | " + rate, first.added(), first.millis() / 1000.0,
                        first.passages() * 1000.0 / Math.max(1, first.millis()));
                Files.writeString(record, cells + " | " + Instant.now().truncatedTo(
                        java.time.temporal.ChronoUnit.MINUTES) + "\n");
                return cells;
            }
            if (Files.exists(record)) {
                String[] kept = Files.readString(record).strip().split(" \\| ");
                return kept[0] + " | " + kept[1] + " (kept, indexed " + kept[3] + ") | " + kept[2];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "kept | indexed by an earlier run | n/a";
    }

    private static double dot(float[] a, float[] b) {
        if (b == null) {
            return -2;
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private CiteqaProperties withModel(String model) {
        CiteqaProperties.Retrieval r = settings.retrieval();
        return new CiteqaProperties(settings.docs(), settings.data(), settings.ingest(),
                new CiteqaProperties.Retrieval(r.topK(), r.mode(), r.rrfK(), r.candidates(), model, r.backend()),
                settings.answer(), settings.providers(), settings.solr());
    }

    /** Warm-up on the first half, timed on the second. */
    private static Distribution time(List<String> queries, int count, Consumer<String> query) {
        int half = Math.min(count, queries.size() / 2);
        for (int i = 0; i < half; i++) {
            query.accept(queries.get(i));
        }
        long[] nanos = new long[half];
        for (int i = 0; i < half; i++) {
            long start = System.nanoTime();
            query.accept(queries.get(half + i));
            nanos[i] = System.nanoTime() - start;
        }
        return Distribution.ofNanos(nanos);
    }

    /** Questions from the stored passages of random files, phrased as {@link BenchQueries} phrases them. */
    static List<String> sample(PassageStore store, int count, long seed) {
        List<String> files = store.files().keySet().stream().sorted(Comparator.naturalOrder()).toList();
        SplittableRandom random = new SplittableRandom(seed);
        List<String> queries = new ArrayList<>(count);
        int attempts = 0;
        while (queries.size() < count && !files.isEmpty() && attempts++ < count * 20) {
            List<Passage> passages = store.passages(files.get(random.nextInt(files.size())));
            if (passages.isEmpty()) {
                continue;
            }
            for (int i = 0; i < 5 && queries.size() < count; i++) {
                String question = BenchQueries.question(passages.get(random.nextInt(passages.size())).text(), random);
                if (question != null) {
                    queries.add(question);
                }
            }
        }
        return queries;
    }

    /** One row of the query-latency table this bench writes: a mode at a size, in milliseconds. */
    record Latency(int passages, String mode, double p50, double p99) {
    }

    /**
     * The query latencies of a report this bench wrote (none when there is no report): BM25 on the BM25-only
     * collections, and vector and hybrid with the question embedded. The mode is "bm25", "vector" or "hybrid".
     */
    static List<Latency> latencies(Path report) {
        List<Latency> found = new ArrayList<>();
        if (!Files.isRegularFile(report)) {
            return found;
        }
        try {
            boolean inTable = false;
            for (String line : Files.readAllLines(report)) {
                if (line.startsWith("## ")) {
                    inTable = line.equals("## Query latency");
                    continue;
                }
                String[] cells = line.split("\\|");
                if (!inTable || cells.length < 9 || !cells[1].strip().matches("[0-9,]+")) {
                    continue;
                }
                String mode = cells[2].strip();
                String name = mode.equals("BM25") ? Benchmark.BM25
                        : mode.contains("(question embedded)") ? mode.substring(0, mode.indexOf(',')).strip() : null;
                if (name == null || name.equals(Benchmark.BM25) && !mode.equals("BM25")) {
                    continue; // BM25 beside the vectors is the same search: the BM25-only collections stand for it
                }
                found.add(new Latency(Integer.parseInt(cells[1].strip().replace(",", "")), name,
                        Double.parseDouble(cells[4].strip()), Double.parseDouble(cells[6].strip())));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the query latencies of " + report + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static String row(int passages, String mode, Distribution d) {
        return String.format(Locale.ROOT, "| %,d | %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f |", passages, mode,
                d.count(), d.p50(), d.p95(), d.p99(), d.mean(), d.max());
    }

    private static long rss(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not on Linux: reported as not measured
        }
        return -1;
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.valueOf(bytes >> 20);
    }

    private void say(String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }
}
