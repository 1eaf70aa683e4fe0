package dev.citeqa.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;

import dev.citeqa.answer.Answerer;
import dev.citeqa.answer.Answerers;
import dev.citeqa.chat.AskService;
import dev.citeqa.chat.Conversation;
import dev.citeqa.chat.Workspace;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.eval.GoldQuestion;
import dev.citeqa.eval.GoldSet;
import dev.citeqa.index.Embedder;
import dev.citeqa.index.IndexSummary;
import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.RetrievalMode;

/**
 * Runs the measurements of a bench run in order (starts, seed-scale answers, each corpus size, the embedding
 * comparison) and returns what was measured. Each phase prints a line when it starts, as a large size takes
 * minutes.
 */
public final class Benchmark {

    static final String BM25 = "bm25";
    static final String VECTOR = "vector";
    static final String HYBRID = "hybrid";
    static final String QUESTION_EMBEDDING = "question embedding";
    static final String ANSWER = "answer";
    static final String SEEDS_SUBFOLDER = "seeds";

    private final BenchOptions options;
    private final CiteqaProperties settings;
    private final Answerers answerers;
    private final PrintWriter out;
    private final List<String> notRun = new ArrayList<>();
    /** Heap a passage takes in LangChain4j's store, from the last size measured (a 384-float vector to start). */
    private long storeBytesPerPassage = LangChainBaseline.DIMENSIONS * 4L;

    public Benchmark(BenchOptions options, CiteqaProperties settings, Answerers answerers, PrintWriter out) {
        this.options = options;
        this.settings = settings;
        this.answerers = answerers;
        this.out = out;
    }

