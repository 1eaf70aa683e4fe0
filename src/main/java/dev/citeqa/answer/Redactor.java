package dev.citeqa.answer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes an API key out of text that came back from a provider before it is shown or logged: the whole key, a word
 * that starts like it, and the masked form some providers echo ({@code sk-abc****...wxyz}).
 */
final class Redactor {

    static final String MARK = "[redacted]";

    private final String key;
    private final Pattern startsLikeKey;
    private final Pattern maskedKey;

    Redactor(String key) {
        this.key = key == null || key.isBlank() ? null : key;
        if (this.key != null && this.key.length() >= 12) {
            startsLikeKey = Pattern.compile("\\S*" + Pattern.quote(this.key.substring(0, 8)) + "\\S*");
            maskedKey = Pattern.compile("\\S*[*.…x]{3,}\\S*" + Pattern.quote(this.key.substring(this.key.length() - 4))
                    + "\\b");
        } else {
            startsLikeKey = null;
            maskedKey = null;
        }
    }

    String clean(String text) {
        if (text == null || key == null) {
            return text;
        }
        String out = text.replace(key, MARK);
        if (startsLikeKey != null) {
            out = startsLikeKey.matcher(out).replaceAll(Matcher.quoteReplacement(MARK));
            out = maskedKey.matcher(out).replaceAll(Matcher.quoteReplacement(MARK));
        }
        return out;
    }
}
