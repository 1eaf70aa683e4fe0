package dev.citeqa.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What a bench run does.
 *
 * @param passages  corpus sizes to generate and measure (ignored when {@code corpus} is given)
 * @param corpus    a folder of the user's own documents to measure instead of generated ones, or null
 * @param work      where generated corpora and their indexes are kept between runs
 * @param queries   timed queries per size and mode (as many again warm the searcher first)
 * @param launches  timed starts of the launcher and of the plain jar (0 skips them)
 * @param embedded  passages in the corpus used for embeddings and the LangChain4j comparison (0 skips it)
 * @param vectors   stand-in vectors for comparing HNSW settings and quantization (0 skips it)
 * @param hybrid    passages of a generated corpus embedded with the configured model, for vector and hybrid
 *                  queries and vector formats at that size (0 skips it; the index is kept for the next run)
 * @param gold      the gold questions about the seed documents, with their source files
 * @param project   the folder holding the launcher, the jar and the seed documents
 * @param command   the command line, printed in the report so the figures can be reproduced
 */
public record BenchOptions(List<Integer> passages, Path out, Path corpus, Path work, int queries, int launches,
                           int embedded, int vectors, int hybrid, Path gold, Path project, long seed, String command) {

    public BenchOptions {
        passages = List.copyOf(passages);
        if (passages.isEmpty() && corpus == null) {
            throw new IllegalArgumentException("give at least one corpus size, or a corpus folder");
        }
        if (gold == null) {
            throw new IllegalArgumentException("a gold file is needed for the seed questions");
        }
        if (queries < 10) {
            throw new IllegalArgumentException("at least 10 queries are needed for a p99");
        }
    }

    public Path seeds() {
        return project.resolve("seeds");
    }
}
