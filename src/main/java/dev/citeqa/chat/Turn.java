package dev.citeqa.chat;

import java.util.List;

import dev.citeqa.cite.CitedAnswer;
import dev.citeqa.retrieve.RankedPassage;

/**
 * One question and its answer.
 *
 * @param searched  the question as it was searched (a follow-up made standalone), equal to question otherwise
 * @param retrieved the passages that were found, best first; the answer's citations point into them
 * @param notice    something the user should know about the question (it was trimmed, ...), or null
 */
public record Turn(String question, String searched, CitedAnswer answer, List<RankedPassage> retrieved,
                   long millis, String notice) {
}
