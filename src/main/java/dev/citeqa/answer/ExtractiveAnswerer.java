package dev.citeqa.answer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.retrieve.RankedPassage;

/**
 * The offline reader. Every sentence of the retrieved passages is a candidate; each is scored by a logistic model over
 * measured signals (coverage of the question's key and other terms, the embedding cosine, answer-type fit, rank,
 * headline shape, date agreement, name/number mismatch) whose weights were learned from SQuAD 2.0 train articles
 * ({@link ReaderModel}). A second learned model estimates whether the documents answer at all; below its threshold,
 * the reader declines. A typed question (who, where, when, how many, yes/no) is answered first with the shortest
 * phrase that answers it, cited, then the sentence that says it.
 */
public final class ExtractiveAnswerer implements Answerer {

    private static final Pattern FULL_DATE = Pattern.compile("\\b(\\d{1,2}\\s+\\p{L}+,?\\s+\\d{4}|\\p{L}+\\.?\\s+\\d{1,2},?\\s+"
            + "\\d{4}|\\d{4}-\\d{2}-\\d{2})\\b");
    /**
     * A unit joins the answer when the model finds it more likely than not to hold the answer too, or at least half as
     * likely as the best: where the best is itself unsure, the reader quotes its close rivals rather than bet on one
     * (on the validation articles' candidate table, answers holding the answer 0.70 -> 0.76 for 0.3 more sentences).
     */
    private static final double JOINS = 0.5;
    private static final double AS_LIKELY_AS_THE_BEST = 0.5;
    /**
     * Passages that hold an abbreviation searched for its definition: a manual uses one on many pages (a library's
     * manual of 373 passages had 62 holding "DER", the definition 52nd by BM25).
     */
    private static final int DEFINITION_SEARCH = 300;
    /** Passages searched for a name the retrieved ones lack, and at most how many of them join the context. */
    private static final int NAMING_SEARCH = 5;
    private static final int NAMING_ADDED = 2;

    private final int maxSentences;
    private final SentenceMeaning meaning;
    private final java.util.function.Supplier<ReaderModel> model;
    private final java.util.function.Supplier<ShortAnswerModel> shortAnswers;

    public ExtractiveAnswerer(CiteqaProperties.Answer settings) {
        this(settings, SentenceMeaning.NONE);
    }

    public ExtractiveAnswerer(CiteqaProperties.Answer settings, SentenceMeaning meaning) {
        this.maxSentences = settings.maxSentences();
        this.meaning = meaning;
        this.model = ReaderModel::shipped;
        this.shortAnswers = ShortAnswerModel::shipped;
    }

    public ExtractiveAnswerer(int maxSentences, SentenceMeaning meaning, ReaderModel model) {
        this.maxSentences = maxSentences;
        this.meaning = meaning;
        this.model = () -> model;
        this.shortAnswers = ShortAnswerModel::shipped;
    }

    @Override
    public String name() {
        return "extractive";
    }

    /** A unit with its signals and the model's score. */
    public record Scored(AnswerUnit unit, double[] features, double logit, double probability) {
    }

    /**
     * What the reader made of a question: its units best first, and the answerability estimate. missing: the
     * question's names and numbers not all found (a signal of the estimate); absent: names not found at all (a
     * decline by themselves; a question without a topic has the one absent name "").
     */
    public record Judgement(Reading reading, List<Scored> ranked, double[] answerable, double answerability,
                            double threshold, List<String> missing, List<String> absent) {

        public boolean answers() {
            return !ranked.isEmpty() && absent.isEmpty() && answerability >= threshold;
        }
    }

    @Override
    public Reply answer(AnswerRequest request, Consumer<String> tokens) {
        Reply reply = compose(request);
        tokens.accept(reply.text());
        return reply;
    }

    public ReaderFeatures.Variant variant() {
        return meaning == SentenceMeaning.NONE ? ReaderFeatures.Variant.LEXICAL : ReaderFeatures.Variant.WITH_MEANING;
    }

