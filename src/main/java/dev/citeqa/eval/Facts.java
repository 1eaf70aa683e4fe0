package dev.citeqa.eval;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The facts rule of a gold question: an answer is correct when, for every group, at least one alternative occurs
 * in its text, ignoring case. Citation markers are taken out and quotes, dashes and spaces made plain first, so
 * "Tehran [1]" and "Iran’s" match "Tehran" and "Iran's".
 */
public final class Facts {

    private static final Pattern MARKER = Pattern.compile("\\s*\\[\\d{1,4}(?:\\s*[,;]\\s*\\d{1,4})*\\]");

    private Facts() {
    }

    /** The groups none of whose alternatives the answer holds; empty when the answer is correct. */
    public static List<List<String>> missing(List<List<String>> facts, String answer) {
        String text = plain(answer);
        return facts.stream()
                .filter(group -> group.stream().noneMatch(alternative -> text.contains(plain(alternative))))
                .toList();
    }

    static String plain(String text) {
        String s = MARKER.matcher(text == null ? "" : text).replaceAll("");
        s = s.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"')
                .replace('–', '-').replace('—', '-').replace('\u00A0', ' ');
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
