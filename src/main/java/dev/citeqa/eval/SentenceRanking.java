package dev.citeqa.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Answer-sentence ranking and answer triggering, as WikiQA reports them (Yang, Yih, Meek 2015).
 * <ul>
 * <li>MAP and MRR over the questions with at least one answering sentence; a question's candidates are sorted by
 * score, and among equal scores the answering sentences come last, so a scorer gains nothing it did not separate.
 * Kept in the file's order instead, ties would favour the first sentences, which answer most WikiQA questions: the
 * word-overlap baseline's dev MAP was 0.697 that way against 0.554 with ties counted against it.</li>
 * <li>Answer triggering: a question is triggered when its best sentence scores at least the threshold. Precision
 * is triggered questions whose best sentence answers, over triggered questions; recall is the same count over
 * questions that have an answer. Without a threshold of the scorer's own, the best F1 over all thresholds is
 * reported, which is chosen on the measured set itself: an upper bound, not a result.</li>
 * <li>Triggering AUC: how well the best sentence's score separates questions with an answer from those without
 * (ties count half), which needs no threshold.</li>
 * </ul>
 */
public final class SentenceRanking {

    /** How one question went: its best sentence, and AP and RR when it has an answering sentence. */
    public record QuestionScore(String id, boolean answered, double topScore, boolean topAnswers,
                                double averagePrecision, double reciprocalRank) {
    }

    /** Answer-triggering figures at one threshold. */
    public record Triggering(double threshold, double precision, double recall, double f1) {
    }

    /**
     * The figures of a run.
     *
     * @param atOne      share of answered questions whose best sentence answers
     * @param triggering at the given threshold, or null when none was given
     * @param bestF1     the best triggering F1 over all thresholds (chosen on this set: an upper bound)
     */
    public record Result(int questions, int answered, double map, double mrr, double atOne, double triggeringAuc,
                         Triggering triggering, Triggering bestF1, List<QuestionScore> perQuestion) {
        public Result {
            perQuestion = List.copyOf(perQuestion);
        }

        public String table(String scorer) {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%d questions, %d with an answering sentence (MAP, MRR and P@1 are over those)%n%n",
                    questions, answered));
            text.append(String.format(Locale.ROOT, "%-14s %7s %7s %7s %15s%n", "scorer", "MAP", "MRR", "P@1",
                    "triggering AUC"));
            text.append(String.format(Locale.ROOT, "%-14s %7.4f %7.4f %7.4f %15.4f%n%n", scorer, map, mrr, atOne,
                    triggeringAuc));
            if (triggering != null) {
                text.append(line("triggering at the given threshold", triggering));
            }
            text.append(line("triggering, best F1 over thresholds (chosen on this set: an upper bound)", bestF1));
            return text.toString();
        }

        /** One line per question (id, has an answer, best score, best answers, AP, RR), tab-separated. */
        public String perQuestionTsv() {
            StringBuilder text = new StringBuilder("question\tanswered\ttop_score\ttop_answers\tap\trr\n");
            for (QuestionScore q : perQuestion) {
                text.append(String.format(Locale.ROOT, "%s\t%d\t%.6f\t%d\t%.6f\t%.6f%n", q.id(), q.answered() ? 1 : 0,
                        q.topScore(), q.topAnswers() ? 1 : 0, q.averagePrecision(), q.reciprocalRank()));
            }
            return text.toString();
        }

        private static String line(String label, Triggering t) {
            return String.format(Locale.ROOT, "%s: threshold %.4f, precision %.4f, recall %.4f, F1 %.4f%n", label,
                    t.threshold(), t.precision(), t.recall(), t.f1());
        }
    }

    private SentenceRanking() {
    }

    /**
     * Scores every question with the scorer and computes the figures.
     *
     * @param threshold the scorer's own triggering threshold, or null
     */
    public static Result evaluate(List<WikiQaFile.Question> questions, SentenceScorer scorer, Double threshold) {
        List<QuestionScore> scored = new ArrayList<>();
        for (WikiQaFile.Question question : questions) {
            List<String> texts = question.candidates().stream().map(WikiQaFile.Candidate::text).toList();
            double[] scores = scorer.score(question.text(), texts);
            if (scores.length != texts.size()) {
                throw new IllegalStateException("the scorer gave " + scores.length + " scores for " + texts.size()
                        + " candidates of question " + question.id());
            }
            scored.add(score(question, scores));
        }
        List<QuestionScore> answered = scored.stream().filter(QuestionScore::answered).toList();
        double map = answered.stream().mapToDouble(QuestionScore::averagePrecision).average().orElse(0);
        double mrr = answered.stream().mapToDouble(QuestionScore::reciprocalRank).average().orElse(0);
        double atOne = answered.stream().filter(QuestionScore::topAnswers).count() / (double) Math.max(1,
                answered.size());
        Triggering at = threshold == null ? null : triggering(scored, threshold);
        Triggering best = scored.stream().map(QuestionScore::topScore).distinct()
                .map(t -> triggering(scored, t))
                .max(Comparator.comparingDouble(Triggering::f1).thenComparingDouble(Triggering::threshold))
                .orElse(new Triggering(0, 0, 0, 0));
        return new Result(scored.size(), answered.size(), map, mrr, atOne, auc(scored), at, best, scored);
    }

    static QuestionScore score(WikiQaFile.Question question, double[] scores) {
        List<WikiQaFile.Candidate> candidates = question.candidates();
        // equal scores: answering sentences after the others, then the file's order (the sort is stable)
        List<Integer> order = IntStream.range(0, candidates.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed()
                        .thenComparing(i -> candidates.get(i).answers())).toList();
        int found = 0;
        double precisions = 0;
        double reciprocal = 0;
        for (int rank = 1; rank <= order.size(); rank++) {
            if (candidates.get(order.get(rank - 1)).answers()) {
                found++;
                precisions += (double) found / rank;
                if (reciprocal == 0) {
                    reciprocal = 1.0 / rank;
                }
            }
        }
        boolean answered = found > 0;
        int top = order.isEmpty() ? -1 : order.getFirst();
        return new QuestionScore(question.id(), answered, top < 0 ? Double.NEGATIVE_INFINITY : scores[top],
                top >= 0 && candidates.get(top).answers(), answered ? precisions / found : 0, reciprocal);
    }

    static Triggering triggering(List<QuestionScore> scored, double threshold) {
        long triggered = scored.stream().filter(q -> q.topScore() >= threshold).count();
        long right = scored.stream().filter(q -> q.topScore() >= threshold && q.topAnswers()).count();
        long answered = scored.stream().filter(QuestionScore::answered).count();
        double precision = triggered == 0 ? 0 : (double) right / triggered;
        double recall = answered == 0 ? 0 : (double) right / answered;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Triggering(threshold, precision, recall, f1);
    }

    /** The chance that a question with an answer has a higher best score than one without (ties count half). */
    static double auc(List<QuestionScore> scored) {
        List<Double> with = scored.stream().filter(QuestionScore::answered).map(QuestionScore::topScore).toList();
        List<Double> without = scored.stream().filter(q -> !q.answered()).map(QuestionScore::topScore).toList();
        if (with.isEmpty() || without.isEmpty()) {
            return 0;
        }
        double wins = 0;
        for (double a : with) {
            for (double b : without) {
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return wins / ((double) with.size() * without.size());
    }
}