    /** Scores every candidate unit of the request and estimates whether it is answered: the reader's whole reading. */
    public Judgement judge(AnswerRequest request) {
        Reading reading = new Reading(request.question(), request.weights(), request.context());
        List<AnswerUnit> units = AnswerUnit.of(request.context(), request.before());
        double[] cosines = new double[units.size()];
        java.util.Arrays.fill(cosines, Double.NaN);
        if (!units.isEmpty()) {
            meaning.similarity(request.question(), units.stream().map(AnswerUnit::text).toList())
                    .ifPresent(c -> System.arraycopy(c, 0, cosines, 0, c.length));
        }
        ReaderFeatures.Variant variant = variant();
        ReaderModel.Linear sentence = model.get().sentence(variant);
        List<Scored> ranked = new ArrayList<>();
        List<double[]> features = reading.features(units, cosines, shortAnswers.get());
        for (int i = 0; i < units.size(); i++) {
            double[] f = features.get(i);
            double z = sentence.logit(ReaderFeatures.SENTENCE, f);
            ranked.add(new Scored(units.get(i), f, z, 1 / (1 + Math.exp(-z))));
        }
        ranked.sort(Comparator.comparingDouble(Scored::logit).reversed());
        List<String> missing = reading.hasTopic() ? reading.missingEntities() : List.of("");
        List<String> absent = reading.hasTopic() ? reading.absentEntities() : List.of("");
        double[] a = answerableFeatures(reading, ranked, missing);
        ReaderModel.Linear answerable = model.get().answerable(variant);
        double p = ranked.isEmpty() ? 0 : answerable.probability(ReaderFeatures.ANSWERABLE, a);
        return new Judgement(reading, ranked, a, p, answerable.threshold(), missing, absent);
    }

    /** The judgement of the same question on some of its units only: the estimate made again from them. */
    private Judgement restrictedTo(Judgement judgement, List<Scored> units) {
        double[] a = answerableFeatures(judgement.reading(), units, judgement.missing());
        double p = units.isEmpty() ? 0 : model.get().answerable(variant()).probability(ReaderFeatures.ANSWERABLE, a);
        return new Judgement(judgement.reading(), units, a, p, judgement.threshold(), judgement.missing(),
                judgement.absent());
    }

    /** The question-level signals, in {@link ReaderFeatures#ANSWERABLE} order. */
    static double[] answerableFeatures(Reading reading, List<Scored> ranked, List<String> missing) {
        double[] a = new double[ReaderFeatures.ANSWERABLE.size()];
        if (ranked.isEmpty()) {
            return a;
        }
        Scored best = ranked.getFirst();
        double contextKey = ranked.stream().mapToDouble(s -> s.features()[2]).max().orElse(0);
        a[0] = best.logit();
        a[1] = best.features()[0];
        a[2] = contextKey;
        a[3] = best.features()[4];
        a[4] = best.features()[5];
        a[5] = best.features()[9];
        a[6] = best.features()[10];
        a[7] = ranked.size() > 1 ? best.logit() - ranked.get(1).logit() : best.logit();
        a[8] = missing.isEmpty() ? 1 : 0;
        boolean typed = reading.type().hasShortAnswer() && reading.type() != AnswerType.YES_NO;
        a[9] = typed ? 1 : 0;
        a[10] = typed && best.features()[5] == 0 ? 1 : 0;
        return a;
    }

