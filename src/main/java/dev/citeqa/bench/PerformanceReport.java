package dev.citeqa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.citeqa.eval.SvgChart;

/**
 * Writes a bench run as docs/performance.md and its latency plot as docs/performance-latency.svg. Every figure
 * comes from the run; a target whose figure was not measured says so instead of passing or failing.
 */
public final class PerformanceReport {

    public static final String MARKDOWN = "performance.md";
    public static final String PLOT = "performance-latency.svg";

    static final int TARGET_SIZE = 100_000;
    static final double LAUNCH_TARGET_SECONDS = 1.5;
    static final double ANSWER_TARGET_MS = 100;
    static final double BM25_P99_TARGET_MS = 20;
    static final double HYBRID_P99_TARGET_MS = 60;
    /** Issue 13's target for the solrcloud backend on 2 local nodes. */
    static final double SOLR_HYBRID_P99_TARGET_MS = 100;
    static final long HEAP_TARGET_BYTES = 1L << 30;
    static final long REINDEX_TARGET_MS = 10_000;
    private static final double MIB = 1024.0 * 1024.0;

    private PerformanceReport() {
    }

    /** Writes both files into {@code folder}; returns the Markdown file. */
    public static Path write(BenchReport report, Path folder) {
        try {
            Files.createDirectories(folder);
            Map<String, Double> targets = new LinkedHashMap<>();
            targets.put("BM25 p99 target at 100k (" + number(BM25_P99_TARGET_MS) + " ms)", BM25_P99_TARGET_MS);
            targets.put("hybrid p99 target at 100k (" + number(HYBRID_P99_TARGET_MS) + " ms)", HYBRID_P99_TARGET_MS);
            List<SvgChart.Line> lines = new ArrayList<>(LatencyPlot.series(report.sizes(), report.embedding(),
                    report.hybrid()));
            List<SvgChart.Line> solr = LatencyPlot.solrSeries(SolrBench.latencies(folder.resolve(SolrBench.REPORT)));
            if (!solr.isEmpty()) {
                lines.addAll(solr);
                targets.put("SolrCloud hybrid p99 target at 100k (" + number(SOLR_HYBRID_P99_TARGET_MS) + " ms)",
                        SOLR_HYBRID_P99_TARGET_MS);
            }
            Files.writeString(folder.resolve(PLOT), LatencyPlot.svg(lines, targets));
            Path markdown = folder.resolve(MARKDOWN);
            Files.writeString(markdown, markdown(report) + solrcloud(folder));
            return markdown;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(BenchReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# Performance\n\n");
        md.append("Measured with `").append(r.command()).append("` on ")
                .append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(r.started()))
                .append(": ").append(r.machine().cores()).append(" cores, ").append(r.machine().java())
                .append(", max heap ").append(mib(r.machine().maxHeap())).append(" MiB. The run took ")
                .append(number(r.tookMillis() / 60_000.0)).append(" min. Load average (1, 5, 15 min) before: ")
                .append(r.machine().loadBefore()).append("; after: ").append(r.machine().loadAfter())
                .append(". The machine is shared with other work, which every figure below includes.\n\n");

        md.append("## Headline figures\n\n| measure | figure |\n| --- | --- |\n");
        for (String[] row : headlines(r)) {
            md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n");
        }
        md.append("\n![Query latency against corpus size](").append(PLOT).append(")\n\n");

        md.append("## Targets\n\n| target | measured | result |\n| --- | --- | --- |\n");
        for (String[] row : targets(r)) {
            md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2]).append(" |\n");
        }

