package dev.citeqa.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spelling variants of names written in another script (Dehqan, Dehghan, Dahqan; Obeidi, Obaidi). Every
 * capitalised word of a passage is indexed under a sound key (its consonant skeleton after folding q, gh, kh, c
 * and k together); a question word is matched to corpus words with the same key whose spelling is within two
 * edits. The rules are about transliteration in general; no name is listed.
 */
public final class NameVariants {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’]*");
    private static final int MIN_LETTERS = 4;
    private static final int MIN_KEY = 3;
    private static final int MAX_EDITS = 2;

    private NameVariants() {
    }

    /** The words of a text, as written. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Index tokens of a passage: "key term" for each capitalised word, term being its analysed form. */
    public static Set<String> indexTokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String word : words(text)) {
            if (!Character.isUpperCase(word.charAt(0))) {
                continue;
            }
            String key = key(word);
            List<String> terms = Analysis.terms(word);
            if (key != null && terms.size() == 1) {
                tokens.add(key + " " + terms.getFirst());
            }
        }
        return tokens;
    }

    /** The sound key of a word, or null when the word is too short to have a meaningful one. */
    public static String key(String word) {
        String spelled = spelling(word);
        if (spelled.length() < MIN_LETTERS) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        key.append(isVowel(spelled.charAt(0)) ? 'a' : spelled.charAt(0)); // Obeidi and Ubaydi start alike
        for (int i = 1; i < spelled.length(); i++) {
            char c = spelled.charAt(i);
            if (!isVowel(c) && c != key.charAt(key.length() - 1)) {
                key.append(c);
            }
        }
        return key.length() >= MIN_KEY ? key.toString() : null;
    }

    /** Whether a corpus term is a spelling variant of a question word (not the same word, not a derived one). */
    public static boolean variant(String questionWord, String questionTerm, String corpusTerm) {
        if (corpusTerm.equals(questionTerm) || corpusTerm.startsWith(questionTerm)
                || questionTerm.startsWith(corpusTerm)) {
            return false; // Iraq and Iraqi are one word and its derivation, not two spellings
        }
        return EditDistance.between(spelling(questionWord), spelling(corpusTerm)) <= MAX_EDITS;
    }

    /** Whether two words are one name spelled two ways (Dehqan / Dehghan, Obeidi / Obaidi). */
    public static boolean similarSpelling(String a, String b) {
        String x = spelling(a);
        String y = spelling(b);
        String keyA = key(a);
        int edits = Math.min(x.length(), y.length()) >= 6 ? MAX_EDITS : 1; // Hais and Hadi are two people
        return x.equals(y) || (keyA != null && keyA.equals(key(b))) || EditDistance.between(x, y) <= edits;
    }

    private static final java.util.regex.Pattern POSSESSIVE = java.util.regex.Pattern.compile("['’]s$");
    private static final java.util.regex.Pattern NOT_LETTER = java.util.regex.Pattern.compile("[^\\p{L}]");

    /** Lower case letters with the common transliteration alternatives folded: q, gh, kh, c, ck to k; ph to f. */
    static String spelling(String word) {
        String s = NOT_LETTER.matcher(POSSESSIVE.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("")).replaceAll("");
        s = s.replace("gh", "k").replace("kh", "k").replace("ck", "k").replace("ph", "f").replace("ou", "u")
                .replace("ee", "i").replace("ch", "\u0001").replace('q', 'k').replace('c', 'k')
                .replace("\u0001", "ch");
        return s;
    }

    private static boolean isVowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }

}
