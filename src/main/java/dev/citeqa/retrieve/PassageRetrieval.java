package dev.citeqa.retrieve;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The retrieval a question goes through: BM25, vectors, or both fused by reciprocal rank, over a pool of
 * candidates that is then collapsed for near-duplicates and cut to k.
 */
public final class PassageRetrieval {

    /** Where BM25 runs during a hybrid query. */
    private static final Executor BESIDE = Executors.newVirtualThreadPerTaskExecutor();

    private final LexicalRetriever bm25;
    private final DenseRetriever vector;
    private final int rrfK;
    private final int candidates;

    public PassageRetrieval(LexicalRetriever bm25, DenseRetriever vector, int rrfK, int candidates) {
        this.bm25 = bm25;
        this.vector = vector;
        this.rrfK = rrfK;
        this.candidates = candidates;
    }

    /** The mode that will run: without an embedding model, or while passages wait for their vectors, BM25 alone. */
    public RetrievalMode effective(RetrievalMode mode) {
        if (mode == RetrievalMode.HYBRID && !vector.available()) {
            return RetrievalMode.BM25;
        }
        return mode != RetrievalMode.BM25 && vector.available() && !vector.ready() ? RetrievalMode.BM25 : mode;
    }

    public List<RankedPassage> retrieve(String question, RetrievalMode mode, int k) {
        int pool = Math.max(candidates, k);
        List<RankedPassage> ranked = switch (effective(mode)) {
            case BM25 -> bm25.retrieve(question, pool);
            case VECTOR -> vector.retrieve(question, pool);
            case HYBRID -> hybrid(question, pool);
        };
        return NearDuplicates.collapse(ranked, k);
    }

    /**
     * BM25 runs on a second thread while the question is embedded and the vectors searched: the embedding is most
     * of a hybrid query's time, and BM25 then costs nothing on the clock when a second core is free.
     */
    private List<RankedPassage> hybrid(String question, int pool) {
        CompletableFuture<List<RankedPassage>> lexical = CompletableFuture.supplyAsync(
                () -> bm25.retrieve(question, pool), BESIDE);
        List<RankedPassage> dense = vector.retrieve(question, pool);
        try {
            return RankFusion.fuse(lexical.join(), dense, rrfK);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public TermWeights weights(String question) {
        return bm25.weights(question);
    }
}
