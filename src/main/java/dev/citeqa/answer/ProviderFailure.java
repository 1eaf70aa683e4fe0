package dev.citeqa.answer;

import dev.citeqa.config.Problem;

/**
 * A provider could not give an answer: the one line shown says what happened, with the provider's own message, and
 * what to do. It carries no cause, since the causes hold request and response text that may include the key.
 */
public final class ProviderFailure extends Problem {

    /** What went wrong, as the user needs to tell it apart. */
    public enum Kind {
        TIMEOUT, RATE_LIMITED, SERVER_ERROR, NETWORK, UNREACHABLE, KEY_REJECTED, NOT_FOUND, REJECTED, MALFORMED,
        CUT_OFF, EMPTY, OTHER
    }

    private final Kind kind;
    private final int attempts;

    ProviderFailure(Kind kind, int attempts, String message) {
        super(message);
        this.kind = kind;
        this.attempts = attempts;
    }

    public Kind kind() {
        return kind;
    }

    /** Requests sent before giving up. */
    public int attempts() {
        return attempts;
    }
}
