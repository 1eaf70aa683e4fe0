package dev.citeqa.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one bench run measured. Absent parts (a phase that was not run) are null, and {@link #notRun} says
 * why, so the report never shows a figure that was not measured.
 */
public record BenchReport(String command, Instant started, long tookMillis, Machine machine, Launches launches,
                          AnswerRun answers, List<SizeRun> sizes, List<VectorIndexRun> vectorIndexes,
                          EmbeddingRun embedding, HybridRun hybrid, List<String> notRun) {

    public BenchReport {
        sizes = List.copyOf(sizes);
        vectorIndexes = List.copyOf(vectorIndexes);
        notRun = List.copyOf(notRun);
    }

    /** The machine and its load: other people's work on a shared machine shows in every figure. */
    public record Machine(int cores, String java, long maxHeap, String loadBefore, String loadAfter) {
    }

    /**
     * Starts to the first prompt, from outside the JVM.
     *
     * @param plainJar    the fat jar started with java -jar, without the launcher's extracted jar and AOT cache
     * @param launcherCpu CPU time of the started process by the time the prompt appeared (null if not reported)
     * @param oneShot     a single question on the seeds, {@code ./chat ask "..."}, from spawn to exit (its index
     *                    complete with vectors from the untimed run before)
     * @param oneShotCpu  the CPU time of each single question, as last read before it ended (null if not reported)
     */
    public record Launches(String launcherCommand, Distribution launcher, Distribution launcherCpu,
                           String plainJarCommand, Distribution plainJar, Distribution plainJarCpu,
                           String oneShotCommand, Distribution oneShot, Distribution oneShotCpu) {
    }

    /**
     * Offline answers (retrieval, extractive answer, citation check) on the seed documents, warm.
     *
     * @param retrieval the retrieval the configured settings ran (mode and embedding model)
     * @param warm      wall-clock time of each answer; {@code cpu} is the answering thread's time on a core
     */
    public record AnswerRun(int passages, int questions, String retrieval, long firstMillis, Distribution warm,
                            Distribution cpu) {
    }

    /**
     * One corpus size.
     *
     * @param latency    wall-clock query latency by mode (bm25, answer; vector and hybrid where the index has vectors)
     * @param cpu        the querying thread's on-CPU time by mode: latency minus the time spent waiting for a core
     * @param generateMillis time to write the generated corpus; -1 when an identical one from an earlier run was kept
     * @param baselineStore the LangChain4j store at this size, or null; {@code baselineStoreNote} says why not
     * @param reindexMillis a second sync of the unchanged folder from a freshly opened index, as a new session does
     */
    public record SizeRun(int requested, int passages, int files, long corpusBytes, long generateMillis,
                          long indexMillis, long reindexMillis, long indexBytes, Map<String, Distribution> latency,
                          Map<String, Distribution> cpu, MemoryUse memory, StoreScale baselineStore,
                          String baselineStoreNote) {

        public double passagesPerSecond() {
            return indexMillis == 0 ? 0 : passages * 1000.0 / indexMillis;
        }
    }

    /**
     * LangChain4j's InMemoryEmbeddingStore holding one corpus size, with stand-in vectors.
     *
     * @param heapBytes live heap the filled store holds (vectors, segments, metadata)
     * @param search    store.search for the top 5, the question's embedding not included
     */
    public record StoreScale(int passages, long heapBytes, Distribution search) {
    }

    /**
     * One vector format of Lucene's HNSW index.
     *
     * @param vectorKind "stand-in vectors", or the model whose embeddings of a corpus were indexed
     * @param search     top-50 search (citeqa's candidate pool), without embedding a question
     * @param recallAt10 share of the exact 10 nearest found among the first 10, averaged over up to 50 questions
     */
    public record VectorIndexRun(String config, String vectorKind, int vectors, long buildMillis, long indexBytes,
                                 Distribution search, double recallAt10) {
    }

    /**
     * citeqa's own index of a large generated corpus with the configured model's embeddings: the retrieval modes
     * timed on it, and vector formats compared on its real vectors.
     *
     * @param indexMillis    indexing from the files with embeddings, or -1 when the index was kept from an earlier
     *                       run ({@code indexedBy} then says which)
     * @param indexedBy      when and how fast the kept index was built, as that run recorded it; null if built now
     * @param latency        wall-clock latency by mode, the question embedded where the mode needs it; also the
     *                       question's embedding alone
     * @param cpu            the querying thread's on-CPU time by mode
     * @param formats        vector formats built from the index's own vectors, searched with embedded questions
     */
    public record HybridRun(String model, int requested, int passages, long indexMillis, String indexedBy,
                            long indexBytes, Map<String, Distribution> latency, Map<String, Distribution> cpu,
                            MemoryUse memory, List<VectorIndexRun> formats) {

        public HybridRun {
            formats = List.copyOf(formats);
        }
    }

    /** Share of questions with a passage of a gold source file in the top k, and the mean reciprocal rank. */
    public record Quality(int questions, int k, double hitRate, double mrr) {
    }

    /**
     * citeqa and the usual LangChain4j setup on the same corpus with the same embedding model.
     *
     * @param citeqaIndexMillis    citeqa indexing from the files (reading, cleaning, splitting, embedding, the index)
     * @param citeqaLatency        by mode, with the question embedded where the mode needs it; also the
     *                             question's embedding alone
     * @param citeqaQuality        by mode
     * @param baselineHeapBytes    live heap the store, its segments and the model's Java side hold
     */
    public record EmbeddingRun(String model, int passages, long citeqaIndexMillis, long citeqaIndexBytes, long citeqaHeapBytes,
                               Map<String, Distribution> citeqaLatency, Map<String, Quality> citeqaQuality,
                               long baselineIndexMillis, long baselineHeapBytes,
                               Distribution baselineLatency, Quality baselineQuality) {

        /** citeqa's whole indexing rate with embeddings (reading and splitting included). */
        public double citeqaEmbeddedPerSecond() {
            return citeqaIndexMillis == 0 ? 0 : passages * 1000.0 / citeqaIndexMillis;
        }

        public double embeddedPerSecond() {
            return baselineIndexMillis == 0 ? 0 : passages * 1000.0 / baselineIndexMillis;
        }
    }
}