    private Reply compose(AnswerRequest request) {
        if (request.context().isEmpty()) {
            return Reply.offline(Refusals.NOT_IN_DOCUMENTS);
        }
        Judgement whole = judge(request);
        Reading reading = whole.reading();
        if (!whole.absent().isEmpty() && !whole.absent().getFirst().isEmpty()) {
            AnswerRequest wider = withPassagesNaming(request, whole.absent());
            return wider == null ? Reply.offline(Refusals.notMentioned(whole.absent())) : compose(wider);
        }
        // a unit that puts the event in another year, month or weekday than asked is another event: never quoted,
        // and whether the question is answered is estimated again from the units left
        List<Scored> usable = whole.ranked().stream()
                .filter(s -> reading.agreement(s.unit(), request.context().get(s.unit().passage()).passage())
                        != DateConstraint.Agreement.CONTRADICTED)
                .toList();
        Judgement judgement = usable.size() == whole.ranked().size() ? whole : restrictedTo(whole, usable);
        if (usable.isEmpty() || (usable.getFirst() != whole.ranked().getFirst()
                && (!judgement.answers() || reading.keyCoverageBesidesDates(usable.getFirst().unit())
                < reading.keyCoverageBesidesDates(whole.ranked().getFirst().unit())))) {
            // the sentence about what was asked puts it at another date; a sentence about less of the question is
            // about something else
            return Reply.offline(whole.ranked().isEmpty() || reading.constraint().isEmpty()
                    ? Refusals.NOT_IN_DOCUMENTS : Refusals.otherDate(reading.constraint().describe()));
        }
        Scored best = offersTheType(metOverUnknown(sentenceOverHeadline(usable, request, reading), usable, request,
                reading), usable, reading);
        if (reading.type() == AnswerType.ACRONYM) {
            // a sentence that defines the abbreviation answers it, wherever it ranks
            Scored defining = usable.stream().filter(u -> !reading.answers(u.unit()).isEmpty()).findFirst().orElse(null);
            if (defining == null) {
                SecondHop hop = definition(request, reading);
                return hop == null ? Reply.offline(Refusals.NOT_IN_DOCUMENTS) : Reply.offline(
                        write(request, reading, List.of(), whole.ranked(), hop.phrase(), best, hop), hop.phrase());
            }
            String expansion = reading.answers(defining.unit()).getFirst().text();
            return Reply.offline(write(request, reading, List.of(defining), whole.ranked(), expansion, defining, null), expansion);
        }
        boolean typed = reading.type().hasShortAnswer() && reading.type() != AnswerType.YES_NO;
        Phrases.Phrase phrase = typed ? gated(reading, best) : null;
        if (phrase == null && typed && reading.type() != AnswerType.CODE && reading.answers(best.unit()).isEmpty()) {
            // the best sentence names someone or something the question does not: look for what it asks about them
            SecondHop hop = secondHop(request, reading, best);
            if (hop != null) {
                return Reply.offline(write(request, reading, List.of(best), whole.ranked(), hop.phrase(), best, hop), hop.phrase());
            }
        }
        if (!judgement.answers()) {
            return Reply.offline(Refusals.NOT_IN_DOCUMENTS);
        }
        List<Scored> chosen = new ArrayList<>(List.of(best));
        for (Scored candidate : usable) {
            if (chosen.size() >= maxSentences) {
                break;
            }
            if (candidate != best && joins(candidate.probability(), best.probability()) && !candidate.unit().headline()
                    && chosen.stream().noneMatch(c -> similar(c.unit(), candidate.unit())
                    || overlaps(c.unit(), candidate.unit()))) {
                chosen.add(candidate);
            }
        }
        Scored source = best;
        Scored after = following(best, usable);
        Scored next = typed && best.features()[5] == 0 ? after : null;
        Scored before = reading.type() == AnswerType.CODE && best.features()[5] == 0 ? preceding(best, usable) : null;
        if (before != null && before.features()[5] == 1) {
            // documentation names the function or option in the line above what it does ("int f(...)", "### key")
            next = before;
        }
        if (next != null && next.features()[5] == 1 && !chosen.contains(next)) {
            // the sentence about the question leaves the asked name, place or number to the sentence after it
            if (overlaps(best.unit(), next.unit())) {
                if (next != before) {
                    chosen.set(0, next); // read with the best sentence as its lead: both are quoted
                } // else the best is read with the line above as its lead: both are quoted already
            } else if (chosen.size() < maxSentences) {
                chosen.add(next);
            } else {
                chosen.set(chosen.size() - 1, next);
            }
            if (phrase == null) {
                phrase = reading.shortAnswer(next.unit(), shortAnswers.get());
                source = next;
            }
        }
        if (after != null && chosen.contains(best) && !chosen.contains(after) && chosen.size() < maxSentences
                && !after.unit().headline() && chosen.stream().noneMatch(c -> similar(c.unit(), after.unit()))) {
            // the sentence with most of the question's words often leaves the fact asked for to the next one
            ReaderModel.Linear nextModel = model.get().following(variant());
            double p = nextModel == null ? 0 : nextModel.probability(ReaderFeatures.FOLLOWING, ReaderFeatures.following(
                    best.features(), best.probability(), after.features(), after.probability()));
            if (joins(p, best.probability())) {
                if (overlaps(best.unit(), after.unit())) {
                    chosen.set(chosen.indexOf(best), after); // read with the best sentence as its lead: both quoted
                } else {
                    chosen.add(after);
                }
            }
        }
        String shortAnswer = phrase != null ? phrase.text()
                : reading.type() == AnswerType.YES_NO && reading.typeFit(best.unit()) && best.features()[10] == 0
                        && reading.namesAll(best.unit()) ? "Yes" : null;
        return Reply.offline(write(request, reading, chosen, whole.ranked(), shortAnswer, source, null), shortAnswer);
    }

