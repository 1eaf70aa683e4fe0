package dev.citeqa.answer;

import java.time.Duration;

import dev.langchain4j.exception.HttpException;

/**
 * An error status from a provider, with the wait it asked for. LangChain4j's own exception keeps only the status and
 * body, and a 429 is only honoured properly with its Retry-After header.
 */
final class ProviderHttpException extends HttpException {

    private final transient Duration retryAfter;

    ProviderHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    /** The wait the provider asked for, or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
