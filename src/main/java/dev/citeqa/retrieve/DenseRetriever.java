package dev.citeqa.retrieve;

/** A ranking by similarity of embeddings. */
public interface DenseRetriever extends Retriever {

    /** Whether an embedding model is configured; without one, hybrid retrieval is BM25 alone. */
    boolean available();

    /**
     * Whether every passage has its vector: while some wait for theirs (indexed text first, embedded after), a
     * half-embedded index would favour its embedded half, so questions use BM25 alone.
     */
    default boolean ready() {
        return true;
    }
}
