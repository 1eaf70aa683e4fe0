package dev.citeqa.eval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.citeqa.chat.Turn;
import dev.citeqa.cite.CheckedSentence;
import dev.citeqa.cite.Citation;
import dev.citeqa.cite.CitedAnswer;
import dev.citeqa.retrieve.RankedPassage;

/**
 * How one gold question went.
 *
 * @param correct           answerable: not declined and every facts group matched; unanswerable: declined
 * @param missingFacts      the facts groups the answer lacks
 * @param citationPrecision cited passages from a gold source file, over all cited; null when nothing is cited
 * @param citationRecall    gold source files cited at least once, over gold source files; null when unanswerable
 * @param unsupported       sentences that cite passages which do not support them (the citation check)
 * @param retrievalRank     rank of the first retrieved passage from a gold source file; 0 when none was retrieved
 * @param error             why the question could not be answered (a provider failed), else null
 */
public record QuestionResult(String id, String question, boolean answerable, String answer, boolean abstained,
                             boolean correct, List<List<String>> missingFacts, List<Cited> citations,
                             List<String> sources, Double citationPrecision, Double citationRecall, int unsupported,
                             int retrievalRank, long latencyMs, int inputTokens, int outputTokens, String error) {

    /** A citation of the answer: {@code [n]} resolves to this passage of this file. */
    public record Cited(int n, String file, String passageId) {
    }

    public QuestionResult {
        missingFacts = missingFacts.stream().map(List::copyOf).toList();
        citations = List.copyOf(citations);
        sources = List.copyOf(sources);
    }

    /** What happened, in one word: right, wrong, declined (right for unanswerable ones), answered, or error. */
    public String outcome() {
        if (error != null) {
            return "error";
        }
        if (answerable) {
            return correct ? "right" : abstained ? "declined" : "wrong";
        }
        return abstained ? "declined" : "answered";
    }

    /** Scores the turn that answered a gold question. */
    public static QuestionResult score(GoldQuestion gold, Turn turn, long latencyMs) {
        CitedAnswer answer = turn.answer();
        List<List<String>> missing = gold.answerable() ? Facts.missing(gold.facts(), answer.text()) : List.of();
        boolean correct = gold.answerable() ? !answer.abstained() && missing.isEmpty() : answer.abstained();
        List<Cited> cited = answer.citations().stream()
                .map((Citation c) -> new Cited(c.n(), c.passage().file(), c.passage().id())).toList();
        Set<String> sources = Set.copyOf(gold.sources());
        Double precision = cited.isEmpty() ? null
                : (double) cited.stream().filter(c -> sources.contains(c.file())).count() / cited.size();
        Double recall = null;
        if (gold.answerable()) {
            Set<String> citedFiles = new LinkedHashSet<>();
            cited.forEach(c -> citedFiles.add(c.file()));
            recall = (double) gold.sources().stream().filter(citedFiles::contains).count() / gold.sources().size();
        }
        int unsupported = (int) answer.sentences().stream().filter(QuestionResult::unsupportedCitation).count();
        int rank = 0;
        List<RankedPassage> retrieved = turn.retrieved();
        for (int i = 0; i < retrieved.size() && rank == 0; i++) {
            if (sources.contains(retrieved.get(i).passage().file())) {
                rank = i + 1;
            }
        }
        return new QuestionResult(gold.id(), gold.question(), gold.answerable(), answer.text(), answer.abstained(),
                correct, missing, cited, gold.sources(), precision, recall, unsupported, rank, latencyMs,
                answer.reply().inputTokens(), answer.reply().outputTokens(), null);
    }

    /** The same result with the tokens its history's turns used added: a follow-up costs its whole conversation. */
    public QuestionResult plusTokens(int input, int output) {
        return new QuestionResult(id, question, answerable, answer, abstained, correct, missingFacts, citations,
                sources, citationPrecision, citationRecall, unsupported, retrievalRank, latencyMs, inputTokens + input,
                outputTokens + output, error);
    }

    /** A question whose turn failed: scored as wrong, with nothing cited or retrieved. */
    public static QuestionResult failed(GoldQuestion gold, String error, long latencyMs) {
        return new QuestionResult(gold.id(), gold.question(), gold.answerable(), "", false, false, gold.facts(),
                List.of(), gold.sources(), null, gold.answerable() ? 0.0 : null, 0, 0, latencyMs, 0, 0, error);
    }

    /** A claim that cites passages which do not carry it; uncited claims are a different fault. */
    private static boolean unsupportedCitation(CheckedSentence s) {
        return s.factual() && !s.cites().isEmpty() && !s.supported();
    }
}
