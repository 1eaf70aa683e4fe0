package dev.citeqa.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrases of a sentence that can answer a typed question: dates, amounts, and capitalised names (people,
 * places, organisations). They are found from the shape of the text (digits, month names, capital letters and the
 * preposition before a name), so they work on any English document.
 */
public final class Phrases {

    /** A phrase of a sentence, {@code start} and {@code end} in the sentence. */
    public record Phrase(String text, int start, int end, AnswerType type) {
    }

    static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November"
            + "|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
    static final String WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private static final Pattern DATE = Pattern.compile(
            "\\b(?:(?:" + WEEKDAY + ",?\\s+)?" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?"
                    + "|(?:" + WEEKDAY + ",?\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+\\d{4})?"
                    + "|" + MONTH + ",?\\s+\\d{4}"
                    + "|\\d{4}-\\d{2}-\\d{2}"
                    + "|(?:the\\s+)?(?:early |late |mid-)?\\d{4}s"
                    + "|(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)\\s+century"
                    + "|(?:1[0-9]|20)\\d\\d(?![\\d,])"
                    + "|" + WEEKDAY + "|" + MONTH + ")\\b");
    private static final String SPELLED = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
            + "|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens?|hundreds|thousands|millions";
    /** Words that end an amount rather than name what it counts ("40 berths were", "20 years before"). */
    private static final String NOT_A_UNIT = "(?:and|or|of|the|a|an|in|on|at|to|for|by|with|from|was|were|is|are"
            + "|be|been|has|have|had|will|would|before|after|since|when|than|that|which|who|as|ago|later|earlier)\\b";
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d])(?:(?:about|around|nearly|almost|over|more than|less than|at least|some|up to)\\s+)?"
                    + "(?:[$€£¥]\\s?)?(?:\\d[\\d,]*(?:\\.\\d+)?|(?:" + SPELLED + ")(?:[- ](?:" + SPELLED + "))*)"
                    + "(?:\\s?(?:%|percent|per cent|million|billion|trillion|thousand|hundred))?"
                    + "(?:\\s+(?!" + NOT_A_UNIT + ")[a-z][a-z-]+(?:\\s+(?!" + NOT_A_UNIT + ")[a-z][a-z-]+)?)?",
            Pattern.CASE_INSENSITIVE);
    /** A run of capitalised words, with the small words names carry inside ("of", "al-", "de", "bin"). */
    private static final Pattern CAPITALISED = Pattern.compile(
            "(?:(?:al-|el-|Al-|El-)?\\p{Lu}[\\p{L}'’.-]*\\p{L}|\\p{Lu}\\.?)(?:\\s+(?:(?:of|the|de|del|da|di|du|van|von|der"
                    + "|den|la|le|bin|ibn|bint|al|el|y)\\s+)*(?:al-|el-|Al-|El-)?\\p{Lu}[\\p{L}'’.-]*\\p{L})*");
    private static final Pattern PLACE_BEFORE = Pattern.compile("(?:\\b(?:in|at|from|near|to|into|outside|inside"
            + "|across|towards?|of)\\s+(?:the\\s+)?)$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> MONTHS_AND_DAYS = Set.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday");
    /** Words that open a sentence in capitals without naming anything. */
    private static final Pattern PRONOUN_OR_ARTICLE = Pattern.compile(
            "(?i)(the|a|an|he|she|it|they|we|i|you|this|that|these|those|his|her|its|their|our|in|on|at|but|and|or"
                    + "|if|when|while|after|before|as|for|with|by|from|there|here|then|yet|so|also|however)");

    private Phrases() {
    }

    /**
     * The phrases of {@code sentence} that could answer a question of {@code type}. {@code lowerCaseWords} are words
     * the documents also write in lower case: a capitalised run is trimmed of them at its edges, so "Defense
     * Minister Ali Shamkhani" gives "Ali Shamkhani" when the documents also say "the minister".
     */
    public static List<Phrase> of(String sentence, AnswerType type, Set<String> lowerCaseWords) {
        return switch (type) {
            case DATE -> matches(sentence, DATE, AnswerType.DATE);
            case NUMBER -> numbers(sentence);
            case PERSON, PLACE, ORGANISATION, NAME -> names(sentence, type, lowerCaseWords);
            case YES_NO, OTHER -> List.of();
        };
    }

    private static List<Phrase> matches(String sentence, Pattern pattern, AnswerType type) {
        List<Phrase> out = new ArrayList<>();
        Matcher m = pattern.matcher(sentence);
        while (m.find()) {
            out.add(new Phrase(m.group().strip(), m.start(), m.end(), type));
        }
        return out;
    }

    private static List<Phrase> numbers(String sentence) {
        List<Phrase> out = new ArrayList<>();
        for (Phrase p : matches(sentence, NUMBER, AnswerType.NUMBER)) {
            // a year or a bare date is not an amount
            if (p.text().matches("(1[0-9]|20)\\d\\d") || DATE.matcher(p.text()).matches()) {
                continue;
            }
            out.add(p);
        }
        return out;
    }

    private static List<Phrase> names(String sentence, AnswerType type, Set<String> lowerCaseWords) {
        List<Phrase> out = new ArrayList<>();
        Matcher m = CAPITALISED.matcher(sentence);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            String[] words = m.group().split("\\s+");
            // trim words at the edges that the documents also write in lower case, and a sentence-opening word
            int from = 0;
            int to = words.length;
            while (from < to && (common(words[from], lowerCaseWords)
                    || (from == 0 && start == 0 && PRONOUN_OR_ARTICLE.matcher(words[from]).matches()))) {
                from++;
            }
            while (to > from && common(words[to - 1], lowerCaseWords)) {
                to--;
            }
            if (from >= to) {
                continue;
            }
            String phrase = String.join(" ", java.util.Arrays.asList(words).subList(from, to));
            int phraseStart = sentence.indexOf(phrase, start);
            if (phraseStart < 0) {
                continue;
            }
            start = phraseStart;
            end = phraseStart + phrase.length();
            if (MONTHS_AND_DAYS.contains(phrase.toLowerCase(Locale.ROOT))) {
                continue;
            }
            boolean afterPlaceWord = PLACE_BEFORE.matcher(sentence.substring(Math.max(0, start - 16), start)).find();
            if (type == AnswerType.PLACE && !afterPlaceWord) {
                continue;
            }
            if (type == AnswerType.PERSON && afterPlaceWord && to - from == 1) {
                continue; // "in Baghdad" is rarely a person
            }
            out.add(new Phrase(phrase, start, end, type));
        }
        return out;
    }

    private static boolean common(String word, Set<String> lowerCaseWords) {
        String w = word.replaceAll("[’'.]s?$", "").toLowerCase(Locale.ROOT);
        return lowerCaseWords.contains(w) || MONTHS_AND_DAYS.contains(w);
    }

    /** Words written in lower case somewhere in these texts (the common nouns and verbs of the documents). */
    public static Set<String> lowerCaseWords(List<String> texts) {
        Set<String> words = new java.util.HashSet<>();
        Pattern word = Pattern.compile("(?<![\\p{L}-])\\p{Ll}[\\p{Ll}'-]*");
        for (String text : texts) {
            Matcher m = word.matcher(text);
            while (m.find()) {
                words.add(m.group());
            }
        }
        return words;
    }
}