        md.append("\n## Indexing, disk and memory by corpus size\n\n");
        md.append("| passages | files | corpus MiB | generate s | index s | passages/s | re-index unchanged s "
                + "| index MiB | live heap MiB | peak heap MiB | RSS MiB | peak RSS MiB |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (BenchReport.SizeRun s : r.sizes()) {
            md.append("| ").append(count(s.passages())).append(" | ").append(count(s.files())).append(" | ")
                    .append(mib(s.corpusBytes())).append(" | ")
                    .append(s.generateMillis() < 0 ? "kept" : seconds(s.generateMillis())).append(" | ")
                    .append(seconds(s.indexMillis())).append(" | ").append(count(s.passagesPerSecond())).append(" | ")
                    .append(seconds(s.reindexMillis())).append(" | ").append(mib(s.indexBytes())).append(" | ")
                    .append(mib(s.memory().liveHeap())).append(" | ").append(mib(s.memory().peakHeap())).append(" | ")
                    .append(mib(s.memory().rss())).append(" | ").append(mib(s.memory().peakRss())).append(" |\n");
        }
        md.append("\nA generated corpus is kept between runs (\"kept\": the same seed and size were already on disk). "
                + "Indexing is a full `index` run from the files (read, clean, split, write the Lucene index, one "
                + "commit) with no embeddings. Re-indexing opens the index afresh, as a new session does, and syncs the "
                + "unchanged folder. Live heap is measured after a full collection with the index open and all "
                + "queries run; peak heap is the most heap in use (garbage included) sampled every 20 ms while "
                + "indexing; RSS covers the whole bench process (the mapped index files included) and peak RSS is "
                + "the kernel's high-water mark since that size began.\n");

        md.append("\n## Query latency by corpus size\n\n");
        md.append("| passages | mode | queries | p50 ms | p95 ms | p99 ms | mean ms | max ms | CPU p50 ms "
                + "| CPU p99 ms |\n");
        md.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (BenchReport.SizeRun s : r.sizes()) {
            for (Map.Entry<String, Distribution> e : s.latency().entrySet()) {
                md.append(latencyRow(count(s.passages()), modeName(e.getKey()), e.getValue(),
                        s.cpu().get(e.getKey())));
            }
        }
        md.append("\nQueries are three to six consecutive words of a random indexed passage behind a question word "
                + "(\"Who said ...?\"), a fresh sample for the timed run after as many warm-up queries. BM25 is "
                + "retrieval of the top k=5 with their stored text; offline answer is the whole `ask` path (BM25, "
                + "term weights, extractive answer, citation check) in the same JVM, without printing. "
                + "CPU columns are the querying thread's own time on a core: where p99 far exceeds CPU p99, the "
                + "query was waiting for a core that other processes held.\n");

