package dev.citeqa.config;

/**
 * Something the user can fix: its message is the one line shown, saying what is wrong and what to do.
 * Never carries a stack trace to the terminal.
 */
public class Problem extends RuntimeException {

    public Problem(String message) {
        super(message);
    }

    public Problem(String message, Throwable cause) {
        super(message, cause);
    }
}