    /**
     * The best unit's short answer, when the chooser gives one and the unit is likely enough to hold it: a phrase of a
     * sentence that does not answer is a wrong name read first (the gate is learned with the sentence model).
     */
    private Phrases.Phrase gated(Reading reading, Scored best) {
        if (reading.type() == AnswerType.CODE) {
            return reading.shortAnswer(best.unit(), shortAnswers.get());
        }
        ShortAnswerModel chooser = shortAnswers.get();
        Reading.Pick pick = reading.likeliestPhrase(best.unit(), chooser);
        if (pick == null || pick.probability() < chooser.chooser().threshold()) {
            return null;
        }
        double gate = model.get().sentence(variant()).threshold();
        return best.probability() * pick.probability() >= gate ? pick.phrase() : null;
    }

    /**
     * Whether a unit is quoted beside the best one: more likely than not to hold the answer, or at least half as likely
     * as the best. Every other unit joins by it, and the sentence after the best with its probability from the model
     * of the next sentence.
     */
    public static boolean joins(double probability, double bestProbability) {
        return probability >= JOINS || probability >= AS_LIKELY_AS_THE_BEST * bestProbability;
    }

    /** The unit of the sentence right after this one's in its passage, among those given; null when none. */
    public static Scored following(Scored unit, List<Scored> units) {
        return beside(unit, units, 1);
    }

    /** The unit of the sentence right before this one's in its passage, among those given; null when none. */
    private static Scored preceding(Scored unit, List<Scored> units) {
        return beside(unit, units, -1);
    }

    /** The nearest unit of the same passage on one side: after it ({@code side} 1) or before it (-1). */
    private static Scored beside(Scored unit, List<Scored> units, int side) {
        Scored nearest = null;
        int at = unit.unit().sentenceStart();
        for (Scored u : units) {
            int start = u.unit().sentenceStart();
            if (u.unit().passage() == unit.unit().passage() && Integer.signum(start - at) == side
                    && (nearest == null || Math.abs(start - at) < Math.abs(nearest.unit().sentenceStart() - at))) {
                nearest = u;
            }
        }
        return nearest;
    }

    /**
     * A typed question (who, where, when, how many) is answered by a sentence that offers a phrase of that type: when
     * the best-scored one offers none, the best that does and holds as much of the question's key terms is taken.
     */
    private static Scored offersTheType(Scored best, List<Scored> usable, Reading reading) {
        // dates are left out: a time of day or "next week" answers "when" without a date phrase the reader knows
        if (!reading.type().hasShortAnswer() || reading.type() == AnswerType.YES_NO
                || reading.type() == AnswerType.DATE || best.features()[5] == 1) {
            return best;
        }
        for (Scored other : usable) {
            if (other.features()[5] == 1 && !other.unit().headline() && other.features()[0] >= best.features()[0]) {
                return other;
            }
        }
        return best;
    }

