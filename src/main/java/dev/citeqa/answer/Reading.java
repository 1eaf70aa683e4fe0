package dev.citeqa.answer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.citeqa.index.Analysis;
import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.TermWeights;

/**
 * A question as the offline reader reads it against its retrieved passages: what type of answer it wants, which of
 * its terms are key (names, numbers, rarer words) and which only frame it, what dates it names, and the measured
 * signals ({@link ReaderFeatures}) of each candidate unit.
 */
public final class Reading {

    /** Question words carry no topic: "who", "did", "according" match any passage. */
    private static final Set<String> QUESTION_TERMS = Set.copyOf(Analysis.terms("who whom whose what which when where"
            + " why how did does do done doing according tell me name named list give describe explain say said says"
            + " mention mentioned happen happened"));
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d](?:[\\p{L}\\d'’.-]|,(?=\\d{3}))*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A year with a day or month beside it ("March 2019", "8 May 1945"), not a year alone. */
    private static final Pattern FULL_DATE_SHAPE = Pattern.compile(
            "(?s).*(\\p{L}{3,}|\\d{1,2}\\D).*\\d{4}.*|.*\\d{4}.*\\p{L}{3,}.*");
    private static final Pattern AMOUNT_WITH_UNIT = Pattern.compile("\\p{L}{2,}|%|[$€£¥]");
    /** Words either side of a candidate short answer counted as its neighbourhood. */
    private static final int WINDOW = 5;
    private static final Pattern LOWER_CASE_NEXT = Pattern.compile("\\s+\\p{Ll}");
    private static final Pattern ARTICLE_BEFORE = Pattern.compile("(?i)\\b(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+)?$");
    /** ", X," after a lower-case word: "the commander, Hamid Taqavi, was". */
    private static final Pattern APPOSITIVE_OPENS = Pattern.compile("\\p{Ll}[\\p{L}-]*\\s*[,(]\\s*$");
    private static final Pattern APPOSITIVE_CLOSES = Pattern.compile("\\s*(?:[,)]|[.!?;:]?$)");
    private static final Pattern NEGATION = Pattern.compile("(?i)\\b(not|no|never|neither|nor|none|without)\\b|n[’']t\\b");

    private final String question;
    private final AnswerType type;
    private final DateConstraint constraint;
    private final TermWeights weights;
    private final Set<String> keyTerms;
    private final double keyTotal;
    private final double otherTotal;
    /** The question's names and numbers as written: what the documents must mention for the question to be answered. */
    private final List<String> entities;
    private final List<String[]> bigrams;
    private final Set<String> lowerCaseWords;
    private final List<RankedPassage> context;
    /** Each passage's terms with its title's, read once for all of its sentences. */
    private final Map<Integer, Set<String>> termsOfPassage = new java.util.HashMap<>();
    /** The terms of all the passages, made on first use. */
    private Set<String> contextTerms;
    /** Each unit's phrases of the asked type, read once for the type signal, the short-answer signal and the answer. */
    private final Map<AnswerUnit, List<Phrases.Phrase>> answersOfUnit = new java.util.IdentityHashMap<>();

    public Reading(String question, TermWeights idf, List<RankedPassage> context) {
        this.question = question;
        this.type = AnswerType.of(question);
        this.constraint = DateConstraint.of(question);
        this.context = context;
        Map<String, Double> topical = new LinkedHashMap<>();
        idf.idf().forEach((term, weight) -> {
            if (!QUESTION_TERMS.contains(term)) {
                topical.put(term, weight);
            }
        });
        this.weights = new TermWeights(topical, idf.variants());
        this.entities = entities(question);
        Set<String> entityTerms = new HashSet<>();
        entities.forEach(e -> entityTerms.addAll(Analysis.terms(e)));
        double mean = topical.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Set<String> key = new LinkedHashSet<>();
        topical.forEach((term, weight) -> {
            if (entityTerms.contains(term) || term.matches(".*\\d.*") || weight >= mean) {
                key.add(term);
            }
        });
        this.keyTerms = key;
        this.keyTotal = key.stream().mapToDouble(weights::weight).sum();
        this.otherTotal = topical.keySet().stream().filter(t -> !key.contains(t)).mapToDouble(weights::weight).sum();
        List<String> terms = Analysis.terms(question).stream().filter(t -> !QUESTION_TERMS.contains(t)).toList();
        this.bigrams = new ArrayList<>();
        for (int i = 0; i + 1 < terms.size(); i++) {
            bigrams.add(new String[] {terms.get(i), terms.get(i + 1)});
        }
        List<String> texts = new ArrayList<>(context.stream().map(h -> h.passage().text()).toList());
        texts.add(question);
        this.lowerCaseWords = Phrases.lowerCaseWords(texts);
    }

    public String question() {
        return question;
    }

    public AnswerType type() {
        return type;
    }

    public DateConstraint constraint() {
        return constraint;
    }

    public boolean hasTopic() {
        return keyTotal + otherTotal > 0;
    }

    public Set<String> lowerCaseWords() {
        return lowerCaseWords;
    }

    /**
     * The question's names and numbers that no retrieved passage (nor its title) mentions in any spelling: when one
     * is missing, the documents are about something else.
     */
    public List<String> missingEntities() {
        List<String> missing = new ArrayList<>();
        Set<String> found = contextTerms();
        for (String entity : entities) {
            List<String> terms = Analysis.terms(entity);
            if (!terms.isEmpty() && terms.stream().anyMatch(t -> !weights.foundIn(t, found))) {
                missing.add(entity);
            }
        }
        return missing;
    }

    /** Every term of the retrieved passages, their titles and file names: read once, for both entity checks. */
    private Set<String> contextTerms() {
        if (contextTerms == null) {
            Set<String> found = new HashSet<>();
            for (RankedPassage hit : context) {
                found.addAll(Analysis.terms(hit.passage().text()));
                found.addAll(Analysis.terms(hit.passage().title() == null ? "" : hit.passage().title()));
                found.addAll(Analysis.terms(hit.passage().file().replaceAll("[_./-]", " ")));
            }
            contextTerms = found;
        }
        return contextTerms;
    }

    /**
     * The question's names that the retrieved passages do not mention at all: no word of the name in any spelling,
     * nor as the start of a longer or shorter word ("Europe" for "European"). Numbers and short capitals ("Q2",
     * "OS", "PC") are left to the answerability model, since documents write them in words as often ("the second
     * quarter", "operating system"); so is a name of which one word is found ("Lee" for "Harper Lee").
     */
    public List<String> absentEntities() {
        Set<String> found = contextTerms();
        List<String> absent = new ArrayList<>();
        for (String entity : entities) {
            boolean checked = false;
            boolean seen = false;
            for (String word : SPACES.split(entity)) {
                if (hasDigit(word) || (word.length() <= 3 && word.equals(word.toUpperCase(Locale.ROOT)))) {
                    continue;
                }
                for (String term : Analysis.terms(word)) {
                    checked = true;
                    seen |= weights.foundIn(term, found) || sharesStem(term, found);
                }
            }
            if (checked && !seen) {
                absent.add(entity);
            }
        }
        return absent;
    }

    /** One word is the start of the other, the shorter of five letters or more: "europ" and "european". */
    private static boolean sharesStem(String term, Set<String> terms) {
        for (String t : terms) {
            String shorter = t.length() < term.length() ? t : term;
            String longer = shorter == t ? term : t;
            if (shorter.length() >= 5 && longer.startsWith(shorter)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The idf-weighted share of the question's key terms in the unit, its years left out: what it says of the
     * question's subject, apart from when.
     */
    public double keyCoverageBesidesDates(AnswerUnit unit) {
        double total = 0;
        double covered = 0;
        for (String term : keyTerms) {
            if (term.matches("(1[5-9]|20)\\d\\d")) {
                continue;
            }
            total += weights.weight(term);
            covered += weights.foundIn(term, unit.terms()) ? weights.weight(term) : 0;
        }
        return total <= 0 ? 0 : covered / total;
    }

    /** Whether the unit holds every name and number of the question (a yes/no question is about them). */
    public boolean namesAll(AnswerUnit unit) {
        for (String entity : entities) {
            for (String term : Analysis.terms(entity)) {
                if (!weights.foundIn(term, unit.terms())) {
                    return false;
                }
            }
        }
        return !entities.isEmpty();
    }

    /**
     * The signals of one candidate unit that it has on its own, in {@link ReaderFeatures#SENTENCE} order; those
     * relative to the other candidates are left 0 (see {@link #features(List, double[], ShortAnswerModel)}).
     */
    public double[] features(AnswerUnit unit, double cosine) {
        RankedPassage hit = context.get(unit.passage());
        Passage passage = hit.passage();
        Set<String> passageTerms = termsOfPassage.computeIfAbsent(unit.passage(), i -> {
            Set<String> terms = new HashSet<>(Analysis.terms(passage.text()));
            terms.addAll(Analysis.terms(passage.title() == null ? "" : passage.title()));
            return terms;
        });
        DateConstraint.Agreement agreement = agreement(unit, passage);
        double[] f = new double[ReaderFeatures.SENTENCE.size()];
        f[0] = coverage(keyTerms, unit.terms(), keyTotal);
        f[1] = coverage(otherTerms(), unit.terms(), otherTotal);
        f[2] = coverage(keyTerms, passageTerms, keyTotal);
        f[3] = bigramShare(unit);
        f[4] = Double.isNaN(cosine) ? 0 : cosine;
        f[5] = typeFit(unit) ? 1 : 0;
        f[6] = 1.0 / Math.max(1, hit.rank());
        f[7] = unit.headline() ? 1 : 0;
        f[8] = agreement == DateConstraint.Agreement.MET ? 1 : 0;
        f[9] = agreement == DateConstraint.Agreement.CONTRADICTED ? 1 : 0;
        f[10] = mismatch(unit) ? 1 : 0;
        f[11] = Math.min(1.0, unit.terms().size() / 40.0);
        f[12] = unit.lead().isEmpty() ? 0 : 1;
        return f;
    }

    /**
     * The signals of every candidate unit of the question: each unit's own ({@link #features(AnswerUnit, double)}),
     * how likely its best phrase of the asked type is the short answer, and where it stands against the other
     * candidates (best key coverage and cosine, and the gap to the best).
     */
    public List<double[]> features(List<AnswerUnit> units, double[] cosines, ShortAnswerModel shortAnswers) {
        List<double[]> all = new ArrayList<>(units.size());
        double bestKey = 0;
        double bestCosine = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < units.size(); i++) {
            double[] f = features(units.get(i), cosines[i]);
            f[13] = shortAnswerScore(units.get(i), shortAnswers);
            bestKey = Math.max(bestKey, f[0]);
            bestCosine = Math.max(bestCosine, f[4]);
            all.add(f);
        }
        boolean withCosine = java.util.Arrays.stream(cosines).anyMatch(c -> !Double.isNaN(c));
        for (int i = 0; i < units.size(); i++) {
            double[] f = all.get(i);
            f[14] = f[0] >= bestKey ? 1 : 0;
            f[15] = bestKey - f[0];
            f[16] = withCosine && f[4] >= bestCosine ? 1 : 0;
            f[17] = withCosine ? bestCosine - f[4] : 0;
        }
        return all;
    }

    /** The short-answer chooser's probability for the unit's likeliest phrase of the asked type; 0 when it has none. */
    public double shortAnswerScore(AnswerUnit unit, ShortAnswerModel model) {
        // the chooser learned from SQuAD, which asks for no code words: for those the nearest is taken, unscored
        if (!type.hasShortAnswer() || type == AnswerType.YES_NO || type == AnswerType.CODE) {
            return 0;
        }
        Pick best = likeliestPhrase(unit, model);
        return best == null ? 0 : best.probability();
    }

    /** How the unit meets the question's dates: the sentence first, then its passage, then its article's date. */
    public DateConstraint.Agreement agreement(AnswerUnit unit, Passage passage) {
        if (constraint.isEmpty()) {
            return DateConstraint.Agreement.UNKNOWN;
        }
        LocalDate date = passage.date() == null ? null : LocalDate.parse(passage.date());
        return DateConstraint.firstKnown(constraint.in(unit.text()), constraint.in(passage.text()),
                constraint.onDate(date));
    }

    /** The unit holds a phrase of the asked type that the question does not already contain. */
    public boolean typeFit(AnswerUnit unit) {
        return !answers(unit).isEmpty() || (type == AnswerType.YES_NO && !NEGATION.matcher(unit.sentence()).find());
    }

    /** The phrases of the unit's sentence that answer the question's type, those repeating the question left out. */
    public List<Phrases.Phrase> answers(AnswerUnit unit) {
        return answersOfUnit.computeIfAbsent(unit, this::readAnswers);
    }

    /** The abbreviation a "what does X stand for" question asks about, or null for other questions. */
    public String acronym() {
        if (type != AnswerType.ACRONYM) {
            return null;
        }
        Matcher m = AnswerType.ACRONYM_QUESTION.matcher(question);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    private List<Phrases.Phrase> readAnswers(AnswerUnit unit) {
        if (type == AnswerType.ACRONYM) {
            String acronym = acronym();
            return acronym != null ? Phrases.expansions(unit.sentence(), acronym) : List.of();
        }
        if (type == AnswerType.CODE) {
            // an option's words are the question's ("--no-berth-check" for "skip the berth check"): only the code
            // word itself, written in the question, is left out
            String q = question.toLowerCase(Locale.ROOT);
            return Phrases.of(unit.sentence(), type, lowerCaseWords).stream()
                    .filter(p -> !q.contains(p.text().toLowerCase(Locale.ROOT))).toList();
        }
        Set<String> asked = new HashSet<>(Analysis.terms(question));
        List<Phrases.Phrase> out = new ArrayList<>();
        for (Phrases.Phrase found : Phrases.of(unit.sentence(), type, lowerCaseWords)) {
            Phrases.Phrase phrase = withoutAskedLead(found, asked);
            List<String> terms = Analysis.terms(phrase.text());
            if (terms.isEmpty() || asked.containsAll(terms) || terms.stream().anyMatch(t -> variantOfAsked(t, asked))) {
                continue;
            }
            out.add(phrase);
        }
        return List.copyOf(out);
    }

    /**
     * The phrase without the words of the question it opens with: "Iranian Defence Minister Hossein Dehghan" answers
     * "Who is Iran's defence minister?" with "Hossein Dehghan". The whole phrase when every word is the question's.
     */
    private Phrases.Phrase withoutAskedLead(Phrases.Phrase phrase, Set<String> asked) {
        Matcher word = LEAD_WORD.matcher(phrase.text());
        int cut = 0;
        while (word.find() && word.start() == cut) {
            List<String> terms = Analysis.terms(word.group(1));
            if (terms.isEmpty() || !terms.stream().allMatch(t -> asked.contains(t) || variantOfAsked(t, asked)
                    || demonymOfAsked(t, asked))) {
                break;
            }
            cut = word.end();
        }
        if (cut == 0 || cut >= phrase.text().length()) {
            return phrase;
        }
        return new Phrases.Phrase(phrase.text().substring(cut), phrase.start() + cut, phrase.end(), phrase.type());
    }

    private static final Pattern LEAD_WORD = Pattern.compile("(\\S+)\\s+");
    private static final Pattern DEMONYM_ENDING = Pattern.compile("i|n|an|ian|ean|ese|ish");

    /** "iranian" of the question's "iran", "iraqi" of "iraq": the people or adjective of a place the question names. */
    private static boolean demonymOfAsked(String term, Set<String> asked) {
        for (String a : asked) {
            if (a.length() >= 4 && term.length() > a.length() && term.startsWith(a)
                    && DEMONYM_ENDING.matcher(term.substring(a.length())).matches()) {
                return true;
            }
        }
        return false;
    }

    private boolean variantOfAsked(String term, Set<String> asked) {
        for (String a : asked) {
            if (weights.variants().getOrDefault(a, Set.of()).contains(term)) {
                return true;
            }
        }
        return false;
    }

    /** A phrase of the asked type in a unit's sentence, with its signals in {@link ReaderFeatures#SHORT_ANSWER} order. */
    public record Candidate(Phrases.Phrase phrase, double[] features) {
    }

    /** A candidate phrase with the learned chooser's probability that it is the short answer. */
    public record Pick(Phrases.Phrase phrase, double probability) {
    }

    /** The unit's candidate phrase the learned chooser scores highest, or null when it has none. */
    public Pick likeliestPhrase(AnswerUnit unit, ShortAnswerModel model) {
        Pick best = null;
        for (Candidate c : candidates(unit)) {
            double p = model.chooser().probability(ReaderFeatures.SHORT_ANSWER, c.features());
            if (best == null || p > best.probability()) {
                best = new Pick(c.phrase(), p);
            }
        }
        return best;
    }

    /**
     * The short answer of the unit: its candidate phrase the learned chooser scores highest, or null when none
     * reaches the chooser's threshold (a wrong short answer is read first, so none is better).
     */
    public Phrases.Phrase shortAnswer(AnswerUnit unit, ShortAnswerModel model) {
        if (type == AnswerType.CODE) {
            return nearestPhrase(unit);
        }
        Pick best = likeliestPhrase(unit, model);
        return best == null || best.probability() < model.chooser().threshold() ? null : best.phrase();
    }

    /**
     * The answering phrase of the unit nearest to the question's words in it: in "Obaidi met Dahqan in Tehran", asked
     * where they met, "Tehran". The rule the learned chooser replaced; now one of its signals.
     */
    public Phrases.Phrase nearestPhrase(AnswerUnit unit) {
        return nearest(unit.sentence(), answers(unit));
    }

    private Phrases.Phrase nearest(String sentence, List<Phrases.Phrase> phrases) {
        if (phrases.isEmpty()) {
            return null;
        }
        List<Integer> anchors = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            if (asked(m.group())) {
                anchors.add(m.start());
            }
        }
        Phrases.Phrase best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Phrases.Phrase p : phrases) {
            int distance = anchors.isEmpty() ? p.start() : anchors.stream()
                    .mapToInt(a -> a < p.start() ? p.start() - a : Math.max(0, a - p.end())).min().orElse(0);
            if (distance < bestDistance) {
                best = p;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Whether a word of a sentence is one of the question's topical terms, in any spelling. */
    private boolean asked(String word) {
        List<String> t = Analysis.terms(word);
        return !t.isEmpty() && (weights.idf().containsKey(t.getFirst())
                || weights.foundIn(t.getFirst(), weights.idf().keySet()));
    }

    /** The unit's candidate short answers with their signals. */
    public List<Candidate> candidates(AnswerUnit unit) {
        String sentence = unit.sentence();
        List<Phrases.Phrase> phrases = answers(unit);
        if (phrases.isEmpty()) {
            return List.of();
        }
        Phrases.Phrase nearest = nearest(sentence, phrases);
        List<int[]> words = new ArrayList<>();
        List<Boolean> anchor = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
            anchor.add(asked(m.group()));
        }
        Set<String> askedTerms = new HashSet<>(Analysis.terms(question));
        boolean name = type == AnswerType.PERSON || type == AnswerType.PLACE || type == AnswerType.ORGANISATION
                || type == AnswerType.NAME;
        List<Candidate> out = new ArrayList<>();
        for (Phrases.Phrase p : phrases) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < words.size(); i++) {
                if (words.get(i)[1] > p.start() && words.get(i)[0] < p.end()) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first < 0) {
                continue;
            }
            int distance = Integer.MAX_VALUE;
            boolean after = false;
            for (int i = 0; i < words.size(); i++) {
                if (!anchor.get(i) || (i >= first && i <= last)) {
                    continue;
                }
                int d = i < first ? first - i - 1 : i - last - 1;
                if (d < distance) {
                    distance = d;
                    after = i < first;
                }
            }
            Set<String> near = new HashSet<>();
            boolean left = false;
            boolean right = false;
            for (int i = 0; i < words.size(); i++) {
                if (!anchor.get(i) || (i >= first && i <= last)) {
                    continue;
                }
                left |= i < first;
                right |= i > last;
                if (i >= first - WINDOW && i <= last + WINDOW) {
                    near.addAll(Analysis.terms(sentence.substring(words.get(i)[0], words.get(i)[1])));
                }
            }
            near.retainAll(weights.idf().keySet());
            List<String> terms = Analysis.terms(p.text());
            String[] phraseWords = SPACES.split(p.text());
            long lower = java.util.Arrays.stream(phraseWords).map(w -> POSSESSIVE.matcher(w).replaceAll("")
                    .toLowerCase(Locale.ROOT)).filter(lowerCaseWords::contains).count();
            String before = sentence.substring(0, p.start());
            String rest = sentence.substring(p.end());
            double[] f = new double[ReaderFeatures.SHORT_ANSWER.size()];
            f[0] = p.equals(nearest) ? 1 : 0;
            f[1] = distance == Integer.MAX_VALUE ? 1 : Math.min(distance, 20) / 20.0;
            f[2] = after ? 1 : 0;
            f[3] = weights.idf().isEmpty() ? 0 : (double) near.size() / weights.idf().size();
            f[4] = left && right ? 1 : 0;
            f[5] = terms.isEmpty() ? 0 : (double) terms.stream().filter(askedTerms::contains).count() / terms.size();
            f[6] = Math.min(1.0, phraseWords.length / 5.0);
            f[7] = name ? (double) lower / phraseWords.length : 0;
            f[8] = LOWER_CASE_NEXT.matcher(rest).lookingAt() ? 1 : 0;
            f[9] = ARTICLE_BEFORE.matcher(before).find() ? 1 : 0;
            f[10] = f[8] * f[9];
            f[11] = APPOSITIVE_OPENS.matcher(before).find() && APPOSITIVE_CLOSES.matcher(rest).lookingAt() ? 1 : 0;
            f[12] = Phrases.PLACE_BEFORE.matcher(before.substring(Math.max(0, before.length() - 16))).find() ? 1 : 0;
            f[13] = sentence.isEmpty() ? 0 : (double) p.start() / sentence.length();
            f[14] = shape(p, phraseWords.length) ? 1 : 0;
            f[15] = 1.0 / phrases.size();
            f[16] = type == AnswerType.DATE ? 1 : 0;
            f[17] = type == AnswerType.NUMBER ? 1 : 0;
            f[18] = type == AnswerType.PLACE ? 1 : 0;
            f[19] = type == AnswerType.PERSON ? 1 : 0;
            f[20] = f[19] * f[9];
            f[21] = f[19] * f[8];
            out.add(new Candidate(p, f));
        }
        return out;
    }

    /** How fully the phrase has the shape of its type: a date with a year and a month or day, an amount with its unit. */
    private static boolean shape(Phrases.Phrase p, int words) {
        return switch (p.type()) {
            case DATE -> FULL_DATE_SHAPE.matcher(p.text()).matches();
            case NUMBER -> AMOUNT_WITH_UNIT.matcher(p.text()).find();
            default -> words >= 2;
        };
    }

    /**
     * A name or number of the question that the unit replaces with another in the same place: asked about the 5th
     * brigade, a sentence about the 7th; asked about Hamid Taqavi, a sentence about Hamid Hosseini.
     */
    public boolean mismatch(AnswerUnit unit) {
        List<String> words = words(unit.text());
        List<String> asked = words(question);
        for (int i = 0; i < asked.size(); i++) {
            String w = asked.get(i);
            if (!isNameOrNumber(w, i) || contains(words, w)) {
                continue;
            }
            // the word beside it in the question, found in the sentence with another name or number in its place
            for (int side : new int[] {-1, 1}) {
                int j = i + side;
                if (j < 0 || j >= asked.size() || !isNameOrNumber(asked.get(j), j)) {
                    continue;
                }
                String neighbour = asked.get(j).toLowerCase(Locale.ROOT);
                for (int k = 0; k < words.size(); k++) {
                    if (!words.get(k).toLowerCase(Locale.ROOT).equals(neighbour)) {
                        continue;
                    }
                    int other = k - side;
                    if (other >= 0 && other < words.size() && isNameOrNumber(words.get(other), other)
                            && !sameName(words.get(other), w)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean sameName(String a, String b) {
        List<String> ta = Analysis.terms(a);
        List<String> tb = Analysis.terms(b);
        if (ta.isEmpty() || tb.isEmpty()) {
            return a.equalsIgnoreCase(b);
        }
        return ta.getFirst().equals(tb.getFirst()) || weights.foundIn(tb.getFirst(), Set.of(ta.getFirst()));
    }

    private boolean contains(List<String> words, String word) {
        List<String> t = Analysis.terms(word);
        if (t.isEmpty()) {
            return words.stream().anyMatch(w -> w.equalsIgnoreCase(word));
        }
        Set<String> terms = new HashSet<>();
        words.forEach(w -> terms.addAll(Analysis.terms(w)));
        return weights.foundIn(t.getFirst(), terms) || terms.contains(t.getFirst());
    }

    private static boolean isNameOrNumber(String word, int position) {
        return hasDigit(word) || (position > 0 && Character.isUpperCase(word.charAt(0)) && word.length() > 1);
    }

    private static final Pattern POSSESSIVE = Pattern.compile("[’'.]s?$");
    /** A sentence's end just before: "?", "!" or a full stop that does not close a title ("Dr.", "Gen."). */
    private static final Pattern SENTENCE_END_BEFORE = Pattern.compile("(?:[?!]|(?<!\\b\\p{Lu}\\p{Ll}{0,3})\\.)[\"'”’)]*\\s+$");
    private static final Pattern TRAILING_DOT = Pattern.compile("\\.$");

    private static boolean hasDigit(String word) {
        return word.chars().anyMatch(c -> c >= '0' && c <= '9');
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(TRAILING_DOT.matcher(POSSESSIVE.matcher(m.group()).replaceAll("")).replaceAll(""));
        }
        return out;
    }

    /** The question's capitalised words after its first, and its numbers other than years (dates are constraints). */
    static List<String> entities(String question) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(question);
        int position = 0;
        int lastEnd = -1;
        while (m.find()) {
            String word = POSSESSIVE.matcher(m.group()).replaceAll("");
            // the first word of each sentence of the question is capitalised whatever it is ("... today. When does")
            boolean sentenceStart = position == 0 || SENTENCE_END_BEFORE.matcher(question.substring(0, m.start())).find();
            boolean capitalised = !sentenceStart && Character.isUpperCase(word.charAt(0));
            boolean number = word.matches("\\d[\\d,.]*") && !word.matches("(1[5-9]|20)\\d\\d");
            String lower = word.toLowerCase(Locale.ROOT);
            boolean dateWord = lower.matches("january|february|march|april|may|june|july|august|september|october"
                    + "|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday");
            if ((capitalised || number) && !dateWord && !word.equals("I") && !Analysis.terms(word).isEmpty()) {
                // neighbouring capitalised words are one name: "Porto Verde"
                boolean joins = capitalised && !out.isEmpty() && lastEnd >= 0
                        && question.substring(lastEnd, m.start()).matches("\\s+")
                        && Character.isUpperCase(out.getLast().charAt(0));
                if (joins) {
                    out.set(out.size() - 1, out.getLast() + " " + word);
                } else {
                    out.add(word);
                }
                lastEnd = m.end();
            } else {
                lastEnd = -1;
            }
            position++;
        }
        return out;
    }

    private Set<String> otherTerms() {
        Set<String> other = new LinkedHashSet<>(weights.idf().keySet());
        other.removeAll(keyTerms);
        return other;
    }

    private double coverage(Set<String> terms, Set<String> in, double total) {
        if (total <= 0) {
            return 0;
        }
        double covered = 0;
        for (String term : terms) {
            if (weights.foundIn(term, in)) {
                covered += weights.weight(term);
            }
        }
        return covered / total;
    }

    private double bigramShare(AnswerUnit unit) {
        if (bigrams.isEmpty()) {
            return 0;
        }
        List<String> terms = Analysis.terms(unit.text());
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < terms.size(); i++) {
            pairs.add(terms.get(i) + " " + terms.get(i + 1));
        }
        long found = bigrams.stream().filter(b -> pairs.contains(b[0] + " " + b[1])).count();
        return (double) found / bigrams.size();
    }
}
