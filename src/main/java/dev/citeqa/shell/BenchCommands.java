package dev.citeqa.shell;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.citeqa.answer.Answerers;
import dev.citeqa.bench.BenchOptions;
import dev.citeqa.bench.BenchReport;
import dev.citeqa.bench.Benchmark;
import dev.citeqa.bench.PerformanceReport;
import dev.citeqa.bench.SolrBench;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.index.Embedder;

/** The benchmark: generated corpora of given sizes (or the user's folder), measured, written up as a report. */
@Component
public class BenchCommands {

    static final String DEFAULT_PASSAGES = "10000,100000,1000000";
    static final int DEFAULT_QUERIES = 1000;
    static final int DEFAULT_LAUNCHES = 10;
    static final int DEFAULT_EMBEDDED = 1000;
    // building the graph is slow here (about 250 vectors a second on a loaded core): 100k would take the
    // whole time budget of a run
    static final int DEFAULT_VECTORS = 20_000;

    private final CiteqaProperties settings;
    private final Answerers answerers;

    public BenchCommands(CiteqaProperties settings, Answerers answerers) {
        this.settings = settings;
        this.answerers = answerers;
    }

    @Command(name = "bench", description = "Measure start-up, indexing, query and answer latency and memory on "
            + "generated corpora (or --corpus), beside LangChain4j's in-memory store; writes docs/performance.md")
    public void bench(CommandContext context,
                      @Option(longName = "passages", description = "corpus sizes in passages, comma-separated "
                              + "(default " + DEFAULT_PASSAGES + ")") String passages,
                      @Option(longName = "out", description = "folder for performance.md and the plot "
                              + "(default docs)") String out,
                      @Option(longName = "corpus", description = "measure this folder of documents instead of "
                              + "generated ones") String corpus,
                      @Option(longName = "work", description = "where generated corpora and indexes are kept "
                              + "(default target/bench)") String work,
                      @Option(longName = "queries", description = "timed queries per size and mode (default "
                              + DEFAULT_QUERIES + ")") String queries,
                      @Option(longName = "launches", description = "timed starts of the shell, 0 to skip (default "
                              + DEFAULT_LAUNCHES + ")") String launches,
                      @Option(longName = "embedded", description = "passages for the embedding comparison with "
                              + "LangChain4j, 0 to skip (default " + DEFAULT_EMBEDDED + ")") String embedded,
                      @Option(longName = "vectors", description = "stand-in vectors for comparing HNSW settings "
                              + "and quantization, 0 to skip (default " + DEFAULT_VECTORS + ")") String vectors,
                      @Option(longName = "hybrid", description = "passages to embed for vector and hybrid queries and "
                              + "vector formats at scale, 0 to skip (default 0; 100000 takes about 45 min here, the "
                              + "index is kept for later runs)") String hybrid,
                      @Option(longName = "gold", description = "gold questions about the seed documents (default "
                              + "eval/gold.jsonl)") String gold) {
        PrintWriter printer = context.outputWriter();
        Path project = Path.of("").toAbsolutePath();
        List<String> given = new ArrayList<>();
        String jvmOptions = System.getenv("JAVA_TOOL_OPTIONS");
        if (jvmOptions != null && !jvmOptions.isBlank()) {
            given.add("JAVA_TOOL_OPTIONS='" + jvmOptions.strip() + "'"); // a heap limit is part of the setup measured
        }
        String model = settings.retrieval().embeddingModel();
        // another embedding model than the shipped default is part of the setup measured, so the command shows it
        given.add((settings.retrieval().solrcloud() ? "./chat --backend solrcloud" : "./chat")
                + (Embedder.BGE_SMALL.equals(model) ? "" : " --citeqa.retrieval.embedding-model=" + model) + " bench");
        addGiven(given, "passages", passages);
        addGiven(given, "out", out);
        addGiven(given, "corpus", corpus);
        addGiven(given, "work", work);
        addGiven(given, "queries", queries);
        addGiven(given, "launches", launches);
        addGiven(given, "embedded", embedded);
        addGiven(given, "vectors", vectors);
        addGiven(given, "hybrid", hybrid);
        addGiven(given, "gold", gold);
        BenchOptions options = new BenchOptions(
                corpus == null ? sizes(passages == null ? DEFAULT_PASSAGES : passages) : List.of(),
                project.resolve(out == null ? "docs" : out),
                corpus == null ? null : project.resolve(corpus),
                project.resolve(work == null ? "target/bench" : work),
                whole("queries", queries, DEFAULT_QUERIES, 10),
                whole("launches", launches, DEFAULT_LAUNCHES, 0),
                whole("embedded", embedded, DEFAULT_EMBEDDED, 0),
                whole("vectors", vectors, DEFAULT_VECTORS, 0),
                whole("hybrid", hybrid, 0, 0),
                project.resolve(gold == null ? "eval/gold.jsonl" : gold),
                project, 20261123L, String.join(" ", given));
        if (settings.retrieval().solrcloud()) {
            Path solrReport = new SolrBench(options, settings, printer).run();
            printer.println("Wrote " + solrReport);
            return;
        }
        BenchReport report = new Benchmark(options, settings, answerers, printer).run();
        Path written = PerformanceReport.write(report, options.out());
        printer.println("Wrote " + written + " and " + written.resolveSibling(PerformanceReport.PLOT));
    }

    private static void addGiven(List<String> given, String name, String value) {
        if (value != null) {
            given.add("--" + name + " " + value);
        }
    }

    static List<Integer> sizes(String list) {
        List<Integer> sizes = new ArrayList<>();
        for (String part : list.split(",")) {
            sizes.add(whole("passages", part.strip().replace("_", ""), 0, 1));
        }
        return sizes;
    }

    private static int whole(String option, String value, int fallback, int least) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Problem("--" + option + " needs a whole number of at least " + least + ", not \"" + value + "\".");
    }
}
