package dev.citeqa.retrieve;

import java.util.List;

/**
 * The retrieval a question goes through: BM25, vectors, or both fused by reciprocal rank, over a pool of
 * candidates that is then collapsed for near-duplicates and cut to k.
 */
public final class PassageRetrieval {

    private final Bm25Retriever bm25;
    private final VectorRetriever vector;
    private final int rrfK;
    private final int candidates;

    public PassageRetrieval(Bm25Retriever bm25, VectorRetriever vector, int rrfK, int candidates) {
        this.bm25 = bm25;
        this.vector = vector;
        this.rrfK = rrfK;
        this.candidates = candidates;
    }

    /** The mode that will run: hybrid without an embedding model is BM25 alone. */
    public RetrievalMode effective(RetrievalMode mode) {
        return mode == RetrievalMode.HYBRID && !vector.available() ? RetrievalMode.BM25 : mode;
    }

    public List<RankedPassage> retrieve(String question, RetrievalMode mode, int k) {
        int pool = Math.max(candidates, k);
        List<RankedPassage> ranked = switch (effective(mode)) {
            case BM25 -> bm25.retrieve(question, pool);
            case VECTOR -> vector.retrieve(question, pool);
            case HYBRID -> RankFusion.fuse(bm25.retrieve(question, pool), vector.retrieve(question, pool), rrfK);
        };
        return NearDuplicates.collapse(ranked, k);
    }

    public TermWeights weights(String question) {
        return bm25.weights(question);
    }
}