        md.append("\n## Launch to first prompt\n\n");
        if (r.launches() == null) {
            md.append("Not measured in this run (see below).\n");
        } else {
            md.append("| command | starts | p50 s | p95 s | p99 s | max s | CPU p50 s | CPU p95 s |\n"
                    + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            md.append(launchRow(r.launches().launcherCommand(), r.launches().launcher(), r.launches().launcherCpu()));
            md.append(launchRow(r.launches().plainJarCommand(), r.launches().plainJar(), r.launches().plainJarCpu()));
            md.append(launchRow(r.launches().oneShotCommand(), r.launches().oneShot(), r.launches().oneShotCpu()));
            md.append("\nEach start is a new process fed by a pipe; the clock runs from spawning it until `citeqa> ` "
                    + "appears on its output, then `exit` is typed. One untimed start of each came first. CPU is the "
                    + "time the started process had spent on a core by then, all its threads together (the JIT "
                    + "compiles beside the main thread, so it can exceed the wall time on two cores). The single "
                    + "question runs from spawn to exit, answer printed (hybrid retrieval: the question is embedded, "
                    + "so the embedding model is loaded); its CPU is the last reading taken while it ran.\n");
        }

        md.append("\n## Offline answers at seed scale\n\n");
        BenchReport.AnswerRun a = r.answers();
        md.append("| passages | questions | retrieval | first answer ms | answers timed | p50 ms | p95 ms | p99 ms "
                + "| max ms | CPU p50 ms | CPU p99 ms |\n");
        md.append("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        md.append("| ").append(count(a.passages())).append(" | ").append(a.questions()).append(" | ")
                .append(a.retrieval()).append(" | ")
                .append(a.firstMillis()).append(" | ").append(a.warm().count()).append(" | ")
                .append(number(a.warm().p50())).append(" | ").append(number(a.warm().p95())).append(" | ")
                .append(number(a.warm().p99())).append(" | ").append(number(a.warm().max())).append(" | ")
                .append(number(a.cpu().p50())).append(" | ").append(number(a.cpu().p99())).append(" |\n");
        md.append("\nThe gold set's standalone questions asked in turn, in process, after as many warm-up answers, "
                + "with the configured retrieval; the embedding model was loaded before the first answer.\n");

        md.append("\n## Embeddings and the usual LangChain4j setup\n\n");
        BenchReport.EmbeddingRun e = r.embedding();
        if (e == null) {
            md.append("Not run (see below).\n");
        } else {
            md.append(embedding(e));
        }
        if (r.sizes().stream().anyMatch(s -> s.baselineStore() != null || s.baselineStoreNote() != null)) {
            md.append(storeScaling(r));
        }
        if (!r.vectorIndexes().isEmpty()) {
            md.append(vectorIndexes(r.vectorIndexes()));
        }
        if (r.hybrid() != null) {
            md.append(hybrid(r.hybrid()));
        }

        md.append("\n## Not run, and why\n\n");
        if (r.notRun().isEmpty()) {
            md.append("Everything above was run.\n");
        }
        for (String line : r.notRun()) {
            md.append("- ").append(line).append('\n');
        }
        return md.toString();
    }

    /**
     * The solrcloud backend's figures, from the report that {@code bench --backend solrcloud} wrote beside this one
     * (a run of its own: it needs a cluster), so a full bench run keeps them.
     */
    static String solrcloud(Path folder) {
        Path report = folder.resolve(SolrBench.REPORT);
        if (!Files.isRegularFile(report)) {
            return "";
        }
        try {
            String body = Files.readString(report).replaceFirst("^# [^\n]*\n", "").replace("\n## ", "\n### ");
            return "\n## The solrcloud backend\n\nFrom [" + SolrBench.REPORT + "](" + SolrBench.REPORT
                    + "), written by its own run:\n" + body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String embedding(BenchReport.EmbeddingRun e) {
        StringBuilder md = new StringBuilder();
        md.append("One corpus of ").append(count(e.passages())).append(" passages (the seed documents in `seeds/` "
                + "among generated ones), indexed by citeqa and by LangChain4j's `InMemoryEmbeddingStore` with "
                + "`EmbeddingStoreContentRetriever` and ").append(e.model()).append(" (in-process ONNX), given "
                + "citeqa's passages as `TextSegment`s. Each side's model is loaded before its indexing is timed. "
                + "citeqa embeds each passage's title and text, LangChain4j the text.\n\n");
        md.append("| measure | citeqa | LangChain4j | LangChain4j ÷ citeqa |\n| --- | ---: | ---: | ---: |\n");
        md.append("| indexing s (citeqa: from the files, BM25 and vectors; LangChain4j: embed and store) | ")
                .append(seconds(e.citeqaIndexMillis())).append(" | ").append(seconds(e.baselineIndexMillis()))
                .append(" | ").append(ratio(e.baselineIndexMillis(), e.citeqaIndexMillis())).append(" |\n");
        md.append("| passages embedded a second | ").append(count(e.citeqaEmbeddedPerSecond())).append(" | ")
                .append(count(e.embeddedPerSecond())).append(" | ")
                .append(ratio(e.embeddedPerSecond(), e.citeqaEmbeddedPerSecond())).append(" |\n");
        for (Map.Entry<String, Distribution> c : e.citeqaLatency().entrySet()) {
            Distribution mine = c.getValue();
            if (c.getKey().equals(Benchmark.QUESTION_EMBEDDING)) {
                md.append("| question embedding alone p50 / p99 ms (part of vector, hybrid and LangChain4j) | ")
                        .append(number(mine.p50())).append(" / ").append(number(mine.p99())).append(" | | |\n");
                continue;
            }
            md.append("| query p50 ms (citeqa ").append(modeName(c.getKey())).append(") | ").append(number(mine.p50()))
                    .append(" | ").append(number(e.baselineLatency().p50())).append(" | ")
                    .append(ratio(e.baselineLatency().p50(), mine.p50())).append(" |\n");
            md.append("| query p99 ms (citeqa ").append(modeName(c.getKey())).append(") | ").append(number(mine.p99()))
                    .append(" | ").append(number(e.baselineLatency().p99())).append(" | ")
                    .append(ratio(e.baselineLatency().p99(), mine.p99())).append(" |\n");
        }
        // Lucene keeps its index in mapped files, so the heap it retains can be below what a collection resolves
        md.append("| live heap MiB retained by indexing and queries (citeqa: open index; LangChain4j: store, segments, "
                + "model) | ").append(e.citeqaHeapBytes() <= 0 ? "≈0 (within noise)" : mib(e.citeqaHeapBytes()))
                .append(" | ").append(mib(e.baselineHeapBytes())).append(" | ")
                .append(ratio(e.baselineHeapBytes(), e.citeqaHeapBytes())).append(" |\n");
        md.append("| on disk MiB | ").append(mib(e.citeqaIndexBytes())).append(" | 0 (memory only; lost on exit) | |\n");
        for (Map.Entry<String, BenchReport.Quality> q : e.citeqaQuality().entrySet()) {
            BenchReport.Quality mine = q.getValue();
            md.append("| gold file in top ").append(mine.k()).append(", share of ").append(mine.questions())
                    .append(" questions (citeqa ").append(modeName(q.getKey())).append(") | ")
                    .append(number(mine.hitRate())).append(" | ").append(number(e.baselineQuality().hitRate()))
                    .append(" | ").append(ratio(e.baselineQuality().hitRate(), mine.hitRate())).append(" |\n");
            md.append("| mean reciprocal rank of the first gold passage (citeqa ").append(modeName(q.getKey()))
                    .append(") | ").append(number(mine.mrr())).append(" | ").append(number(e.baselineQuality().mrr()))
                    .append(" | ").append(ratio(e.baselineQuality().mrr(), mine.mrr())).append(" |\n");
        }
        md.append("\nLangChain4j query latency includes embedding the question. Embedding throughput, from "
                + "LangChain4j's indexing above: ").append(count(e.embeddedPerSecond()))
                .append(" passages/s on this machine.\n");
        return md.toString();
    }

    private static String storeScaling(BenchReport r) {
        StringBuilder md = new StringBuilder();
        md.append("\n### LangChain4j's in-memory store at the corpus sizes\n\n");
        md.append("The store filled with each size's passage texts and stand-in random unit vectors of 384 dimensions "
                + "(embedding a corpus this large is out of reach here: see the embedding throughput above). Its "
                + "search compares the question "
                + "with every stored vector whatever their values, so the time and heap are the store's own; the "
                + "question's embedding is not included. Beside it, citeqa's BM25 query at the same size.\n\n");
        md.append("| passages | store heap MiB | store search p50 ms | store search p99 ms | citeqa BM25 p50 ms "
                + "| citeqa BM25 p99 ms | citeqa index on disk MiB | citeqa live heap MiB |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (BenchReport.SizeRun s : r.sizes()) {
            Distribution bm25 = s.latency().get(Benchmark.BM25);
            BenchReport.StoreScale store = s.baselineStore();
            md.append("| ").append(count(s.passages())).append(" | ")
                    .append(store == null ? "not run" : mib(store.heapBytes())).append(" | ")
                    .append(store == null ? "not run" : number(store.search().p50())).append(" | ")
                    .append(store == null ? "not run" : number(store.search().p99())).append(" | ")
                    .append(number(bm25.p50())).append(" | ").append(number(bm25.p99())).append(" | ")
                    .append(mib(s.indexBytes())).append(" | ").append(mib(s.memory().liveHeap())).append(" |\n");
        }
        return md.toString();
    }

    private static String vectorIndexes(List<BenchReport.VectorIndexRun> runs) {
        StringBuilder md = new StringBuilder();
        md.append("\n## HNSW settings and quantization at ").append(count(runs.getFirst().vectors()))
                .append(" vectors (stand-in vectors)\n\n");
        md.append("Lucene's vector index built from 384-dimension stand-in vectors scattered around 1,000 random "
                + "centres (topics), then searched for the top ").append(VectorScale.K).append(" (citeqa's candidate "
                + "pool) with new points around the same centres. These are not real embeddings. Build and search "
                + "time and size depend mostly on count and dimensions; recall against an exact scan is indicative "
                + "only. The question's embedding is not included.\n\n");
        md.append(formatTable(runs));
        return md.toString();
    }

    private static String formatTable(List<BenchReport.VectorIndexRun> runs) {
        StringBuilder md = new StringBuilder();
        md.append("| vector format | build s | index MiB | search p50 ms | search p95 ms | search p99 ms | recall@10 |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (BenchReport.VectorIndexRun run : runs) {
            md.append("| ").append(run.config()).append(" | ").append(seconds(run.buildMillis())).append(" | ")
                    .append(mib(run.indexBytes())).append(" | ").append(number(run.search().p50())).append(" | ")
                    .append(number(run.search().p95())).append(" | ").append(number(run.search().p99())).append(" | ")
                    .append(number(run.recallAt10())).append(" |\n");
        }
        return md.toString();
    }


    private static String hybrid(BenchReport.HybridRun h) {
        StringBuilder md = new StringBuilder();
        md.append("\n## Vector and hybrid retrieval at ").append(count(h.passages())).append(" passages (")
                .append(h.model()).append(" embeddings)\n\n");
        md.append("The generated corpus of about ").append(count(h.requested())).append(" passages indexed by citeqa "
                + "with ").append(h.model()).append(" vectors in the same Lucene index as the text: ");
        if (h.indexMillis() >= 0) {
            md.append("built in this run in ").append(seconds(h.indexMillis())).append(" s (")
                    .append(count(h.passages() * 1000.0 / Math.max(1, h.indexMillis())))
                    .append(" passages/s, reading, splitting and embedding included)");
        } else {
            md.append("kept from an earlier run, ").append(h.indexedBy());
        }
        md.append("; index ").append(mib(h.indexBytes())).append(" MiB; live heap with the index open and all "
                + "queries run ").append(mib(h.memory().liveHeap())).append(" MiB, peak heap while indexing ")
                .append(h.memory().peakHeap() < 0 ? "not sampled" : mib(h.memory().peakHeap()) + " MiB")
                .append(", RSS ").append(mib(h.memory().rss())).append(" MiB (the ONNX model's native memory "
                + "included).\n\n");
        md.append("| passages | mode | queries | p50 ms | p95 ms | p99 ms | mean ms | max ms | CPU p50 ms "
                + "| CPU p99 ms |\n");
        md.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map.Entry<String, Distribution> e : h.latency().entrySet()) {
            md.append(latencyRow(count(h.passages()), modeName(e.getKey()), e.getValue(), h.cpu().get(e.getKey())));
        }
        md.append("\nThe same kind of questions as above. Vector and hybrid include embedding the question (its own "
                + "row); hybrid is BM25 and vector candidates fused by reciprocal rank, near-duplicates collapsed.\n\n");
        if (!h.formats().isEmpty()) {
            md.append("### HNSW settings and quantization on these vectors\n\n");
            md.append("The ").append(count(h.passages())).append(" vectors read back from citeqa's index, built into a "
                    + "fresh index in each format, searched for the top ").append(VectorScale.K).append(" (citeqa's "
                    + "candidate pool) with ").append(h.formats().getFirst().search().count())
                    .append(" embedded questions; recall@10 against an exact scan of every vector. The question's "
                    + "embedding is not included.\n\n");
            md.append(formatTable(h.formats()));
        }
        return md.toString();
    }

    static List<String[]> headlines(BenchReport r) {
        List<String[]> rows = new ArrayList<>();
        if (r.launches() != null) {
            Distribution d = r.launches().launcher();
            rows.add(new String[]{"Launch to first prompt, `./chat` (" + d.count() + " starts)",
                    "p50 " + number(d.p50() / 1000) + " s, p95 " + number(d.p95() / 1000) + " s"});
            Distribution ask = r.launches().oneShot();
            rows.add(new String[]{"A single question end to end, `./chat ask \"...\"` on the seeds (" + ask.count()
                    + " runs)", "p50 " + number(ask.p50() / 1000) + " s, p95 " + number(ask.p95() / 1000) + " s"});
        }
        Distribution answer = r.answers().warm();
        rows.add(new String[]{"Offline answer, seed documents (" + count(r.answers().passages()) + " passages), warm",
                "p50 " + number(answer.p50()) + " ms, p99 " + number(answer.p99()) + " ms"});
        for (BenchReport.SizeRun s : r.sizes()) {
            Distribution bm25 = s.latency().get(Benchmark.BM25);
            rows.add(new String[]{"BM25 query at " + count(s.passages()) + " passages",
                    "p50 " + number(bm25.p50()) + " ms, p99 " + number(bm25.p99()) + " ms"});
        }
        largest(r).ifPresent(s -> rows.add(new String[]{"Indexing " + count(s.passages()) + " passages (no embeddings)",
                seconds(s.indexMillis()) + " s, " + count(s.passagesPerSecond()) + " passages/s, index "
                        + mib(s.indexBytes()) + " MiB, live heap " + mib(s.memory().liveHeap()) + " MiB"}));
        at(r, TARGET_SIZE).ifPresent(s -> rows.add(new String[]{"Re-indexing the unchanged " + count(s.passages())
                + "-passage folder", seconds(s.reindexMillis()) + " s"}));
        if (r.hybrid() != null) {
            BenchReport.HybridRun h = r.hybrid();
            for (String mode : List.of(Benchmark.VECTOR, Benchmark.HYBRID)) {
                Distribution d = h.latency().get(mode);
                rows.add(new String[]{modeName(mode) + " query at " + count(h.passages()) + " passages (" + h.model()
                        + ", question embedded)", "p50 " + number(d.p50()) + " ms, p99 " + number(d.p99()) + " ms"});
            }
        }
        if (r.embedding() != null) {
            BenchReport.EmbeddingRun e = r.embedding();
            for (String mode : List.of(Benchmark.VECTOR, Benchmark.HYBRID)) {
                Distribution d = e.citeqaLatency().get(mode);
                if (d != null) {
                    rows.add(new String[]{modeName(mode) + " query at " + count(e.passages()) + " passages (" + e.model()
                            + ", question embedded)", "p50 " + number(d.p50()) + " ms, p99 " + number(d.p99()) + " ms"});
                }
            }
            rows.add(new String[]{"Indexing " + count(e.passages()) + " passages with " + e.model() + " embeddings",
                    seconds(e.citeqaIndexMillis()) + " s, " + count(e.citeqaEmbeddedPerSecond()) + " passages/s"});
            Distribution mine = e.citeqaLatency().getOrDefault(Benchmark.HYBRID, e.citeqaLatency().get(Benchmark.BM25));
            String mode = e.citeqaLatency().containsKey(Benchmark.HYBRID) ? "hybrid" : "BM25";
            BenchReport.Quality quality = e.citeqaQuality().getOrDefault(Benchmark.HYBRID,
                    e.citeqaQuality().get(Benchmark.BM25));
            rows.add(new String[]{"LangChain4j InMemoryEmbeddingStore vs citeqa " + mode + ", " + count(e.passages())
                    + " passages", "query p50 " + number(e.baselineLatency().p50()) + " vs " + number(mine.p50())
                    + " ms (" + ratio(e.baselineLatency().p50(), mine.p50()) + "), indexing "
                    + seconds(e.baselineIndexMillis()) + " vs " + seconds(e.citeqaIndexMillis()) + " s ("
                    + ratio(e.baselineIndexMillis(), e.citeqaIndexMillis()) + "), gold file in top "
                    + quality.k() + " " + number(e.baselineQuality().hitRate()) + " vs " + number(quality.hitRate())});
        }
        return rows;
    }

    static List<String[]> targets(BenchReport r) {
        List<String[]> rows = new ArrayList<>();
        if (r.launches() == null) {
            rows.add(new String[]{"launch to first prompt ≤ 1.5 s", "not measured", "not measured"});
        } else {
            Distribution d = r.launches().launcher();
            rows.add(new String[]{"launch to first prompt ≤ 1.5 s (p50)", "p50 " + number(d.p50() / 1000) + " s, p95 "
                    + number(d.p95() / 1000) + " s", verdict(d.p50() / 1000 <= LAUNCH_TARGET_SECONDS)});
            Distribution ask = r.launches().oneShot();
            rows.add(new String[]{"single question `./chat ask` end to end ≤ 1.5 s (p50)", "p50 "
                    + number(ask.p50() / 1000) + " s, p95 " + number(ask.p95() / 1000) + " s",
                    verdict(ask.p50() / 1000 <= LAUNCH_TARGET_SECONDS)});
        }
        Distribution answer = r.answers().warm();
        rows.add(new String[]{"offline answer at seed scale < 100 ms p50, warm", "p50 " + number(answer.p50()) + " ms",
                verdict(answer.p50() < ANSWER_TARGET_MS)});
        Optional<BenchReport.SizeRun> hundred = at(r, TARGET_SIZE);
        if (hundred.isPresent()) {
            BenchReport.SizeRun s = hundred.get();
            double p99 = s.latency().get(Benchmark.BM25).p99();
            rows.add(new String[]{"BM25 p99 < 20 ms at 100k passages", "p99 " + number(p99) + " ms at "
                    + count(s.passages()), verdict(p99 < BM25_P99_TARGET_MS)});
            Distribution hybrid = r.hybrid() != null && r.hybrid().requested() == TARGET_SIZE
                    ? r.hybrid().latency().get(Benchmark.HYBRID) : s.latency().get(Benchmark.HYBRID);
            Distribution smaller = r.embedding() == null ? null : r.embedding().citeqaLatency().get(Benchmark.HYBRID);
            rows.add(hybrid != null ? new String[]{"hybrid p99 < 60 ms at 100k passages", "p99 "
                    + number(hybrid.p99()) + " ms", verdict(hybrid.p99() < HYBRID_P99_TARGET_MS)}
                    : new String[]{"hybrid p99 < 60 ms at 100k passages", "not measured at 100k (run with --hybrid "
                    + "100000, see below)" + (smaller == null ? "" : "; at " + count(r.embedding()
                    .passages()) + " passages: p99 " + number(smaller.p99()) + " ms"), "not measured"});
            long heap = Math.max(s.memory().liveHeap(), s.memory().peakHeap());
            rows.add(new String[]{"heap < 1 GiB at 100k passages", "live " + mib(s.memory().liveHeap())
                    + " MiB, peak while indexing " + mib(s.memory().peakHeap()) + " MiB",
                    verdict(heap < HEAP_TARGET_BYTES)});
            rows.add(new String[]{"re-indexing an unchanged 100k-passage folder takes seconds",
                    seconds(s.reindexMillis()) + " s (full index: " + seconds(s.indexMillis()) + " s)",
                    verdict(s.reindexMillis() < REINDEX_TARGET_MS)});
        } else {
            rows.add(new String[]{"targets at 100k passages", "not measured (no 100,000-passage size in this run)",
                    "not measured"});
        }
        Optional<BenchReport.SizeRun> million = r.sizes().stream().filter(s -> s.requested() >= 1_000_000).findFirst();
        rows.add(million.<String[]>map(s -> new String[]{"1M passages indexed and searchable without running out of memory",
                count(s.passages()) + " passages indexed in " + seconds(s.indexMillis()) + " s, BM25 p99 "
                        + number(s.latency().get(Benchmark.BM25).p99()) + " ms, max heap "
                        + mib(r.machine().maxHeap()) + " MiB", "met"})
                .orElse(new String[]{"1M passages indexed and searchable", "not measured", "not measured"}));
        return rows;
    }

    static Optional<BenchReport.SizeRun> at(BenchReport r, int requested) {
        return r.sizes().stream().filter(s -> s.requested() == requested).findFirst();
    }

    private static Optional<BenchReport.SizeRun> largest(BenchReport r) {
        return r.sizes().stream().max(Comparator.comparingInt(BenchReport.SizeRun::passages));
    }

    private static String latencyRow(String passages, String mode, Distribution d, Distribution cpu) {
        return "| " + passages + " | " + mode + " | " + d.count() + " | " + number(d.p50()) + " | " + number(d.p95())
                + " | " + number(d.p99()) + " | " + number(d.mean()) + " | " + number(d.max()) + " | "
                + (cpu == null ? "n/a" : number(cpu.p50())) + " | " + (cpu == null ? "n/a" : number(cpu.p99()))
                + " |\n";
    }

    private static String launchRow(String command, Distribution d, Distribution cpu) {
        // a pipe inside a table cell must be escaped, even in code
        return "| `" + command.replace("|", "\\|") + "` | " + d.count() + " | " + number(d.p50() / 1000) + " | " + number(d.p95() / 1000)
                + " | " + number(d.p99() / 1000) + " | " + number(d.max() / 1000) + " | "
                + (cpu == null ? "n/a" : number(cpu.p50() / 1000)) + " | " + (cpu == null ? "n/a" : number(cpu.p95() / 1000))
                + " |\n";
    }

    static String modeName(String mode) {
        return switch (mode) {
            case Benchmark.BM25 -> "BM25";
            case Benchmark.ANSWER -> "offline answer";
            default -> mode;
        };
    }

    private static String verdict(boolean met) {
        return met ? "met" : "missed";
    }

    private static String ratio(double theirs, double ours) {
        return ours <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2f×", theirs / ours);
    }

    /** Two significant decimals below 10, one below 100, none above: the precision the timings carry. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude < 10 ? "%.2f" : magnitude < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, value);
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    private static String seconds(long millis) {
        return number(millis / 1000.0);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : number(bytes / MIB);
    }
}