    /**
     * Where the question names a date, a sentence whose date is confirmed (by itself, its passage or its article's
     * date) is preferred to one whose date nothing says, when it holds as much of the question's key terms.
     */
    private static Scored metOverUnknown(Scored best, List<Scored> usable, AnswerRequest request, Reading reading) {
        if (reading.constraint().isEmpty() || best.features()[8] == 1) {
            return best;
        }
        for (Scored other : usable) {
            // the date counts once: a unit that meets it must hold as much of the question's other key terms
            if (other.features()[8] == 1 && !other.unit().headline() && reading.keyCoverageBesidesDates(other.unit())
                    >= reading.keyCoverageBesidesDates(best.unit())) {
                return other;
            }
        }
        return best;
    }

    /**
     * A headline or caption sums up rather than states, and SQuAD, where the weights were learned, has none to weigh
     * them by. For a question without a short answer (why, what did X say) the best sentence is quoted instead. For a
     * typed question a caption often holds the answer ("Minister X (L) at the signing"): it gives way to a sentence
     * that offers the asked type and holds as much of the question's key terms.
     */
    private static Scored sentenceOverHeadline(List<Scored> usable, AnswerRequest request, Reading reading) {
        Scored best = usable.getFirst();
        if (!best.unit().headline()) {
            return best;
        }
        boolean typed = reading.type().hasShortAnswer() && reading.type() != AnswerType.YES_NO;
        for (Scored other : usable) {
            if (other.unit().headline()) {
                continue;
            }
            if (!typed || (other.features()[5] == 1 && other.features()[0] >= best.features()[0])) {
                return other;
            }
        }
        return best;
    }

    /**
     * A name of the question that no retrieved passage holds may still be in the documents: ranking weighs the whole
     * question, and a name asked beside common words can fall out of the top passages. The passages holding the
     * missing names are searched; when some of them name what was missing, the question is read again with them
     * added (cited after the request's own). Null when none does: then the documents do not mention it.
     */
    private static AnswerRequest withPassagesNaming(AnswerRequest request, List<String> absent) {
        List<RankedPassage> added = notInContext(request,
                request.more().containing(String.join(" ", absent), NAMING_SEARCH)).stream().limit(NAMING_ADDED).toList();
        List<RankedPassage> wider = new ArrayList<>(request.context());
        added.forEach(hit -> wider.add(hit.withRank(wider.size() + 1)));
        if (added.isEmpty() || new Reading(request.question(), request.weights(), wider).absentEntities().size()
                >= absent.size()) {
            return null;
        }
        added.forEach(hit -> request.more().add(hit));
        return new AnswerRequest(request.question(), List.copyOf(wider), request.weights(), request.before(),
                request.more());
    }

    /**
     * An abbreviation that the retrieved passages use without spelling out: a document defines it once, often far
     * from where it is used most. The passages holding it are searched for the sentence that spells it out.
     */
    private SecondHop definition(AnswerRequest request, Reading reading) {
        String acronym = reading.acronym();
        if (acronym == null) {
            return null;
        }
        List<RankedPassage> found = new ArrayList<>();
        notInContext(request, request.more().containing(acronym, DEFINITION_SEARCH))
                .forEach(hit -> found.add(hit.withRank(found.size() + 1)));
        Reading second = new Reading(request.question(), request.weights(), found);
        for (AnswerUnit unit : AnswerUnit.of(found, request.before())) {
            List<Phrases.Phrase> expansions = second.answers(unit);
            if (!expansions.isEmpty()) {
                int n = request.more().add(found.get(unit.passage()));
                return new SecondHop(n, unit.text(), expansions.getFirst().text());
            }
        }
        return null;
    }

