package dev.citeqa.retrieve;

import java.util.List;

import dev.citeqa.ingest.Passage;

/**
 * A passage found for a question, with why: its final score and rank, and the rank and score it had in each
 * ranking that was fused (0 and NaN where a ranking did not return it).
 *
 * @param alsoIn other files holding the same text, collapsed into this hit
 */
public record RankedPassage(Passage passage, int rank, double score, int bm25Rank, double bm25Score,
                            int vectorRank, double vectorScore, List<String> alsoIn) {

    /** A hit of the BM25 ranking alone. */
    public static RankedPassage byBm25(Passage passage, int rank, double score) {
        return new RankedPassage(passage, rank, score, rank, score, 0, Double.NaN, List.of());
    }

    /**
     * A hit of the vector ranking alone, scored by its cosine. {@code engineScore} is what Lucene and Solr report for a
     * cosine (or dot product of unit vectors) c: (1 + c) / 2.
     */
    public static RankedPassage byVector(Passage passage, int rank, double engineScore) {
        double cosine = 2 * engineScore - 1;
        return new RankedPassage(passage, rank, cosine, 0, Double.NaN, rank, cosine, List.of());
    }

    public RankedPassage withRank(int newRank) {
        return new RankedPassage(passage, newRank, score, bm25Rank, bm25Score, vectorRank, vectorScore, alsoIn);
    }

    public RankedPassage withAlsoIn(List<String> files) {
        return new RankedPassage(passage, rank, score, bm25Rank, bm25Score, vectorRank, vectorScore, files);
    }
}
