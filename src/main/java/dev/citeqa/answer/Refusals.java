package dev.citeqa.answer;

import java.util.List;

/**
 * The words of a decline. The offline reader never follows instructions, whether found in a document or a question:
 * it only quotes what answers, so a question that asks it to do something else finds no answering sentence and is
 * declined like any other. For the LLM providers the prompt and the citation check guard against such text.
 */
public final class Refusals {

    public static final String NOT_IN_DOCUMENTS = "The documents do not answer this question.";

    private Refusals() {
    }

    /** A decline naming what the question asks about that no retrieved passage mentions. */
    public static String notMentioned(List<String> missing) {
        return "The documents do not answer this question: they do not mention " + String.join(" or ",
                missing.stream().distinct().toList()) + ".";
    }

    /** A decline for a question whose event the documents place at another date than the one asked. */
    public static String otherDate(String asked) {
        return "The documents do not answer this question: what they report took place at another date than "
                + asked + ".";
    }
}
