package dev.citeqa.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

import dev.citeqa.answer.AnswerType;
import dev.citeqa.answer.AnswerUnit;
import dev.citeqa.answer.Phrases;
import dev.citeqa.answer.ReaderFeatures;
import dev.citeqa.answer.ReaderModel;
import dev.citeqa.answer.Reading;
import dev.citeqa.answer.ShortAnswerModel;
import dev.citeqa.config.Problem;
import dev.citeqa.index.Analysis;
import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.QuestionTerms;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.TermStatistics;
import dev.citeqa.retrieve.TermWeights;

/**
 * Learns the short-answer chooser ({@link ShortAnswerModel}) from SQuAD 2.0 train articles: for each answerable
 * question that asks for a name, place, date or number, the sentence that holds the answer span is read as the reader
 * reads its chosen sentence, its candidate phrases of the asked type are extracted, and a candidate is labelled
 * right when it overlaps the answer span. A logistic model over {@link ReaderFeatures#SHORT_ANSWER} is fitted on the
 * training articles, and the probability below which no short answer is given is the one that decides the most
 * training questions right (a right short answer, or none where the best candidate is wrong). Articles are split as
 * {@link ReaderTraining} splits them; the test articles are never read. It needs no index and no embedding model:
 * seconds, not the sentence model's hour.
 */
public final class ShortAnswerTraining {

