package dev.citeqa.eval;

import java.util.List;

/**
 * One line of a gold file.
 *
 * @param history  earlier user questions, asked in order in the same conversation before {@code question}
 * @param answer   the reference answer, for people to read; scoring uses {@code facts}
 * @param facts    groups of alternatives: an answer is correct when every group has one alternative in its text
 * @param sources  the files (relative to the documents folder) that support the answer
 * @param line     where the question is in the gold file, for messages
 */
public record GoldQuestion(String id, String question, List<String> history, boolean answerable, String answer,
                           List<List<String>> facts, List<String> sources, int line) {

    public GoldQuestion {
        history = List.copyOf(history);
        facts = facts.stream().map(List::copyOf).toList();
        sources = List.copyOf(sources);
    }
}
