package dev.citeqa.chat;

import java.util.List;

/** Turns a follow-up question into one that can be searched on its own, using the earlier turns. */
public interface QuestionRewriter {

    /** The question to search; the question itself when it needs nothing from earlier turns. */
    String standalone(String question, List<Turn> history);
}
