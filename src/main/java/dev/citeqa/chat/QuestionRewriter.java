package dev.citeqa.chat;

import java.util.List;

import dev.citeqa.answer.Answerer;

/** Turns a follow-up question into one that can be searched on its own, using the earlier turns. */
public interface QuestionRewriter {

    /** The question to search; the question itself when it needs nothing from earlier turns. */
    String standalone(String question, List<Turn> history);

    /**
     * The question to search when {@code answerer} will answer it: a rewriter that asks a model asks this one, so an
     * evaluation of several providers rewrites each provider's follow-ups with that provider.
     */
    default String standalone(String question, List<Turn> history, Answerer answerer) {
        return standalone(question, history);
    }
}
