package dev.citeqa.answer;

import java.util.List;
import java.util.function.Function;

import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.TermWeights;

/**
 * A question to answer from numbered passages: passage {@code i} of {@code context} is cited as {@code [i+1]}.
 *
 * @param question the question as it is searched (follow-ups already made standalone)
 * @param weights  how much each question term tells (idf), for answerers that score sentences
 * @param before   the text of a passage's file just before it (its previous passage), or "" at the start: what a
 *                 "he said" at the top of a passage refers back to
 * @param more     a second search the answerer may make, whose passages it cites after the context's
 */
public record AnswerRequest(String question, List<RankedPassage> context, TermWeights weights,
                            Function<Passage, String> before, MoreContext more) {

    public AnswerRequest(String question, List<RankedPassage> context, TermWeights weights,
                         Function<Passage, String> before) {
        this(question, context, weights, before, MoreContext.NONE);
    }

    /** A request whose passages are read on their own, without the text before them. */
    public AnswerRequest(String question, List<RankedPassage> context, TermWeights weights) {
        this(question, context, weights, passage -> "");
    }
}
