package dev.citeqa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.answer.Answerers;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.TestSettings;
import dev.citeqa.eval.GoldSet;

/**
 * Runs the whole bench once on a tiny corpus and reads the report back. Checks what was written, never how fast
 * anything was: timings on a shared machine are for the report, not for assertions.
 */
class BenchmarkTest {

    static final CiteqaProperties SETTINGS = TestSettings.product();

    @TempDir
    static Path temp;
    static BenchReport report;
    static String markdown;
    static String printed;

    @BeforeAll
    static void runTinyBench() throws Exception {
        BenchOptions options = new BenchOptions(List.of(300, 600), temp.resolve("docs"), null, temp.resolve("work"),
                20, 0, 40, 2_000, 300, Path.of("eval/gold.jsonl"), Path.of("").toAbsolutePath(), 7L,
                "./chat bench --passages 300,600 --hybrid 300");
        StringWriter progress = new StringWriter();
        report = new Benchmark(options, SETTINGS, new Answerers(SETTINGS), new PrintWriter(progress, true)).run();
        PerformanceReport.write(report, options.out());
        markdown = Files.readString(options.out().resolve(PerformanceReport.MARKDOWN));
        printed = progress.toString();
    }

    @Test
    void reportHasTheCommandAndEverySection() {
        assertThat(markdown).startsWith("# Performance\n\nMeasured with `./chat bench --passages 300,600 --hybrid 300`");
        assertThat(markdown).contains("## Headline figures", "## Targets",
                "## Indexing, disk and memory by corpus size", "## Query latency by corpus size",
                "## Launch to first prompt", "## Offline answers at seed scale",
                "## Embeddings and the usual LangChain4j setup", "### LangChain4j's in-memory store at the corpus sizes",
                "## Not run, and why",
                "![Query latency against corpus size](performance-latency.svg)");
        assertThat(printed).contains("Writing a corpus of about 300 passages", "LangChain4j: embedding");
    }

    @Test
    void generatedCorpusHoldsAboutTheAskedPassagesAndReindexingChangesNothing() {
        assertThat(report.sizes()).hasSize(2);
        BenchReport.SizeRun small = report.sizes().getFirst();
        assertThat(small.requested()).isEqualTo(300);
        assertThat(small.files()).isEqualTo(300 / CorpusGenerator.PASSAGES_PER_FILE);
        assertThat(small.passages()).isBetween(270, 330);
        assertThat(small.latency()).containsOnlyKeys(Benchmark.BM25, Benchmark.ANSWER);
        assertThat(small.latency().get(Benchmark.BM25).count()).isEqualTo(20);
        assertThat(small.indexBytes()).isPositive();
        assertThat(small.memory().liveHeap()).isPositive();
        // the store holds every passage with a 384-float vector: at least 1.5 KB each
        assertThat(small.baselineStore().passages()).isEqualTo(small.passages());
        assertThat(small.baselineStore().heapBytes()).isGreaterThan(small.passages() * 1_536L);
    }

    @Test
    void latencyTableRowsParseAsNumbersInPercentileOrder() {
        Matcher row = Pattern.compile("\\| ([\\d,]+) \\| (BM25|offline answer) \\| (\\d+) \\| ([\\d.]+) \\| ([\\d.]+) "
                + "\\| ([\\d.]+) \\| ([\\d.]+) \\| ([\\d.]+) \\| ([\\d.]+) \\| ([\\d.]+) \\|").matcher(markdown);
        int rows = 0;
        while (row.find()) {
            rows++;
            assertThat(Integer.parseInt(row.group(3))).isEqualTo(20);
            double p50 = Double.parseDouble(row.group(4));
            double p95 = Double.parseDouble(row.group(5));
            double p99 = Double.parseDouble(row.group(6));
            double max = Double.parseDouble(row.group(8));
            assertThat(p50).isPositive().isLessThanOrEqualTo(p95);
            assertThat(p95).isLessThanOrEqualTo(p99);
            assertThat(p99).isLessThanOrEqualTo(max);
            double cpuP50 = Double.parseDouble(row.group(9));
            assertThat(cpuP50).isPositive().isLessThanOrEqualTo(Double.parseDouble(row.group(10)));
        }
        // two sizes with BM25 and answer rows, and the BM25 row of the embedded corpus
        assertThat(rows).isEqualTo(5);
    }

    @Test
    void vectorFormatsAreComparedOnTheSameStandInVectors() {
        assertThat(report.vectorIndexes()).extracting(BenchReport.VectorIndexRun::config)
                .containsExactlyElementsOf(VectorScale.configs().stream().map(VectorScale.Config::name).toList());
        for (BenchReport.VectorIndexRun run : report.vectorIndexes()) {
            assertThat(run.vectors()).isEqualTo(2_000);
            assertThat(run.indexBytes()).isPositive();
            assertThat(run.recallAt10()).isBetween(0.0, 1.0);
        }
        // float32 vectors take 4 bytes a dimension; int8 quantization adds a byte copy beside them
        assertThat(report.vectorIndexes().get(0).indexBytes()).isGreaterThan(2_000L * 384 * 4);
        assertThat(markdown).contains("## HNSW settings and quantization at 2,000 vectors (stand-in vectors)");
    }

