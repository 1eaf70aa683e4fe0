package dev.citeqa.config;

/**
 * An API key and the environment variable it came from. Its string form names only the variable, so a key never
 * reaches a log line, a report or an error message by being printed.
 */
public record ApiKey(String variable, String value) {

    public ApiKey {
        Settings.require(value != null && !value.isBlank(), variable, "a non-empty API key");
    }

    @Override
    public String toString() {
        return "key from " + variable;
    }
}
