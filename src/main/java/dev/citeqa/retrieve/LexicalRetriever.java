package dev.citeqa.retrieve;

/** A ranking by the question's terms (BM25), which can also say how much each question term weighs. */
public interface LexicalRetriever extends Retriever {

    /** Inverse document frequency of each question term among passages, with its name variants. */
    TermWeights weights(String question);
}
