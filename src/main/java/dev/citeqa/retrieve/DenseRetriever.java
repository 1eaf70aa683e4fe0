package dev.citeqa.retrieve;

/** A ranking by similarity of embeddings. */
public interface DenseRetriever extends Retriever {

    /** Whether an embedding model is configured; without one, hybrid retrieval is BM25 alone. */
    boolean available();
}
