package dev.citeqa.shell;

/** A passage with its cited sentence marked. */
final class PassagePlace {

    static final String MARK_START = ">>> ";
    static final String MARK_END = " <<<";

    private PassagePlace() {
    }

    /** The passage text with the cited sentence between markers (whitespace may differ inside the sentence). */
    static String marked(String passage, String sentence) {
        if (sentence == null || sentence.isBlank()) {
            return passage;
        }
        String pattern = java.util.regex.Pattern.quote(sentence.strip()).replace(" ", "\\E\\s+\\Q");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(passage);
        if (!m.find()) {
            return passage;
        }
        return passage.substring(0, m.start()) + MARK_START + m.group() + MARK_END + passage.substring(m.end());
    }
}