    public BenchReport run() {
        long begin = System.nanoTime();
        Instant started = Instant.now();
        String loadBefore = loadAverage();
        // follow-ups need their conversation; the bench asks standalone questions only
        List<GoldQuestion> questions = GoldSet.read(options.gold(), options.seeds()).questions().stream()
                .filter(q -> q.history().isEmpty()).toList();
        BenchReport.Launches launches = launches();
        BenchReport.AnswerRun answers = seedAnswers(questions);
        List<BenchReport.SizeRun> sizes = new ArrayList<>();
        if (options.corpus() != null) {
            sizes.add(size(0, options.corpus(), options.work().resolve("index-own"), 0, 0));
        } else {
            for (int requested : options.passages()) {
                sizes.add(generatedSize(requested));
            }
        }
        List<BenchReport.VectorIndexRun> vectorIndexes = vectorIndexes();
        BenchReport.EmbeddingRun embedding = embedding(questions, answers.passages());
        BenchReport.HybridRun hybrid = hybridAtScale();
        if (embedding != null && embedding.embeddedPerSecond() > 0) {
            for (BenchReport.SizeRun size : sizes) {
                if (hybrid != null && hybrid.requested() == size.requested()) {
                    continue;
                }
                // a calculation from the measured rate, named as one: these corpora were not embedded
                notRun.add(String.format(java.util.Locale.ROOT, "Embeddings for the %,d-passage corpus (and so vector "
                        + "and hybrid queries, and LangChain4j with real embeddings, at that size): not run. At the "
                        + "%.1f passages/s measured above it would take about %.1f hours.", size.passages(),
                        embedding.embeddedPerSecond(), size.passages() / embedding.embeddedPerSecond() / 3600));
            }
        }
        BenchReport.Machine machine = new BenchReport.Machine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version(), Runtime.getRuntime().maxMemory(),
                loadBefore, loadAverage());
        return new BenchReport(options.command(), started, (System.nanoTime() - begin) / 1_000_000, machine, launches,
                answers, sizes, vectorIndexes, embedding, hybrid, notRun);
    }

    /** The question a timed single command asks: the README's first example. */
    static final String ONE_SHOT_QUESTION = "Where did Khalid al-Obeidi and Hossein Dehqan sign the agreement?";

    private BenchReport.Launches launches() {
        if (options.launches() <= 0) {
            notRun.add("Launch to first prompt: not measured (--launches 0).");
            return null;
        }
        Path launcher = options.project().resolve("chat");
        Path jar = options.project().resolve("target").resolve("citeqa.jar");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(jar)) {
            notRun.add("Launch to first prompt: not measured (no launcher " + launcher + " or jar " + jar + ").");
            return null;
        }
        Path data = options.work().resolve("launch-data");
        List<String> viaLauncher = List.of(launcher.toString(), "--docs", options.seeds().toString(), "--data",
                data.toString());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> plain = List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-jar",
                jar.toString(), "--docs", options.seeds().toString(), "--data", data.toString());
        try {
            out.printf("Timing %d starts of the launcher and of the plain jar...%n", options.launches());
            out.flush();
            // one untimed start each: it may extract the jar or make the AOT cache, and fills the page cache
            LaunchTimer.time(viaLauncher, options.project());
            LaunchTimer.time(plain, options.project());
            List<LaunchTimer.Start> launcherStarts = LaunchTimer.times(viaLauncher, options.project(), options.launches());
            List<LaunchTimer.Start> plainStarts = LaunchTimer.times(plain, options.project(), options.launches());
            List<String> oneShot = new ArrayList<>(viaLauncher);
            oneShot.addAll(List.of("ask", ONE_SHOT_QUESTION));
            out.printf("Timing %d single questions (./chat ask)...%n", options.launches());
            out.flush();
            LaunchTimer.timeToExit(oneShot, options.project()); // untimed: indexes and embeds the seeds once
            List<LaunchTimer.Start> asks = LaunchTimer.timesToExit(oneShot, options.project(), options.launches());
            return new BenchReport.Launches("printf 'exit\\n' | ./chat", LaunchTimer.wall(launcherStarts),
                    LaunchTimer.cpu(launcherStarts),
                    "printf 'exit\\n' | java --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -jar target/citeqa.jar",
                    LaunchTimer.wall(plainStarts), LaunchTimer.cpu(plainStarts),
                    "./chat ask \"" + ONE_SHOT_QUESTION + "\"", LaunchTimer.wall(asks), LaunchTimer.cpu(asks));
        } catch (IOException e) {
            notRun.add("Launch to first prompt: failed (" + e.getMessage() + ").");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while timing starts", e);
        }
    }

    private BenchReport.AnswerRun seedAnswers(List<GoldQuestion> questions) {
        out.println("Timing offline answers on the seed documents...");
        out.flush();
        Path docs = copySeeds(options.work().resolve("seed-docs"));
        Path data = options.work().resolve("seed-index");
        deleteTree(data);
        // the product as configured: its retrieval mode and embedding model, the model loaded before timing
        Embedder embedder = Embedder.named(settings.retrieval().embeddingModel());
        try (Workspace workspace = new Workspace(docs, data, settings, embedder)) {
            workspace.sync(p -> {
            });
            OfflineAsker asking = new OfflineAsker(workspace);
            List<String> asked = questions.stream().map(GoldQuestion::question).toList();
            long first = System.nanoTime();
            asking.ask(asked.getFirst());
            long firstMillis = (System.nanoTime() - first) / 1_000_000;
            timeEach(cycle(asked, options.queries()), asking::ask);
            Samples samples = timeEach(cycle(asked, options.queries()), asking::ask);
            String retrieval = workspace.retrieval().effective(RetrievalMode.parse(settings.retrieval().mode())).label()
                    + (embedder.enabled() ? ", " + embedder.name() : "");
            return new BenchReport.AnswerRun(workspace.index().passageCount(), asked.size(), retrieval, firstMillis,
                    samples.wallTimes(), samples.cpuTimes());
        }
    }

    private BenchReport.SizeRun generatedSize(int requested) {
        Path corpus = options.work().resolve("corpus-" + requested);
        out.printf("Writing a corpus of about %,d passages to %s...%n", requested, corpus);
        out.flush();
        long begin = System.nanoTime();
        CorpusGenerator.Written written = new CorpusGenerator(options.seed()).write(corpus, requested);
        long generateMillis = written.kept() ? -1 : (System.nanoTime() - begin) / 1_000_000;
        return size(requested, corpus, options.work().resolve("index-" + requested), written.files(), generateMillis);
    }

    private BenchReport.SizeRun size(int requested, Path corpus, Path data, int files, long generateMillis) {
        deleteTree(data);
        System.gc();
        MemoryUse.resetPeakRss();
        IndexSummary first;
        long peakHeap;
        out.printf("Indexing %s...%n", corpus);
        out.flush();
        try (MemoryUse.HeapSampler sampler = new MemoryUse.HeapSampler();
             Workspace workspace = new Workspace(corpus, data, settings, Embedder.named(Embedder.NONE))) {
            first = workspace.sync(p -> {
            });
            peakHeap = sampler.max();
        }
        out.printf("  %s%n  Re-indexing the unchanged folder from a fresh start...%n", first.line());
        out.flush();
        try (Workspace workspace = new Workspace(corpus, data, settings, Embedder.named(Embedder.NONE))) {
            long again = System.nanoTime();
            IndexSummary second = workspace.sync(p -> {
            });
            long reindexMillis = (System.nanoTime() - again) / 1_000_000;
            if (second.touched()) {
                throw new IllegalStateException("re-indexing an unchanged folder changed the index: " + second.line());
            }
            out.printf("  %s%n  Timing %d queries a mode...%n", second.line(), options.queries());
            out.flush();
            Map<String, Distribution> latency = new LinkedHashMap<>();
            Map<String, Distribution> cpu = new LinkedHashMap<>();
            List<String> warm = BenchQueries.sample(workspace.index(), options.queries(), options.seed() + 1);
            List<String> timed = BenchQueries.sample(workspace.index(), options.queries(), options.seed() + 2);
            int k = settings.retrieval().topK();
            timeEach(warm, q -> workspace.retrieval().retrieve(q, RetrievalMode.BM25, k));
            Samples bm25 = timeEach(timed, q -> workspace.retrieval().retrieve(q, RetrievalMode.BM25, k));
            latency.put(BM25, bm25.wallTimes());
            cpu.put(BM25, bm25.cpuTimes());
            OfflineAsker asking = new OfflineAsker(workspace);
            timeEach(warm, asking::ask);
            Samples answers = timeEach(timed, asking::ask);
            latency.put(ANSWER, answers.wallTimes());
            cpu.put(ANSWER, answers.cpuTimes());
            MemoryUse memory = MemoryUse.now(peakHeap);
            BenchReport.StoreScale store = null;
            String storeNote = null;
            long room = (long) (0.6 * (Runtime.getRuntime().maxMemory() - memory.liveHeap()));
            long needed = (long) first.passages() * storeBytesPerPassage;
            if (needed > room) {
                storeNote = String.format(java.util.Locale.ROOT, "LangChain4j's in-memory store at %,d passages: not "
                        + "run; at the %,d bytes a passage it held at the previous size it would need about %,d MiB of "
                        + "heap, more than the %,d MiB this run could spare.", first.passages(), storeBytesPerPassage,
                        needed >> 20, room >> 20);
                notRun.add(storeNote);
            } else {
                out.printf("  LangChain4j's in-memory store with %,d stand-in vectors...%n", first.passages());
                out.flush();
                store = LangChainBaseline.storeAtScale(passageTexts(workspace), Math.min(200, options.queries()),
                        options.seed() + 4);
                storeBytesPerPassage = Math.max(storeBytesPerPassage, store.heapBytes() / Math.max(1, store.passages()));
            }
            return new BenchReport.SizeRun(requested, first.passages(), files == 0 ? first.added() : files,
                    bytes(corpus), generateMillis, first.millis(), reindexMillis, bytes(workspace.index().folder()),
                    latency, cpu, memory, store, storeNote);
        }
    }

    private List<BenchReport.VectorIndexRun> vectorIndexes() {
        if (options.vectors() <= 0) {
            notRun.add("HNSW settings and quantization with stand-in vectors: not run (--vectors 0).");
            return List.of();
        }
        List<BenchReport.VectorIndexRun> runs = new ArrayList<>();
        VectorScale scale = VectorScale.standIn(options.vectors(), Math.min(500, options.queries()), options.seed());
        for (VectorScale.Config config : VectorScale.configs()) {
            out.printf("HNSW index of %,d stand-in vectors: %s...%n", options.vectors(), config.name());
            out.flush();
            runs.add(scale.measure(config, options.work().resolve("vectors")));
        }
        Benchmark.deleteTree(options.work().resolve("vectors"));
        return runs;
    }

    private BenchReport.EmbeddingRun embedding(List<GoldQuestion> questions, int seedPassages) {
        if (options.embedded() <= 0) {
            notRun.add("Embeddings and the LangChain4j comparison: not run (--embedded 0).");
            return null;
        }
        Path corpus = options.work().resolve("embedded-" + options.embedded());
        copySeeds(corpus.resolve(SEEDS_SUBFOLDER));
        new CorpusGenerator(options.seed()).write(corpus, Math.max(1, options.embedded() - seedPassages));
        Path data = options.work().resolve("embedded-index-" + options.embedded());
        deleteTree(data);
        out.printf("Embedding comparison on %s...%n", corpus);
        out.flush();
        List<GoldQuestion> answerable = questions.stream().filter(GoldQuestion::answerable).toList();
        int k = settings.retrieval().topK();
        // the configured model, or MiniLM when none is: both systems embed with the same one
        String model = Embedder.NONE.equals(settings.retrieval().embeddingModel()) ? Embedder.MINILM
                : settings.retrieval().embeddingModel();
        Embedder embedder = Embedder.named(model);
        try (Workspace workspace = new Workspace(corpus, data, settings, embedder)) {
            embedder.query("loaded before the clock starts");
            long heapBefore = MemoryUse.now(-1).liveHeap();
            out.printf("  citeqa: indexing with %s embeddings...%n", model);
            out.flush();
            IndexSummary summary = workspace.sync(p -> {
            });
            // embedding a question takes tens of milliseconds here: a few hundred questions bound the run
            List<String> timed = BenchQueries.sample(workspace.index(), Math.min(300, options.queries()),
                    options.seed() + 3);
            Map<String, Distribution> citeqaLatency = new LinkedHashMap<>();
            Map<String, BenchReport.Quality> citeqaQuality = new LinkedHashMap<>();
            for (RetrievalMode mode : RetrievalMode.values()) {
                out.printf("  citeqa: %s queries...%n", mode.label());
                out.flush();
                timeEach(timed.subList(0, Math.min(30, timed.size())), q -> workspace.retrieval().retrieve(q, mode, k));
                citeqaLatency.put(mode.label(), timeEach(timed, q -> workspace.retrieval().retrieve(q, mode, k))
                        .wallTimes());
                citeqaQuality.put(mode.label(), quality(answerable, k, q -> workspace.retrieval().retrieve(q, mode, k)
                        .stream().map(RankedPassage::passage).map(Passage::file).toList()));
            }
            citeqaLatency.put(QUESTION_EMBEDDING, timeEach(timed, embedder::query).wallTimes());
            long citeqaHeap = MemoryUse.now(-1).liveHeap() - heapBefore;

            List<Passage> passages = allPassages(workspace);
            MemoryUse before = MemoryUse.now(-1);
            EmbeddingModel baselineModel = Embedder.BGE_SMALL.equals(model) ? new BgeSmallEnV15EmbeddingModel()
                    : new AllMiniLmL6V2EmbeddingModel();
            baselineModel.embed("loaded before the clock starts");
            LangChainBaseline baseline = new LangChainBaseline(baselineModel);
            out.printf("  LangChain4j: embedding %,d passages with %s...%n", passages.size(), model);
            out.flush();
            long ingest = System.nanoTime();
            baseline.ingest(passages, k);
            long baselineMillis = (System.nanoTime() - ingest) / 1_000_000;
            timeEach(timed.subList(0, Math.min(30, timed.size())), baseline::retrieveFiles);
            Distribution baselineLatency = timeEach(timed, baseline::retrieveFiles).wallTimes();
            BenchReport.Quality baselineQuality = quality(answerable, k, baseline::retrieveFiles);
            MemoryUse after = MemoryUse.now(-1);
            return new BenchReport.EmbeddingRun(model, summary.passages(), summary.millis(),
                    bytes(workspace.index().folder()), citeqaHeap, citeqaLatency, citeqaQuality, baselineMillis,
                    after.liveHeap() - before.liveHeap(), baselineLatency, baselineQuality);
        }
    }

    /**
     * A generated corpus of {@code --hybrid} passages indexed with the configured embedding model: the three
     * retrieval modes timed on it, then the vector formats compared on its own vectors. Embedding takes most of an
     * hour at 100k passages here, so the index is kept between runs with a note of how long it took to build.
     */
    private BenchReport.HybridRun hybridAtScale() {
        if (options.hybrid() <= 0) {
            notRun.add("Vector and hybrid queries at scale, and vector formats on real embeddings: not run "
                    + "(--hybrid 0).");
            return null;
        }
        Path corpus = options.work().resolve("corpus-" + options.hybrid());
        out.printf("Writing a corpus of about %,d passages to %s...%n", options.hybrid(), corpus);
        out.flush();
        new CorpusGenerator(options.seed()).write(corpus, options.hybrid());
        String model = Embedder.NONE.equals(settings.retrieval().embeddingModel()) ? Embedder.BGE_SMALL
                : settings.retrieval().embeddingModel();
        Path data = options.work().resolve("hybrid-index-" + options.hybrid() + "-" + model);
        Path record = data.resolveSibling(data.getFileName() + ".indexing");
        Embedder embedder = Embedder.named(model);
        embedder.query("loaded before the clock starts");
        System.gc();
        try (MemoryUse.HeapSampler sampler = new MemoryUse.HeapSampler();
             Workspace workspace = new Workspace(corpus, data, settings, embedder)) {
            out.printf("  Indexing with %s embeddings (kept in %s for later runs)...%n", model, data);
            out.flush();
            int[] reported = {0};
            IndexSummary summary = workspace.sync(p -> {
                int tenth = p.total() == 0 ? 10 : p.done() * 10 / p.total();
                if (tenth > reported[0]) {
                    reported[0] = tenth;
                    out.printf("    %d%% of the files (%s)%n", tenth * 10, java.time.LocalTime.now().withNano(0));
                    out.flush();
                }
            });
            long indexMillis = summary.touched() && summary.embedded() > 0 ? summary.millis() : -1;
            String indexedBy = null;
            if (summary.touched() && summary.embedded() == 0 && Files.exists(record)) {
                // rebuilt for a new index layout with every vector reused: the embedding figures stay the earlier ones
                String earlier = Files.readString(record).strip().replaceAll("; rebuilt .*", "");
                indexedBy = String.format(java.util.Locale.ROOT, "%s; rebuilt %s for the current index format in "
                        + "%s s, every vector reused", earlier, Instant.now().truncatedTo(
                        java.time.temporal.ChronoUnit.MINUTES), summary.millis() / 1000);
                Files.writeString(record, indexedBy);
            } else if (indexMillis >= 0) {
                Files.writeString(record, String.format(java.util.Locale.ROOT, "built %s: %,d passages in %s s "
                        + "(%.1f passages/s)", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES),
                        summary.passages(), summary.millis() / 1000, summary.passages() * 1000.0
                                / Math.max(1, summary.millis())));
            } else {
                indexedBy = Files.exists(record) ? Files.readString(record).strip() : "built by an earlier run";
            }
            long peakHeap = sampler.max();
            List<String> timed = BenchQueries.sample(workspace.index(), Math.min(300, options.queries()),
                    options.seed() + 5);
            int k = settings.retrieval().topK();
            Map<String, Distribution> latency = new LinkedHashMap<>();
            Map<String, Distribution> cpu = new LinkedHashMap<>();
            for (RetrievalMode mode : RetrievalMode.values()) {
                out.printf("  %s queries at %,d passages...%n", mode.label(), summary.passages());
                out.flush();
                timeEach(timed.subList(0, Math.min(30, timed.size())), q -> workspace.retrieval().retrieve(q, mode, k));
                Samples samples = timeEach(timed, q -> workspace.retrieval().retrieve(q, mode, k));
                latency.put(mode.label(), samples.wallTimes());
                cpu.put(mode.label(), samples.cpuTimes());
            }
            Samples embedding = timeEach(timed, embedder::query);
            latency.put(QUESTION_EMBEDDING, embedding.wallTimes());
            cpu.put(QUESTION_EMBEDDING, embedding.cpuTimes());
            MemoryUse memory = MemoryUse.now(peakHeap);
            long indexBytes = bytes(workspace.index().folder());

            List<BenchReport.VectorIndexRun> formats = new ArrayList<>();
            if (options.vectors() <= 0) {
                notRun.add("Vector formats on the embedded corpus's own vectors: not run (--vectors 0).");
                return new BenchReport.HybridRun(model, options.hybrid(), summary.passages(), indexMillis, indexedBy,
                        indexBytes, latency, cpu, memory, formats);
            }
            List<float[]> questions = timed.stream().limit(200).map(embedder::query).toList();
            VectorScale scale = VectorScale.of(model + " embeddings of the generated corpus",
                    storedVectors(workspace), questions);
            for (VectorScale.Config config : VectorScale.configs()) {
                out.printf("  HNSW index of the %,d real vectors: %s...%n", summary.passages(), config.name());
                out.flush();
                formats.add(scale.measure(config, options.work().resolve("vectors")));
            }
            deleteTree(options.work().resolve("vectors"));
            return new BenchReport.HybridRun(model, options.hybrid(), summary.passages(), indexMillis, indexedBy,
                    indexBytes, latency, cpu, memory, formats);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every passage vector the index holds, in document order. */
    private static List<float[]> storedVectors(Workspace workspace) throws IOException {
        List<float[]> vectors = new ArrayList<>();
        for (var leaf : workspace.index().searcher().getIndexReader().leaves()) {
            var values = leaf.reader().getFloatVectorValues(dev.citeqa.index.Fields.VECTOR);
            if (values == null) {
                continue;
            }
            var live = leaf.reader().getLiveDocs();
            var iterator = values.iterator();
            for (int doc = iterator.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                 doc = iterator.nextDoc()) {
                if (live == null || live.get(doc)) {
                    vectors.add(values.vectorValue(iterator.index()).clone());
                }
            }
        }
        return vectors;
    }

    /** Share of questions with a gold file among the top k, and mean reciprocal rank of the first such hit. */
    static BenchReport.Quality quality(List<GoldQuestion> questions, int k, Function<String, List<String>> files) {
        double hits = 0;
        double reciprocal = 0;
        for (GoldQuestion question : questions) {
            List<String> found = files.apply(question.question());
            for (int i = 0; i < Math.min(k, found.size()); i++) {
                String file = found.get(i);
                boolean gold = question.sources().stream().anyMatch(s -> file.equals(s)
                        || file.equals(SEEDS_SUBFOLDER + "/" + s));
                if (gold) {
                    hits++;
                    reciprocal += 1.0 / (i + 1);
                    break;
                }
            }
        }
        int n = Math.max(1, questions.size());
        return new BenchReport.Quality(questions.size(), k, hits / n, reciprocal / n);
    }

    private static List<String> passageTexts(Workspace workspace) {
        List<String> texts = new ArrayList<>();
        var searcher = workspace.index().searcher();
        try {
            var stored = searcher.storedFields();
            for (int doc = 0; doc < searcher.getIndexReader().maxDoc(); doc++) {
                String text = stored.document(doc).get(dev.citeqa.index.Fields.TEXT);
                if (text != null) {
                    texts.add(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    private static List<Passage> allPassages(Workspace workspace) {
        List<Passage> passages = new ArrayList<>();
        for (String file : workspace.index().files().keySet().stream().sorted().toList()) {
            passages.addAll(workspace.index().passages(file));
        }
        return passages;
    }

    /**
     * The whole ask path with the offline extractive answerer, whatever provider is configured: each question is
     * a new conversation, so turns do not pile up over thousands of questions.
     */
    private final class OfflineAsker {
        private final Workspace workspace;
        private final AskService asking = new AskService(settings, answerers);
        private final Answerer extractive = answerers.forProvider("extractive", null);

        OfflineAsker(Workspace workspace) {
            this.workspace = workspace;
        }

        Object ask(String question) {
            return asking.ask(workspace, new Conversation(), extractive, question, token -> {
            });
        }
    }

    /** Wall-clock and on-CPU nanoseconds of each call; the gap between the two is time spent waiting for a core. */
    record Samples(long[] wall, long[] cpu) {
        Distribution wallTimes() {
            return Distribution.ofNanos(wall);
        }

        Distribution cpuTimes() {
            return Distribution.ofNanos(cpu);
        }
    }

    private static <T> Samples timeEach(List<String> queries, Function<String, T> call) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] wall = new long[queries.size()];
        long[] cpu = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long cpuBegin = threads.getCurrentThreadCpuTime();
            long begin = System.nanoTime();
            call.apply(queries.get(i));
            wall[i] = System.nanoTime() - begin;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuBegin;
        }
        return new Samples(wall, cpu);
    }

    private static List<String> cycle(List<String> items, int count) {
        List<String> cycled = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cycled.add(items.get(i % items.size()));
        }
        return cycled;
    }

    private Path copySeeds(Path target) {
        try (Stream<Path> files = Files.list(options.seeds())) {
            Files.createDirectories(target);
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(file.getFileName());
                if (!Files.exists(copy) || Files.mismatch(file, copy) != -1) {
                    Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long bytes(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
