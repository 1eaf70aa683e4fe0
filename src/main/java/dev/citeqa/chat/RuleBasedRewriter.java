package dev.citeqa.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.citeqa.cite.Citation;
import dev.citeqa.index.Analysis;

/**
 * The offline rewriter: it carries the previous turn's entities into a follow-up. A personal pronoun becomes the
 * person the last turn was about (named in its question, else in its answer); "they" becomes the last question's
 * names; an elliptical question ("and in 2017?", "what about Turkey?") becomes the last question with that part
 * swapped in or added. Rules read the shape of the text (capitalised runs, titles, years), never a list of names.
 */
public final class RuleBasedRewriter implements QuestionRewriter {

    private static final Pattern PERSON_PRONOUN = Pattern.compile("\\b(he|she|him|his|her|hers)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GROUP_PRONOUN = Pattern.compile("\\b(they|them|their)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern THING_PRONOUN = Pattern.compile("\\b(it|its|this|that|these|those|there)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ELLIPSIS_START = Pattern.compile(
            "^(and|but|also|so|what about|how about|and what about|and how about)\\b[\\s,]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUESTION_START = Pattern.compile(
            "^(who|whom|whose|what|which|when|where|why|how|did|does|do|is|are|was|were|has|have|had|can|could"
                    + "|will|would|should|list|name|tell|give|show|describe|explain)\\b", Pattern.CASE_INSENSITIVE);
    /** A question of a question word or two only: "When?", "Why not?", "Where exactly?". */
    private static final Pattern BARE_QUESTION = Pattern.compile(
            "^(who|whom|whose|what|which|when|where|why|how)\\b\\W*(\\p{L}+)?\\W*$", Pattern.CASE_INSENSITIVE);
    /** A question this rewriter made: the typed words, then the carried question in brackets. */
    private static final Pattern CARRIED = Pattern.compile("^.*? \\((.+?)([?.!]?)\\)[?.!]?$");
    private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\b");
    /** A capitalised word, an initial-style abbreviation ("Gen."), or a lower-case name particle ("al-"). */
    private static final Pattern NAME_WORD = Pattern.compile(
            "(?:(?:al|el|bin|ibn|van|von|de|da|di|le|la)[-\\s])?\\p{Lu}[\\p{L}'’-]*\\.?");
    private static final Pattern NAME_RUN = Pattern.compile(NAME_WORD.pattern() + "(?:\\s+" + NAME_WORD.pattern() + ")*");
    /** Words that come before a person's name in news text: titles, ranks, offices. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "prof", "sir", "president", "prime",
            "minister", "ministers", "secretary", "general", "gen", "brig", "brigadier", "major", "maj", "lieutenant",
            "lt", "colonel", "col", "captain", "capt", "commander", "chief", "sheikh", "king", "queen", "prince",
            "senator", "sen", "governor", "gov", "ambassador", "defense", "defence", "foreign", "interior", "deputy",
            "head", "official", "spokesman", "spokeswoman", "director", "chairman", "leader", "ayatollah", "imam",
            "judge", "vice", "the", "a", "an", "former", "late", "top", "senior", "army", "navy", "air", "force");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");
    private static final Set<String> QUESTION_WORDS = Set.of("who", "whom", "whose", "what", "which", "when", "where",
            "why", "how", "did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "can", "could", "will",
            "would", "should", "and", "but", "also", "according", "in", "on", "at", "list", "name", "tell", "give", "i");

    @Override
    public String standalone(String question, List<Turn> history) {
        String q = question.strip();
        if (history.isEmpty() || q.isEmpty()) {
            return q;
        }
        Turn previous = history.getLast();
        String context = topic(previous.searched());
        List<String> contextNames = names(context, false);

        if (isElliptical(q)) {
            return completeEllipsis(q, context);
        }
        String rewritten = q;
        if (PERSON_PRONOUN.matcher(rewritten).find() && names(q, true).isEmpty()
                && !referentBefore(q, PERSON_PRONOUN)) {
            Optional<String> person = person(previous);
            if (person.isPresent()) {
                rewritten = replacePersonPronouns(rewritten, person.get());
            }
        }
        if (GROUP_PRONOUN.matcher(rewritten).find() && !contextNames.isEmpty() && names(q, false).isEmpty()) {
            String group = String.join(" and ", contextNames);
            rewritten = GROUP_PRONOUN.matcher(rewritten).replaceAll(m -> Matcher.quoteReplacement(
                    m.group(1).equalsIgnoreCase("their") ? group + "'s" : group));
        }
        if (rewritten.equals(q) && names(q, false).isEmpty() && Analysis.terms(q).size() < 3
                && (THING_PRONOUN.matcher(q).find() || BARE_QUESTION.matcher(q).matches())) {
            // "when was it signed?", "Why?": too few words of its own; the subject is the last question's. A
            // question with words enough is left alone, since added words dilute what an answer must cover.
            rewritten = stripEnd(q) + " (" + stripEnd(context) + ")" + end(q);
        }
        return rewritten;
    }

    /**
     * Whether a question needs earlier turns to be understood: a pronoun with no name before it in the question
     * itself, an ellipsis ("and in 2017?", "what about Turkey?"), or a bare question word ("Why?"). "What did
     * Obeidi say during his visit?" is self-contained: "his" has its referent inside the question.
     */
    public static boolean needsContext(String question) {
        String q = question == null ? "" : question.strip();
        if (q.isEmpty()) {
            return false;
        }
        if (isElliptical(q) || BARE_QUESTION.matcher(q).matches()) {
            return true;
        }
        for (Pattern pronoun : List.of(PERSON_PRONOUN, GROUP_PRONOUN, THING_PRONOUN)) {
            if (pronoun.matcher(q).find() && !referentBefore(q, pronoun)) {
                return true;
            }
        }
        return false;
    }

    /** A name stands in the question before its first pronoun of this kind, so the pronoun refers to it. */
    private static boolean referentBefore(String q, Pattern pronoun) {
        Matcher m = pronoun.matcher(q);
        return m.find() && !names(q.substring(0, m.start())).isEmpty();
    }

    /** Whether a word is one that opens a question or a follow-up ("why", "does", "and", "what"). */
    public static boolean opensAQuestion(String word) {
        String w = word.strip();
        return QUESTION_START.matcher(w).matches() || ELLIPSIS_START.matcher(w).replaceFirst("").isEmpty();
    }

    private static boolean isElliptical(String q) {
        String rest = ELLIPSIS_START.matcher(q).replaceFirst("");
        if (!rest.equals(q) && wordCount(rest) <= 4) {
            return !QUESTION_START.matcher(rest).find(); // "and where was it signed?" is a whole question
        }
        return wordCount(q) <= 3 && !QUESTION_START.matcher(q).find();
    }

    /** What a searched question is about: the carried part of a rewritten one, so carrying never nests. */
    private static String topic(String searched) {
        Matcher carried = CARRIED.matcher(searched.strip());
        return carried.matches() ? carried.group(1) + carried.group(2) : searched;
    }

    /** The last question with the fragment's year or name swapped in, or the fragment added. */
    private static String completeEllipsis(String q, String context) {
        String fragment = stripEnd(ELLIPSIS_START.matcher(q).replaceFirst("")).strip();
        if (fragment.isEmpty()) {
            return context;
        }
        Matcher year = YEAR.matcher(fragment);
        if (year.find()) {
            Matcher old = YEAR.matcher(context);
            if (old.find()) {
                return old.replaceAll(year.group(1));
            }
            return stripEnd(context) + " " + fragment + end(context);
        }
        List<String> fragmentNames = names(fragment, false);
        List<String> contextNames = names(context, false);
        if (!fragmentNames.isEmpty() && !contextNames.isEmpty() && wordCount(fragment) <= 3) {
            String last = contextNames.getLast();
            int at = context.lastIndexOf(last);
            return context.substring(0, at) + fragmentNames.getFirst() + context.substring(at + last.length());
        }
        return stripEnd(context) + " " + fragment + end(context);
    }

    /** A run of capitalised words taken as a name; {@code titled} when a title or rank stood before it. */
    record Name(String text, boolean titled, int words) {
        boolean personLike() {
            return titled || words >= 2;
        }
    }

    /**
     * The person the previous turn was about. A name that follows a title (Minister, Gen.) is surely a person:
     * first such a name in its question, then in its answer, then before the cited sentence in its passage (an
     * answer that says "he"); failing those, any two-word name in the question, then in the answer.
     */
    static Optional<String> person(Turn previous) {
        List<Name> asked = names(previous.searched());
        List<Name> answered = List.of();
        List<Name> cited = new ArrayList<>();
        if (previous.answer() != null && !previous.answer().abstained()) {
            answered = names(previous.answer().text().replaceAll("\\[\\d+(?:\\s*[,;]\\s*\\d+)*\\]", " "));
            for (Citation citation : previous.answer().citations()) {
                String passage = citation.passage().text().replaceAll("\\s+", " ");
                String sentence = citation.sentence() == null ? "" : citation.sentence().replaceAll("\\s+", " ").strip();
                int at = sentence.isEmpty() ? -1 : passage.indexOf(sentence.substring(0, Math.min(40, sentence.length())));
                if (at > 0) {
                    cited.addAll(names(passage.substring(0, at)).reversed()); // the nearest name before it first
                }
            }
        }
        for (List<Name> source : List.of(asked, answered, cited)) {
            Optional<Name> titled = source.stream().filter(Name::titled).findFirst();
            if (titled.isPresent()) {
                return Optional.of(titled.get().text());
            }
        }
        for (List<Name> source : List.of(asked, answered, cited)) {
            Optional<Name> named = source.stream().filter(Name::personLike).findFirst();
            if (named.isPresent()) {
                return Optional.of(named.get().text());
            }
        }
        return Optional.empty();
    }

    /** The names of a text as plain strings; with {@code people}, only those that look like a person's. */
    static List<String> names(String text, boolean people) {
        return names(text).stream().filter(n -> !people || n.personLike()).map(Name::text).toList();
    }

    /**
     * Runs of capitalised words in a text, with leading titles removed, and any word that stands before a title,
     * as the title's qualifier ("Iranian Defense Minister Hossein Dehqan" gives "Hossein Dehqan", titled). A first
     * name is kept whatever its ending: "Mehdi Taremi" stays whole.
     */
    static List<Name> names(String text) {
        List<Name> names = new ArrayList<>();
        Matcher m = NAME_RUN.matcher(text);
        while (m.find()) {
            List<String> words = new ArrayList<>(List.of(m.group().split("\\s+")));
            boolean atStart = text.substring(0, m.start()).isBlank();
            int titled = 0;
            while (!words.isEmpty() && (isTitle(words.getFirst()) || (words.size() > 1 && isTitle(words.get(1)))
                    || (atStart && titled == 0 && QUESTION_WORDS.contains(bare(words.getFirst()))))) {
                if (isTitle(words.getFirst()) && !ARTICLES.contains(bare(words.getFirst()))) {
                    titled++;
                }
                words.removeFirst();
            }
            while (!words.isEmpty() && words.getLast().endsWith(".") && isTitle(words.getLast())) {
                words.removeLast();
            }
            if (words.isEmpty()) {
                continue;
            }
            String name = String.join(" ", words).replaceAll("['’]s$", "").replaceAll("[.,]$", "");
            if (names.stream().noneMatch(n -> n.text().equals(name))) {
                names.add(new Name(name, titled > 0, words.size()));
            }
        }
        return names;
    }

    private static boolean isTitle(String word) {
        return TITLES.contains(bare(word));
    }

    private static String bare(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
    }

    private static String replacePersonPronouns(String q, String person) {
        Matcher m = PERSON_PRONOUN.matcher(q);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String pronoun = m.group(1).toLowerCase(Locale.ROOT);
            String after = q.substring(m.end()).strip();
            boolean possessive = pronoun.equals("his") || pronoun.equals("hers")
                    || (pronoun.equals("her") && after.matches("^\\p{L}.*") && !after.matches("^(in|on|at|to|by|for|from|with|as|and|or)\\b.*"));
            m.appendReplacement(out, Matcher.quoteReplacement(possessive ? person + "'s" : person));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int wordCount(String text) {
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static String stripEnd(String text) {
        return text.strip().replaceAll("[?.!]+$", "");
    }

    private static String end(String text) {
        String t = text.strip();
        return t.endsWith("?") ? "?" : t.endsWith(".") ? "." : "";
    }
}