    /** Paragraphs of the article on each side of the answer's own, read with it as the retrieved passages would be. */
    private static final int NEIGHBOURS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * How often the reader's chosen sentence holds the answer: the sentence model's validation top-1 (0.619, in
     * reader-model.json's provenance), which weighs answer and other sentences in the decline threshold.
     */
    static final double ANSWER_SENTENCE_SHARE = 0.62;

    /** One question's candidates: their signals, whether each overlaps / matches the answer, and the old rule's pick. */
    record Asked(String split, AnswerType type, boolean answerSentence, List<double[]> features,
                 List<Boolean> overlaps, List<Boolean> exact, int nearest) {

        boolean anyRight() {
            return overlaps.contains(true);
        }
    }

    public record Outcome(Map<String, Object> figures, Path model) {
    }

    public Outcome run(Path squad, Path out) {
        List<SquadFile.Article> articles = SquadFile.read(squad).articles();
        Map<String, String> splitOf = splits(articles);
        if (!splitOf.containsValue("train") || !splitOf.containsValue("validation")) {
            throw new Problem("The training file " + squad + " holds no training or no validation article ("
                    + "validation: " + String.join(", ", ReaderTraining.VALIDATION) + ").");
        }
        List<Asked> asked = read(articles, splitOf);
        ReaderModel.Linear chooser = fit(asked);
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String split : List.of("train", "validation")) {
            figures.put(split, measure(asked, split, chooser));
        }
        ShortAnswerModel model = new ShortAnswerModel(ReaderFeatures.SHORT_ANSWER_VERSION, chooser,
                provenance(squad, splitOf, figures));
        try {
            model.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome(figures, out);
    }

    /** Each article's split, as {@link ReaderTraining} splits them. */
    static Map<String, String> splits(List<SquadFile.Article> articles) {
        Map<String, String> splitOf = new LinkedHashMap<>();
        for (SquadFile.Article a : articles) {
            splitOf.put(a.title(), ReaderTraining.TEST.contains(a.title()) ? "test"
                    : ReaderTraining.VALIDATION.contains(a.title()) ? "validation" : "train");
        }
        return splitOf;
    }

    /** The candidates of every typed answerable question of the training and validation articles. */
    static List<Asked> read(List<SquadFile.Article> articles, Map<String, String> splitOf) {
        List<String> texts = new ArrayList<>();
        for (SquadFile.Article a : articles) {
            if (!"test".equals(splitOf.get(a.title()))) {
                a.paragraphs().forEach(p -> texts.add(p.context()));
            }
        }
        TermStatistics statistics = statistics(texts);
        List<Asked> out = new ArrayList<>();
        for (int ai = 0; ai < articles.size(); ai++) {
            SquadFile.Article article = articles.get(ai);
            String split = splitOf.get(article.title());
            if ("test".equals(split)) {
                continue;
            }
            for (int pi = 0; pi < article.paragraphs().size(); pi++) {
                List<RankedPassage> context = context(ai, article, pi);
                for (SquadFile.Question q : article.paragraphs().get(pi).questions()) {
                    AnswerType type = AnswerType.of(q.text());
                    if (!q.answerable() || !type.hasShortAnswer() || type == AnswerType.YES_NO
                            || type == AnswerType.ACRONYM) {
                        continue;
                    }
                    out.addAll(ask(split, q, type, context, QuestionTerms.weights(statistics, q.text())));
                }
            }
        }
        return out;
    }

    /**
     * The question's answer sentence, and the other sentence of its paragraph holding the most question terms (what
     * the reader quotes when it misses): every candidate of that one is wrong, so that the decline threshold learns
     * what a likely-looking phrase of a sentence that does not answer looks like.
     */
    private static List<Asked> ask(String split, SquadFile.Question q, AnswerType type, List<RankedPassage> context,
                                   TermWeights weights) {
        String paragraph = context.getFirst().passage().text();
        int answerStart = q.starts().getFirst();
        String answer = q.answers().getFirst();
        List<AnswerUnit> units = AnswerUnit.of(context.subList(0, 1), p -> "");
        AnswerUnit unit = units.stream().filter(u -> u.sentenceStart() <= answerStart && answerStart < u.end())
                .findFirst().orElse(null);
        if (unit == null) {
            return List.of(); // the answer sits in a fragment the reader does not quote (too short, a question)
        }
        Reading reading = new Reading(q.text(), weights, context);
        // the sentence is quoted with its spaces folded: find the answer in it near where the paragraph puts it
        String folded = answer.replaceAll("\\s+", " ").strip();
        int expected = paragraph.substring(unit.sentenceStart(), answerStart).replaceAll("\\s+", " ").stripLeading()
                .length();
        int at = nearestOccurrence(unit.sentence(), folded, expected);
        List<Asked> out = new ArrayList<>(List.of(asked(split, q, type, reading, unit, true, at, folded.length())));
        Set<String> asked = new HashSet<>(Analysis.terms(q.text()));
        asked.retainAll(weights.idf().keySet());
        AnswerUnit other = null;
        long most = 0;
        for (AnswerUnit u : units) {
            long found = asked.stream().filter(u.terms()::contains).count();
            if (u.sentenceStart() != unit.sentenceStart() && found > most) {
                most = found;
                other = u;
            }
        }
        if (other != null) {
            out.add(asked(split, q, type, reading, other, false, -1, 0));
        }
        return out;
    }

    private static Asked asked(String split, SquadFile.Question q, AnswerType type, Reading reading, AnswerUnit unit,
                               boolean answerSentence, int at, int length) {
        Phrases.Phrase nearest = reading.nearestPhrase(unit);
        List<double[]> features = new ArrayList<>();
        List<Boolean> overlaps = new ArrayList<>();
        List<Boolean> exact = new ArrayList<>();
        int nearestIndex = -1;
        for (Reading.Candidate c : reading.candidates(unit)) {
            Phrases.Phrase p = c.phrase();
            if (p.equals(nearest)) {
                nearestIndex = features.size();
            }
            features.add(c.features());
            overlaps.add(at >= 0 && p.start() < at + length && at < p.end());
            exact.add(answerSentence && q.answers().stream().anyMatch(g -> normalised(g).equals(normalised(p.text()))));
        }
        return new Asked(split, type, answerSentence, features, overlaps, exact, nearestIndex);
    }

    private static int nearestOccurrence(String sentence, String answer, int expected) {
        int best = -1;
        for (int i = sentence.indexOf(answer); i >= 0; i = sentence.indexOf(answer, i + 1)) {
            if (best < 0 || Math.abs(i - expected) < Math.abs(best - expected)) {
                best = i;
            }
        }
        return best;
    }

    /** SQuAD's answer normalisation: lower case, no punctuation, no articles, spaces folded. */
    static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\p{Punct}|[’‘“”]", " ").replaceAll("\\b(a|an|the)\\b", " ")
                .replaceAll("\\s+", " ").strip();
    }