    /** The hits of a second search that the request's context does not hold already, in their order. */
    private static List<RankedPassage> notInContext(AnswerRequest request, List<RankedPassage> hits) {
        Set<String> given = new HashSet<>();
        request.context().forEach(hit -> given.add(hit.passage().id()));
        return hits.stream().filter(hit -> !given.contains(hit.passage().id())).toList();
    }

    /** A passage found by a second search, cited after the request's own, with the sentence that answers. */
    private record SecondHop(int citation, String sentence, String phrase) {
    }

    /**
     * Questions across two documents: the best sentence names someone the question does not, without saying what is
     * asked about them ("the man who signed it" - "signed by Tomas Brekke"). The name is searched with the question,
     * and a sentence of another passage that names them and holds a phrase of the asked type completes the answer.
     */
    private SecondHop secondHop(AnswerRequest request, Reading reading, Scored best) {
        List<Phrases.Phrase> named = Phrases.of(best.unit().sentence(), AnswerType.NAME, reading.lowerCaseWords());
        Set<String> asked = new HashSet<>(dev.citeqa.index.Analysis.terms(request.question()));
        String bestPassage = request.context().get(best.unit().passage()).passage().id();
        for (Phrases.Phrase name : named) {
            List<String> terms = dev.citeqa.index.Analysis.terms(name.text());
            if (terms.isEmpty() || asked.containsAll(terms)) {
                continue;
            }
            String surname = terms.getLast();
            List<RankedPassage> found = request.more().search(name.text() + " " + request.question()).stream()
                    .filter(h -> !h.passage().id().equals(bestPassage)).limit(3).toList();
            List<RankedPassage> hops = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                hops.add(found.get(i).withRank(i + 1));
            }
            Reading second = new Reading(request.question(), request.weights(), hops);
            for (AnswerUnit unit : AnswerUnit.of(hops, request.before())) {
                if (!unit.terms().contains(surname)) {
                    continue;
                }
                Phrases.Phrase answer = second.shortAnswer(unit, shortAnswers.get());
                if (answer == null || dev.citeqa.index.Analysis.terms(answer.text()).stream().anyMatch(terms::contains)) {
                    continue;
                }
                RankedPassage hit = hops.get(unit.passage());
                int n = -1;
                for (int i = 0; i < request.context().size(); i++) {
                    if (request.context().get(i).passage().id().equals(hit.passage().id())) {
                        n = i + 1;
                    }
                }
                if (n < 0) {
                    n = request.more().add(hit);
                }
                return new SecondHop(n, unit.text(), answer.text());
            }
        }
        return null;
    }

    private String write(AnswerRequest request, Reading reading, List<Scored> chosen, List<Scored> all,
                         String shortAnswer, Scored best, SecondHop hop) {
        StringBuilder answer = new StringBuilder();
        if (shortAnswer != null) {
            int n = hop != null ? hop.citation() : best.unit().passage() + 1;
            answer.append(shortAnswer.replaceAll("[.,;:]+$", "")).append(" [").append(n).append("].");
        }
        // the documents neither confirm nor contradict the date asked: said after the short answer, or after the
        // sentences quoted when there is none
        boolean dateUnsaid = !reading.constraint().isEmpty() && reading.agreement(best.unit(),
                request.context().get(best.unit().passage()).passage()) == DateConstraint.Agreement.UNKNOWN;
        String unsaid = "The documents do not say whether this was in " + reading.constraint().describe() + ".";
        if (shortAnswer != null && dateUnsaid) {
            answer.append(' ').append(unsaid);
        }
        List<Scored> inOrder = chosen.stream().sorted(Comparator.comparingInt((Scored s) -> s.unit().passage()).thenComparingInt(s -> s.unit().start()))
                .toList();
        for (Scored c : inOrder) {
            answer.append(answer.isEmpty() ? "" : " ");
            String said = reading.type() == AnswerType.DATE ? withDate(c, request.context().get(c.unit().passage()))
                    : c.unit().text();
            List<Integer> cites = alsoSaidIn(c.unit(), request.context()).stream().map(p -> p + 1).toList();
            String lead = c.unit().lead();
            if (!lead.isEmpty() && said.startsWith(lead) && said.length() > lead.length()) {
                // the sentence before, quoted for what "he" or "it" refers to, is a sentence of the answer too: cited
                answer.append(CitationMarks.placeClosed(lead, List.of(c.unit().passage() + 1))).append(' ');
                said = said.substring(lead.length()).strip();
            }
            answer.append(CitationMarks.placeClosed(said, cites));
        }
        if (hop != null) {
            answer.append(' ').append(CitationMarks.placeClosed(hop.sentence(), List.of(hop.citation())));
        }
        if (shortAnswer == null && dateUnsaid && !inOrder.isEmpty()) {
            answer.append(' ').append(unsaid);
        }
        return withDisagreements(answer, inOrder, all, request);
    }

    /** The answer followed by a sentence for each conflict between sources about what it says. */
    private static String withDisagreements(StringBuilder answer, List<Scored> chosen, List<Scored> all,
                                            AnswerRequest request) {
        // the units judge() already read, back in reading order
        List<Disagreements.Said> others = all.stream().map(Scored::unit)
                .sorted(Comparator.comparingInt(AnswerUnit::passage).thenComparingInt(AnswerUnit::sentenceStart))
                .map(ExtractiveAnswerer::said).toList();
        Set<String> noted = new LinkedHashSet<>();
        for (Scored c : chosen) {
            Disagreements.about(said(c.unit()), others, request.context(), request.before()).ifPresent(noted::add);
        }
        noted.forEach(note -> answer.append(' ').append(note));
        return answer.toString();
    }

    private static Disagreements.Said said(AnswerUnit unit) {
        return new Disagreements.Said(unit.passage(), unit.sentenceStart(),
                unit.sentence(), new HashSet<>(dev.citeqa.index.Analysis.terms(unit.sentence())));
    }

    /**
     * The passages that say this sentence: its own, and those of other files holding the same sentence, so that
     * where sources repeat each other around one statement, each is cited.
     */
    private static List<Integer> alsoSaidIn(AnswerUnit chosen, List<RankedPassage> context) {
        List<Integer> passages = new ArrayList<>(List.of(chosen.passage()));
        Set<String> files = new HashSet<>(Set.of(context.get(chosen.passage()).passage().file()));
        String sentence = chosen.sentence().toLowerCase(Locale.ROOT);
        for (int i = 0; i < context.size(); i++) {
            String file = context.get(i).passage().file();
            if (!files.contains(file) && context.get(i).passage().text().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)
                    .contains(sentence)) {
                passages.add(i);
                files.add(file);
            }
        }
        return passages;
    }

    /**
     * A "when" answer whose sentence gives only a weekday or a relative time ("on Sunday", "last week") is
     * anchored to the date of the article it comes from, when the article states one.
     */
    private static String withDate(Scored chosen, RankedPassage hit) {
        String date = hit.passage().date();
        String text = chosen.unit().text();
        if (date == null || FULL_DATE.matcher(text).find()) {
            return text;
        }
        LocalDate day = LocalDate.parse(date);
        return text.replaceAll("[.!]+$", "") + " (in an article dated " + day.format(DateTimeFormatter.ofPattern(
                "d MMMM yyyy", Locale.ENGLISH)) + ").";
    }

    private static boolean similar(AnswerUnit a, AnswerUnit b) {
        return Disagreements.overlap(a.terms(), b.terms()) > 0.6;
    }

    /** Two units sharing text (a sentence and the next one read with it as its lead). */
    private static boolean overlaps(AnswerUnit a, AnswerUnit b) {
        return a.passage() == b.passage() && a.start() < b.end() && b.start() < a.end();
    }
}
