package dev.citeqa.shell;

/**
 * A one-shot {@code ask} in text mode whose answer was declined: the answer is printed, and the process exits with
 * {@link #EXIT_STATUS} so a script can tell "the documents do not say" from an answer (0) and from an error (1, 2).
 * With --json the status stays 0: the JSON's "abstained" says it.
 */
final class AnswerDeclined extends RuntimeException {

    static final int EXIT_STATUS = 3;

    AnswerDeclined() {
        super("declined", null, false, false);
    }
}
