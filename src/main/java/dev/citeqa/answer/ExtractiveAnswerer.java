package dev.citeqa.answer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.index.Analysis;
import dev.citeqa.ingest.SentenceSplitter;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.TermWeights;

/**
 * The offline answerer. It scores every sentence of the retrieved passages by how much of the question's weight
 * (idf of its terms) it covers, with a bonus when it holds the kind of thing asked for (a date for "when", a
 * number for "how many"), and composes the answer from the best sentence plus the few that add missing terms.
 * When no sentence covers enough of the question it declines rather than guess.
 */
public final class ExtractiveAnswerer implements Answerer {

    /**
     * Question words carry no topic: "who", "did", "according" match any passage. Other function words keep their
     * (small) idf weight: on the gold set, dropping them made answers worse (0.52 against 0.56 accuracy).
     */
    private static final Set<String> QUESTION_TERMS = questionTerms();
    /** "[3]" written inside a document is quoted as "(3)", so it can never pass for one of our citations. */
    private static final Pattern DOCUMENT_MARKER = Pattern.compile("\\[(\\d{1,4}(?:\\s*[,;]\\s*\\d{1,4})*)\\]");
    private static final Pattern DATE_LIKE = Pattern.compile(
            "\\b(1[89]\\d\\d|20\\d\\d|january|february|march|april|may|june|july|august|september|october|november"
                    + "|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d[\\d,.]*\\b|\\b(one|two|three|four|five|six|seven"
            + "|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)\\b");
    /** A date with its year: "July 23, 2017", "23 July 2017", "2017-07-23". */
    private static final Pattern FULL_DATE = Pattern.compile("\\b(\\d{1,2}\\s+\\p{L}+,?\\s+\\d{4}|\\p{L}+\\.?\\s+\\d{1,2},?\\s+"
            + "\\d{4}|\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern PLACE = Pattern.compile("\\b(in|at|from|near|to)\\s+[A-Z][a-z]+");
    private static final Pattern NAME = Pattern.compile("\\b[A-Z][a-z]+\\s+(al-)?[A-Z][a-z]+");

    private final int maxSentences;
    private final double minCoverage;
    private final SentenceMeaning meaning;

    public ExtractiveAnswerer(CiteqaProperties.Answer settings) {
        this(settings, SentenceMeaning.NONE);
    }

    public ExtractiveAnswerer(CiteqaProperties.Answer settings, SentenceMeaning meaning) {
        this.maxSentences = settings.maxSentences();
        this.minCoverage = settings.minCoverage();
        this.meaning = meaning;
    }

    @Override
    public String name() {
        return "extractive";
    }

    /** A sentence of a context passage, with the share of the question it covers. */
    record Candidate(int passage, int start, String text, Set<String> terms, double coverage, double score) {

        Disagreements.Said said() {
            return new Disagreements.Said(passage, start, text, terms);
        }
    }

    @Override
    public Reply answer(AnswerRequest request, Consumer<String> tokens) {
        String text = compose(request);
        tokens.accept(text);
        return Reply.offline(text);
    }

    private String compose(AnswerRequest request) {
        if (Refusals.isSteering(request.question())) {
            return Refusals.OFF_DOCUMENTS;
        }
        TermWeights weights = topical(request.weights());
        double total = weights.total();
        if (total <= 0 || request.context().isEmpty()) {
            return Refusals.NOT_IN_DOCUMENTS;
        }
        Asked asked = Asked.of(request.question());
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < request.context().size(); i++) {
            RankedPassage hit = request.context().get(i);
            String passage = hit.passage().text();
            for (SentenceSplitter.Span span : SentenceSplitter.split(passage, 0, passage.length())) {
                String sentence = DOCUMENT_MARKER.matcher(passage.substring(span.start(), span.end()))
                        .replaceAll("($1)").replaceAll("\\s+", " ").strip();
                if (sentence.length() < 20 || sentence.endsWith("?")) {
                    continue;
                }
                Set<String> terms = new HashSet<>(Analysis.terms(sentence));
                if (terms.size() < 4) {
                    continue; // a label or a fragment, not a statement
                }
                double covered = 0;
                for (String term : weights.idf().keySet()) {
                    if (weights.foundIn(term, terms)) {
                        covered += weights.weight(term);
                    }
                }
                double coverage = covered / total;
                double score = coverage + asked.bonus(sentence) + 0.05 / hit.rank();
                candidates.add(new Candidate(i, span.start(), sentence, terms, coverage, score));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        if (candidates.isEmpty()) {
            return Refusals.NOT_IN_DOCUMENTS;
        }
        if (candidates.getFirst().coverage() < minCoverage) {
            return paraphrased(request, candidates).orElse(Refusals.NOT_IN_DOCUMENTS);
        }
        List<Candidate> chosen = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        Candidate best = candidates.getFirst();
        chosen.add(best);
        covered.addAll(best.terms());
        for (Candidate candidate : candidates.subList(1, candidates.size())) {
            if (chosen.size() >= maxSentences) {
                break;
            }
            double gain = 0;
            for (String term : weights.idf().keySet()) {
                if (weights.foundIn(term, candidate.terms()) && !weights.foundIn(term, covered)) {
                    gain += weights.weight(term);
                }
            }
            // a sentence joins when it adds question terms the answer lacks, or, nearly as good as the best,
            // when it states the answer in other words (often from another source)
            boolean completes = gain / total >= 0.1 && candidate.score() >= 0.6 * best.score()
                    && candidate.coverage() >= minCoverage * 0.6;
            boolean corroborates = candidate.score() >= 0.8 * best.score();
            boolean offersAsked = asked.bonus(candidate.text()) > 0 && asked.bonus(best.text()) == 0
                    && candidate.score() >= 0.6 * best.score();
            if ((completes || corroborates || offersAsked) && chosen.stream().noneMatch(c -> similar(c.terms(), candidate.terms()))) {
                chosen.add(candidate);
                covered.addAll(candidate.terms());
            }
        }
        StringBuilder answer = new StringBuilder();
        for (Candidate c : chosen) {
            if (!answer.isEmpty()) {
                answer.append(' ');
            }
            String said = asked == Asked.TIME ? withDate(c, request.context().get(c.passage())) : c.text();
            answer.append(CitationMarks.place(said,
                    alsoSaidIn(c, candidates, request.context()).stream().map(p -> p + 1).toList()));
        }
        return withDisagreements(answer, chosen, candidates, request);
    }

    /** The answer followed by a sentence for each conflict between sources about what it says. */
    private static String withDisagreements(StringBuilder answer, List<Candidate> chosen, List<Candidate> candidates,
                                            AnswerRequest request) {
        List<Disagreements.Said> others = candidates.stream().map(Candidate::said).toList();
        Set<String> noted = new LinkedHashSet<>();
        for (Candidate c : chosen) {
            Disagreements.about(c.said(), others, request.context(), request.before()).ifPresent(noted::add);
        }
        noted.forEach(note -> answer.append(' ').append(note));
        return answer.toString();
    }

    /**
     * A question in other words than the documents' ("What did Iran promise?" for "Iran will continue training"):
     * the one sentence closest in meaning, when it is close enough for the model to count as saying it.
     */
    private Optional<String> paraphrased(AnswerRequest request, List<Candidate> candidates) {
        Optional<double[]> cosines = meaning.similarity(request.question(),
                candidates.stream().map(Candidate::text).toList());
        if (cosines.isEmpty()) {
            return Optional.empty();
        }
        int best = 0;
        for (int i = 1; i < candidates.size(); i++) {
            if (cosines.get()[i] > cosines.get()[best]) {
                best = i;
            }
        }
        if (cosines.get()[best] < meaning.saysWhatWasAsked()) {
            return Optional.empty();
        }
        Candidate chosen = candidates.get(best);
        StringBuilder answer = new StringBuilder(chosen.text());
        for (int passage : alsoSaidIn(chosen, candidates, request.context())) {
            answer.append(" [").append(passage + 1).append(']');
        }
        return Optional.of(withDisagreements(answer, List.of(chosen), candidates, request));
    }

    /**
     * The passages that say this sentence: its own, and those of other files holding the same sentence, so that
     * where sources repeat or contradict each other around one statement, each is cited.
     */
    private static List<Integer> alsoSaidIn(Candidate chosen, List<Candidate> candidates, List<RankedPassage> context) {
        List<Integer> passages = new ArrayList<>(List.of(chosen.passage()));
        Set<String> files = new HashSet<>(Set.of(context.get(chosen.passage()).passage().file()));
        for (Candidate other : candidates) {
            String file = context.get(other.passage()).passage().file();
            if (!files.contains(file) && other.text().equalsIgnoreCase(chosen.text())) {
                passages.add(other.passage());
                files.add(file);
            }
        }
        return passages;
    }

    /**
     * A "when" answer whose sentence gives only a weekday or a relative time ("on Sunday", "last week") is
     * anchored to the date of the article it comes from, when the article states one.
     */
    private static String withDate(Candidate chosen, RankedPassage hit) {
        String date = hit.passage().date();
        if (date == null || FULL_DATE.matcher(chosen.text()).find()) {
            return chosen.text();
        }
        LocalDate day = LocalDate.parse(date);
        String said = chosen.text().replaceAll("[.!]+$", "");
        return said + " (in an article dated " + day.format(DateTimeFormatter.ofPattern(
                "d MMMM yyyy", Locale.ENGLISH)) + ").";
    }

    private static Set<String> questionTerms() {
        return Set.copyOf(Analysis.terms("who whom whose what which when where why how did does do done doing according "
                + "tell me name list give describe explain say said says mention mentioned happen happened"));
    }

    private static TermWeights topical(TermWeights weights) {
        var topical = new java.util.LinkedHashMap<String, Double>();
        weights.idf().forEach((term, idf) -> {
            if (!QUESTION_TERMS.contains(term)) {
                topical.put(term, idf);
            }
        });
        return new TermWeights(topical, weights.variants());
    }

    private static boolean similar(Set<String> a, Set<String> b) {
        return Disagreements.overlap(a, b) > 0.6;
    }

    /** What kind of thing the question asks for, and how well a sentence offers it. */
    enum Asked {
        TIME, AMOUNT, PLACE, PERSON, OTHER;

        static Asked of(String question) {
            String q = question.toLowerCase(Locale.ROOT).strip();
            if (q.matches("(?s).*\\b(when|what (year|date|day|month)|which (year|date|day|month))\\b.*")) {
                return TIME;
            }
            if (q.matches("(?s).*\\bhow (many|much|long|old)\\b.*")) {
                return AMOUNT;
            }
            if (q.matches("(?s).*\\b(where|which (city|country|town|place|province))\\b.*")) {
                return PLACE;
            }
            if (q.matches("(?s).*\\b(who|whom|whose)\\b.*")) {
                return PERSON;
            }
            return OTHER;
        }

        double bonus(String sentence) {
            return switch (this) {
                case TIME -> DATE_LIKE.matcher(sentence.toLowerCase(Locale.ROOT)).find() ? 0.15 : 0;
                case AMOUNT -> NUMBER.matcher(sentence.toLowerCase(Locale.ROOT)).find() ? 0.15 : 0;
                case PLACE -> ExtractiveAnswerer.PLACE.matcher(sentence).find() ? 0.1 : 0;
                case PERSON -> NAME.matcher(sentence).find() ? 0.1 : 0;
                case OTHER -> 0;
            };
        }
    }
}
