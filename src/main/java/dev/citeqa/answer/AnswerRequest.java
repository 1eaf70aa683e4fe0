package dev.citeqa.answer;

import java.util.List;

import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.TermWeights;

/**
 * A question to answer from numbered passages: passage {@code i} of {@code context} is cited as {@code [i+1]}.
 *
 * @param question the question as it is searched (follow-ups already made standalone)
 * @param weights  how much each question term tells (idf), for answerers that score sentences
 */
public record AnswerRequest(String question, List<RankedPassage> context, TermWeights weights) {
}
