package dev.citeqa.shell;

import org.springframework.boot.SpringBootExceptionReporter;

/**
 * Takes a failed start off Spring's hands: the program's main prints the one line that names the setting or file at
 * fault ({@link Launch#startupFailure}), so Spring's own "Application run failed" with its stack trace, which a
 * failure before logging is set up (a broken application.yml) sends to standard output, is not printed as well.
 */
public final class StartFailureReporter implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        return true;
    }
}
