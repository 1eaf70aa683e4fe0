package dev.citeqa.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises questions that try to steer the assistant away from the documents, and words the refusal. */
public final class Refusals {

    public static final String NOT_IN_DOCUMENTS = "The documents do not answer this question.";
    public static final String OFF_DOCUMENTS =
            "I answer only from the indexed documents, so I cannot do that; ask a question about them.";

    private static final Pattern STEERING = Pattern.compile(
            "\\b(ignore|disregard|forget|bypass|override)\\b.{0,40}\\b(documents?|sources?|passages?|context|instructions?"
                    + "|rules?|prompt|above|previous)\\b"
                    + "|\\b(system|hidden|initial) prompt\\b"
                    + "|\\b(api[ _-]?key|password|secret token)s?\\b"
                    + "|\\byou are now\\b|\\bpretend (to be|you)\\b|\\bact as (an?|the)\\b|\\bjailbreak\\b"
                    + "|\\b(from|use|using) your own (knowledge|opinion)\\b|\\bwithout (using|looking at|the) (the )?documents\\b",
            Pattern.CASE_INSENSITIVE);

    private Refusals() {
    }

    public static boolean isSteering(String question) {
        return STEERING.matcher(question.toLowerCase(Locale.ROOT)).find();
    }
}
