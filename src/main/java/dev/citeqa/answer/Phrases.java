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
                    + "(?:[$€£¥]\\s?)?(?:\\d(?:[\\d,]*\\d)?(?:\\.\\d+)?|(?:" + SPELLED + ")(?:[- ](?:" + SPELLED + "))*)"
                    + "(?:\\s?(?:%|percent|per cent|million|billion|trillion|thousand|hundred))?"
                    + "(?:\\s+(?!" + NOT_A_UNIT + ")[a-z][a-z-]+(?:\\s+(?!" + NOT_A_UNIT + ")[a-z][a-z-]+)?)?",
            Pattern.CASE_INSENSITIVE);
    /**
     * A run of capitalised words, with the small words names carry inside ("of", "al-", "de", "bin"), and the full
     * stop of a title before the next capitalised word ("Rev. Sykes", "Brig. Gen. Hamid Taqavi": within one sentence
     * such a stop ends an abbreviation, not the sentence).
     */
    private static final Pattern CAPITALISED = Pattern.compile(
            "(?<![\\p{L}\\d_'’-])(?:(?:al-|el-|Al-|El-)?\\p{Lu}[\\p{L}'’.-]*\\p{L}(?:\\.(?=\\s+\\p{Lu}))?|\\p{Lu}\\.?)"
                    + "(?:\\s+(?:(?:of|the|de|del|da|di|du|van|von|der|den|la|le|bin|ibn|bint|al|el|y)\\s+)*"
                    + "(?:(?:al-|el-|Al-|El-)?\\p{Lu}[\\p{L}'’.-]*\\p{L}(?:\\.(?=\\s+\\p{Lu}))?|\\p{Lu}\\.(?=\\s+\\p{Lu})))*");
    static final Pattern PLACE_BEFORE = Pattern.compile("(?:\\b(?:in|at|from|near|to|into|outside|inside"
            + "|across|towards?|of)\\s+(?:the\\s+)?)$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> MONTHS_AND_DAYS = Set.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun");
    /**
     * English words of closed classes (articles, pronouns, prepositions, conjunctions, quantifiers, number words) and
     * sentence adverbs: written in capitals when they open a sentence ("Despite Tom's conviction", "Both Austen and"),
     * they name nothing. Language, not any folder's words.
     */
    private static final Pattern FUNCTION_WORD = Pattern.compile(
            "(?i)(the|a|an|he|she|it|they|we|i|you|this|that|these|those|his|her|its|their|our|my|your|in|on|at|but"
                    + "|and|or|nor|if|when|while|after|before|as|for|with|by|from|there|here|then|yet|so|also|however"
                    + "|despite|although|though|because|since|unless|until|during|under|over|above|below|between"
                    + "|among|through|throughout|within|without|against|towards?|upon|about|into|onto|across|along"
                    + "|around|behind|beyond|near|both|each|every|either|neither|all|any|some|many|most|much|few"
                    + "|several|other|another|such|no|not|one|two|three|four|five|six|seven|eight|nine|ten|first"
                    + "|second|third|last|next|meanwhile|moreover|furthermore|thus|therefore|hence|instead|indeed"
                    + "|perhaps|still|even|only|just|later|earlier|today|now|once|whereas|whether|where|what|which"
                    + "|who|whom|whose|why|how|following|according|like|unlike|besides|beside|except|via|per|to|of"
                    + "|do|does|did|is|are|was|were|has|have|had|can|could|should|would|must|might)");
    /** Quotes and brackets that may stand before a sentence's first word. */
    private static final Pattern SENTENCE_OPENING = Pattern.compile("[\\s\"'“‘(\\[]*");
    /** A possessive ending: "Tom's" names Tom. */
    private static final Pattern POSSESSIVE = Pattern.compile("(?:['’]s|s['’])$");

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
            case CODE -> code(sentence);
            case ACRONYM, YES_NO, OTHER -> List.of();
        };
    }

    /**
     * The words an abbreviation stands for, where the text defines it: "Distinguished Encoding Rules (DER)",
     * "Distinguished Encoding Rules (DER, as per X.690)" or "DER (Distinguished Encoding Rules)". The words' initials must spell the abbreviation's first letters.
     */
    public static List<Phrase> expansions(String sentence, String acronym) {
        List<Phrase> out = new ArrayList<>();
        String letters = acronym.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
        if (letters.length() < 2) {
            return out;
        }
        String a = Pattern.quote(acronym);
        Matcher before = Pattern.compile("((?:[\\p{L}][\\p{L}'-]*\\s+){1,8}?)\\(\\s*" + a + "\\s*(?:[,;][^()]{0,60})?\\)").matcher(sentence);
        while (before.find()) {
            String[] words = before.group(1).strip().split("\\s+");
            // the shortest run of last words whose initials spell the abbreviation, small words allowed inside
            for (int from = words.length - 1; from >= 0; from--) {
                String run = String.join(" ", java.util.Arrays.asList(words).subList(from, words.length));
                if (initials(run).equals(letters)) {
                    int start = sentence.lastIndexOf(run, before.start(1) + before.group(1).length());
                    out.add(new Phrase(run, start, start + run.length(), AnswerType.ACRONYM));
                    break;
                }
            }
        }
        Matcher after = Pattern.compile(a + "\\s*\\(([^()]{3,80})\\)").matcher(sentence);
        while (after.find()) {
            if (initials(after.group(1)).equals(letters)) {
                out.add(new Phrase(after.group(1).strip(), after.start(1), after.end(1), AnswerType.ACRONYM));
            }
        }
        return out;
    }

    /** The first letters of a phrase's words, small words ("of", "for", "and", "the") left out. */
    private static String initials(String phrase) {
        StringBuilder out = new StringBuilder();
        for (String word : phrase.split("[\\s-]+")) {
            if (word.isEmpty() || word.matches("(?i)of|for|and|the|de|du|des|la|le|in|on|to|a|an|&")) {
                continue;
            }
            out.append(Character.toLowerCase(word.charAt(0)));
        }
        return out.toString();
    }

    private static List<Phrase> matches(String sentence, Pattern pattern, AnswerType type) {
        List<Phrase> out = new ArrayList<>();
        Matcher m = pattern.matcher(sentence);
        while (m.find()) {
            out.add(new Phrase(m.group().strip(), m.start(), m.end(), type));
        }
        return out;
    }

    /**
     * Words written as code: a span in backticks, an option ("--force", "-g"), a name with an underscore or call
     * brackets (asn1_get_length_der, parse()), a file name with a common extension. A bare inner capital is left
     * out: prose writes brands that way (iPod, eBay).
     */
    private static final Pattern CODE_WORD = Pattern.compile("`([^`\\n]{1,60})`"
            + "|(?<![\\w`-])(--?[a-zA-Z][\\w-]*|[A-Za-z_][\\w.]*\\(\\)|[A-Za-z][\\w]*_[\\w]+"
            + "|[\\w-]+\\.(?:json|ya?ml|toml|ini|cfg|conf|xml|txt|md|js|mjs|ts|py|java|sh|c|h|rs|go|rb|lock|env))"
            + "(?![\\w`])");

    private static List<Phrase> code(String sentence) {
        List<Phrase> out = new ArrayList<>();
        Matcher m = CODE_WORD.matcher(sentence);
        while (m.find()) {
            int group = m.group(1) != null ? 1 : 2;
            String text = m.group(group).strip();
            if (!text.isEmpty()) {
                out.add(new Phrase(text, m.start(group), m.end(group), AnswerType.CODE));
            }
        }
        return out;
    }

    private static final Pattern SHARE = Pattern.compile("%|\\bper ?cent\\b", Pattern.CASE_INSENSITIVE);

    private static List<Phrase> numbers(String sentence) {
        List<Phrase> out = new ArrayList<>();
        List<Phrase> dates = matches(sentence, DATE, AnswerType.DATE);
        for (Phrase p : matches(sentence, NUMBER, AnswerType.NUMBER)) {
            // a year, or a day inside a date ("Sept. 8, 2014"), is not an amount
            if (p.text().matches("(1[0-9]|20)\\d\\d") || dates.stream().anyMatch(d -> d.start() < p.end()
                    && p.start() < d.end())) {
                continue;
            }
            // "30.69% came": a share's unit is its percent sign; a word after it is the sentence's
            Matcher share = SHARE.matcher(p.text());
            if (share.find() && share.end() < p.text().length()) {
                String shorter = p.text().substring(0, share.end());
                out.add(new Phrase(shorter, p.start(), p.start() + shorter.length(), AnswerType.NUMBER));
                continue;
            }
            // "two countries regarding": an amount names what it counts with one word, two when the first is no noun
            String[] words = p.text().split("\\s+");
            if (words.length >= 3 && words[words.length - 2].matches("\\p{Ll}+s") && words[words.length - 1]
                    .matches("\\p{Ll}[\\p{Ll}-]+")) {
                String shorter = p.text().substring(0, p.text().lastIndexOf(' '));
                out.add(new Phrase(shorter, p.start(), p.start() + shorter.length(), AnswerType.NUMBER));
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
            boolean opensSentence = SENTENCE_OPENING.matcher(sentence.substring(0, start)).matches();
            while (from < to && (common(words[from], lowerCaseWords)
                    || (from == 0 && opensSentence && functionWord(words[from])))) {
                from++;
            }
            while (to > from && common(words[to - 1], lowerCaseWords)) {
                to--;
            }
            if (from >= to) {
                continue;
            }
            String phrase = String.join(" ", java.util.Arrays.asList(words).subList(from, to));
            Matcher possessive = POSSESSIVE.matcher(phrase);
            if (possessive.find()) {
                phrase = phrase.substring(0, possessive.start() + (possessive.group().startsWith("s") ? 1 : 0));
            }
            if (to - from == 1 && functionWord(phrase)) {
                continue;
            }
            int phraseStart = sentence.indexOf(phrase, start);
            if (phraseStart < 0) {
                continue;
            }
            start = phraseStart;
            end = phraseStart + phrase.length();
            if (MONTHS_AND_DAYS.contains(phrase.toLowerCase(Locale.ROOT).replaceAll("\\.$", ""))) {
                continue;
            }
            boolean afterPlaceWord = PLACE_BEFORE.matcher(sentence.substring(Math.max(0, start - 16), start)).find();
            if (type == AnswerType.PLACE && !afterPlaceWord) {
                continue;
            }
            if (type == AnswerType.PERSON && to - from == 1) {
                continue; // without a model of names, a lone capitalised word is as often a country as a person
            }
            out.add(new Phrase(phrase, start, end, type));
        }
        return out;
    }

    /** A closed-class word written as a sentence opens ("Despite", "Both"), not in capitals ("IT", "US"). */
    private static boolean functionWord(String word) {
        return word.matches("\\p{Lu}\\p{Ll}*") && FUNCTION_WORD.matcher(word).matches();
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
