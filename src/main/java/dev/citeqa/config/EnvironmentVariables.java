package dev.citeqa.config;

/**
 * Where API keys and server URLs come from. Keys are read only from here, never from application.yml, so they stay
 * out of files that get committed or shared; tests pass their own variables.
 */
@FunctionalInterface
public interface EnvironmentVariables {

    /** The variable's value, or null when it is not set. */
    String get(String name);

    static EnvironmentVariables system() {
        return System::getenv;
    }
}