    @Test
    void hybridAtScaleTimesEveryModeAndComparesFormatsOnTheIndexsOwnVectors() throws Exception {
        BenchReport.HybridRun hybrid = report.hybrid();
        assertThat(hybrid.model()).isEqualTo(SETTINGS.retrieval().embeddingModel());
        assertThat(hybrid.passages()).isBetween(270, 330);
        assertThat(hybrid.indexMillis()).isPositive(); // built in this run, not kept from another
        assertThat(hybrid.latency()).containsOnlyKeys(Benchmark.BM25, Benchmark.VECTOR, Benchmark.HYBRID,
                Benchmark.QUESTION_EMBEDDING);
        // hybrid runs BM25 and embeds the question: it cannot be faster than the embedding alone at the median
        assertThat(hybrid.latency().get(Benchmark.HYBRID).p50())
                .isGreaterThan(hybrid.latency().get(Benchmark.QUESTION_EMBEDDING).p50() * 0.5);
        assertThat(hybrid.formats()).extracting(BenchReport.VectorIndexRun::config)
                .containsExactlyElementsOf(VectorScale.configs().stream().map(VectorScale.Config::name).toList());
        for (BenchReport.VectorIndexRun run : hybrid.formats()) {
            assertThat(run.vectors()).isEqualTo(hybrid.passages());
            assertThat(run.vectorKind()).startsWith(hybrid.model());
        }
        // a few hundred float vectors: the graph search is as good as the exact scan
        assertThat(hybrid.formats().getFirst().recallAt10()).isGreaterThanOrEqualTo(0.95);
        assertThat(markdown).contains("## Vector and hybrid retrieval at " + PerformanceReport.count(hybrid.passages())
                + " passages (" + hybrid.model() + " embeddings)", "### HNSW settings and quantization on these vectors");
        // the embedded index is kept, with how long it took, for the next run to reuse
        Path record = temp.resolve("work").resolve("hybrid-index-300-" + hybrid.model() + ".indexing");
        assertThat(Files.readString(record)).contains(PerformanceReport.count(hybrid.passages()) + " passages in");
    }

    @Test
    void skippedPhasesAreNamedNotFilledIn() {
        assertThat(report.launches()).isNull();
        assertThat(markdown).contains("| launch to first prompt ≤ 1.5 s | not measured | not measured |",
                "- Launch to first prompt: not measured (--launches 0).",
                "| targets at 100k passages | not measured (no 100,000-passage size in this run) | not measured |");
    }

    @Test
    void langChainComparisonFindsTheSeedsAndStatesRatios() {
        BenchReport.EmbeddingRun embedding = report.embedding();
        assertThat(embedding.passages()).isBetween(50, 70);
        long standaloneAnswerable = GoldSet.read(Path.of("eval/gold.jsonl"), Path.of("seeds")).questions().stream()
                .filter(q -> q.history().isEmpty() && q.answerable()).count();
        assertThat(embedding.baselineQuality().questions()).isEqualTo((int) standaloneAnswerable);
        // the seed passages are few among generated ones: both systems should find most gold files
        assertThat(embedding.citeqaQuality().get(Benchmark.BM25).hitRate()).isGreaterThanOrEqualTo(0.8);
        assertThat(embedding.citeqaLatency()).containsKeys(Benchmark.BM25, Benchmark.VECTOR, Benchmark.HYBRID,
                Benchmark.QUESTION_EMBEDDING);
        assertThat(embedding.citeqaQuality()).containsOnlyKeys(Benchmark.BM25, Benchmark.VECTOR, Benchmark.HYBRID);
        assertThat(markdown).containsPattern("\\| query p99 ms \\(citeqa hybrid\\) \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+× \\|");
        assertThat(embedding.baselineQuality().hitRate()).isGreaterThanOrEqualTo(0.5);
        assertThat(markdown).containsPattern("\\| query p50 ms \\(citeqa BM25\\) \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+× \\|");
        assertThat(markdown).containsPattern("Embedding throughput, from LangChain4j's indexing above: [\\d,]+ passages/s");
    }

    @Test
    void plotIsWellFormedSvgWithALinePerModeAndPercentile() throws Exception {
        Path svg = temp.resolve("docs").resolve(PerformanceReport.PLOT);
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        // BM25 and offline answer on the generated sizes, vector and hybrid on the embedded corpus: p50 and p99 each
        assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(8);
        assertThat(Files.readString(svg).toLowerCase(Locale.ROOT)).contains("bm25 p50", "bm25 p99",
                "offline answer p99", "bm25 p99 target at 100k (20.0 ms)");
    }
}