    /** The answer's paragraph first, then its neighbours in the article: what retrieval mostly returns with it. */
    private static List<RankedPassage> context(int ai, SquadFile.Article article, int pi) {
        List<Integer> order = new ArrayList<>(List.of(pi));
        for (int d = 1; d <= NEIGHBOURS; d++) {
            if (pi - d >= 0) {
                order.add(pi - d);
            }
            if (pi + d < article.paragraphs().size()) {
                order.add(pi + d);
            }
        }
        List<RankedPassage> context = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            String file = ReaderTraining.fileName(ai, article.title(), order.get(i));
            String text = article.paragraphs().get(order.get(i)).context();
            Passage passage = new Passage(Passage.idOf(file, 0, text), file, 0, article.title(), null, 0, text.length(),
                    text);
            context.add(new RankedPassage(passage, i + 1, 0, i + 1, 0, 0, Double.NaN, List.of()));
        }
        return context;
    }

    /** Document frequencies over the training and validation paragraphs, as the index would give them. */
    private static TermStatistics statistics(List<String> paragraphs) {
        Map<String, Long> df = new HashMap<>();
        for (String text : paragraphs) {
            for (String term : new HashSet<>(Analysis.terms(text))) {
                df.merge(term, 1L, Long::sum);
            }
        }
        return new TermStatistics() {
            @Override
            public long passageCount() {
                return paragraphs.size();
            }

            @Override
            public Map<String, Long> docFreqs(Collection<String> terms) {
                Map<String, Long> out = new HashMap<>();
                terms.forEach(t -> out.put(t, df.getOrDefault(t, 0L)));
                return out;
            }

            @Override
            public Map<String, List<String>> spellings(Collection<String> keys) {
                return Map.of(); // SQuAD's questions spell names as their paragraphs do
            }
        };
    }

    private static ReaderModel.Linear fit(List<Asked> asked) {
        List<String> names = ReaderFeatures.SHORT_ANSWER;
        MutableDataset<Label> data = ReaderTraining.dataset("candidate short answers of typed training questions");
        for (Asked a : asked) {
            if (!a.split().equals("train")) {
                continue;
            }
            for (int i = 0; i < a.features().size(); i++) {
                data.add(ReaderTraining.example(a.overlaps().get(i), names, a.features().get(i)));
            }
        }
        ReaderModel.Linear fitted = ReaderTraining.train(data, names, names, 0.5);
        return new ReaderModel.Linear(fitted.weights(), fitted.bias(), threshold(fitted, asked));
    }

    /**
     * The probability a short answer needs: the one that decides the most training questions right (a right short
     * answer, or none where the best candidate is wrong), over the mix of sentences the reader meets. The sentence
     * model's top sentence holds the answer for {@link #ANSWER_SENTENCE_SHARE} of validation questions, so the other
     * sentences are weighed to make up the rest.
     */
    private static double threshold(ReaderModel.Linear model, List<Asked> asked) {
        long answers = asked.stream().filter(a -> a.split().equals("train") && a.answerSentence()).count();
        long others = asked.stream().filter(a -> a.split().equals("train") && !a.answerSentence()).count();
        double otherWeight = others == 0 ? 0 : (1 - ANSWER_SENTENCE_SHARE) / ANSWER_SENTENCE_SHARE * answers / others;
        double best = 0.5;
        double bestRight = -1;
        for (int step = 1; step < 100; step++) {
            double t = step / 100.0;
            double right = 0;
            for (Asked a : asked) {
                if (!a.split().equals("train") || a.features().isEmpty()) {
                    continue;
                }
                int top = top(model, a);
                boolean gives = model.probability(ReaderFeatures.SHORT_ANSWER, a.features().get(top)) >= t;
                right += (gives == a.overlaps().get(top) ? 1 : 0) * (a.answerSentence() ? 1 : otherWeight);
            }
            if (right > bestRight) {
                bestRight = right;
                best = t;
            }
        }
        return best;
    }

    private static int top(ReaderModel.Linear model, Asked a) {
        int best = 0;
        for (int i = 1; i < a.features().size(); i++) {
            if (model.logit(ReaderFeatures.SHORT_ANSWER, a.features().get(i))
                    > model.logit(ReaderFeatures.SHORT_ANSWER, a.features().get(best))) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Short-answer accuracy on one split, over the typed questions whose answer sentence the reader quotes: the old
     * nearest-phrase rule against the learned chooser (its top candidate alone, and with its threshold, where giving
     * none counts as not right). "overlap": the short answer overlaps the answer span; "exact": equal after SQuAD's
     * normalisation.
     */
    static Map<String, Object> measure(List<Asked> asked, String split, ReaderModel.Linear chooser) {
        int questions = 0;
        int withCandidate = 0;
        int withRight = 0;
        int[] nearest = new int[3];   // overlap, exact, wrong given
        int[] top = new int[3];
        int[] learned = new int[4];   // overlap, exact, wrong given, given
        int otherSentences = 0;
        int[] otherGiven = new int[2]; // nearest rule, learned
        for (Asked a : asked) {
            if (!a.split().equals(split)) {
                continue;
            }
            if (!a.answerSentence()) {
                otherSentences++;
                if (!a.features().isEmpty()) {
                    otherGiven[0]++;
                    int t = top(chooser, a);
                    otherGiven[1] += chooser.probability(ReaderFeatures.SHORT_ANSWER, a.features().get(t))
                            >= chooser.threshold() ? 1 : 0;
                }
                continue;
            }
            questions++;
            if (a.features().isEmpty()) {
                continue;
            }
            withCandidate++;
            withRight += a.anyRight() ? 1 : 0;
            count(nearest, a, a.nearest());
            int t = top(chooser, a);
            count(top, a, t);
            if (chooser.probability(ReaderFeatures.SHORT_ANSWER, a.features().get(t)) >= chooser.threshold()) {
                count(learned, a, t);
                learned[3]++;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("typed_questions_with_answer_sentence", questions);
        m.put("with_a_candidate", withCandidate);
        m.put("with_a_right_candidate", withRight);
        m.put("nearest_rule_overlap", ReaderTraining.round(ReaderTraining.share(nearest[0], questions)));
        m.put("nearest_rule_exact", ReaderTraining.round(ReaderTraining.share(nearest[1], questions)));
        m.put("nearest_rule_wrong_given", nearest[2]);
        m.put("learned_top_overlap", ReaderTraining.round(ReaderTraining.share(top[0], questions)));
        m.put("learned_top_exact", ReaderTraining.round(ReaderTraining.share(top[1], questions)));
        m.put("learned_overlap", ReaderTraining.round(ReaderTraining.share(learned[0], questions)));
        m.put("learned_exact", ReaderTraining.round(ReaderTraining.share(learned[1], questions)));
        m.put("learned_given", learned[3]);
        m.put("learned_wrong_given", learned[2]);
        m.put("learned_precision_overlap", ReaderTraining.round(ReaderTraining.share(learned[0], learned[3])));
        m.put("nearest_rule_precision_overlap", ReaderTraining.round(ReaderTraining.share(nearest[0],
                nearest[0] + nearest[2])));
        m.put("other_sentences", otherSentences);
        m.put("other_sentence_given_nearest_rule", otherGiven[0]);
        m.put("other_sentence_given_learned", otherGiven[1]);
        return m;
    }

    private static void count(int[] into, Asked a, int i) {
        if (i < 0) {
            return;
        }
        boolean overlap = a.overlaps().get(i);
        into[0] += overlap ? 1 : 0;
        into[1] += a.exact().get(i) ? 1 : 0;
        into[2] += overlap ? 0 : 1;
    }

    private static ObjectNode provenance(Path squad, Map<String, String> splitOf, Map<String, Object> figures) {
        ObjectNode p = JSON.createObjectNode();
        p.put("learned", LocalDate.now().toString());
        p.put("command", "./chat train-reader --short-answer-only --squad <file> --short-answer-out src/main/resources/"
                + ShortAnswerModel.RESOURCE);
        p.put("data", squad.getFileName().toString());
        p.put("data_sha256", ReaderTraining.sha256(squad));
        p.put("data_licence", "SQuAD 2.0 train (CC BY-SA 4.0), Rajpurkar, Jia, Liang 2018");
        ObjectNode split = p.putObject("split_by_article");
        splitOf.forEach(split::put);
        p.put("examples", "answerable questions asking for a person, place, organisation, name, date or number; the "
                + "sentence holding the answer span, read with its paragraph and up to " + NEIGHBOURS + " paragraphs on "
                + "each side as context; a candidate phrase is positive when it overlaps the answer span");
        p.put("learner", "Tribuo 4.3.2 LinearSGDTrainer, LogMulticlass (logistic regression), AdaGrad(0.5, 0.1), "
                + "10 epochs, seed " + ReaderTraining.SEED + "; threshold: the one deciding the most training "
                + "questions right (a right short answer, or none where the best candidate is wrong)");
        p.put("feature_version", ReaderFeatures.SHORT_ANSWER_VERSION);
        p.set("features", JSON.valueToTree(ReaderFeatures.SHORT_ANSWER));
        p.set("figures", JSON.valueToTree(figures));
        return p;
    }
}
