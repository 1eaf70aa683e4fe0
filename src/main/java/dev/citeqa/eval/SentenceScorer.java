package dev.citeqa.eval;

import java.util.List;

/**
 * Scores candidate sentences for a question: the part of a reader that chooses the answering sentence, measured
 * alone (on WikiQA by {@link SentenceRanking}). A method of any package fits, as a method reference.
 */
@FunctionalInterface
public interface SentenceScorer {

    /** One score per candidate, in the candidates' order; higher means more likely to answer the question. */
    double[] score(String question, List<String> candidates);
}
