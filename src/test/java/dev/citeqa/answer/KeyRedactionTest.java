package dev.citeqa.answer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import dev.citeqa.answer.ProviderFailure.Kind;
import dev.citeqa.config.ProviderKind;
import dev.citeqa.config.ProviderSettings;

/** A key never shows up in what the program prints, even when a provider echoes the request back. */
@WireMockTest
class KeyRedactionTest {

    private static final String KEY = Fixtures.OPENAI_KEY;
    /** The masked form OpenAI prints for a wrong key. */
    private static final String MASKED = KEY.substring(0, 6) + "*************" + KEY.substring(KEY.length() - 4);

    @Test
    void aProviderEchoingTheKeyInItsErrorBodyDoesNotLeakItIntoTheMessage(WireMockRuntimeInfo wm) {
        stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + MASKED + ". Request was: "
                        + "Authorization: Bearer " + KEY + " key=" + KEY + "\",\"type\":\"invalid_request_error\"}}")));
        ProviderSettings settings = Fixtures.settings(ProviderKind.OPENAI, wm.getHttpBaseUrl() + "/v1", false, 2,
                Duration.ofSeconds(5));

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> Fixtures.answerer(settings, new Fixtures.RecordingPause()).answer(Fixtures.request()));

        assertThat(failure.kind()).isEqualTo(Kind.KEY_REJECTED);
        assertThat(failure.getMessage()).doesNotContain(KEY).doesNotContain(MASKED)
                .doesNotContain(KEY.substring(0, 10))
                .startsWith("openai (gpt-4.1-mini) refused the request (HTTP 401: Incorrect API key provided: "
                        + "[redacted]")
                .contains("check the key in OPENAI_API_KEY");
        assertThat(failure.toString()).doesNotContain(KEY);
        assertThat(failure.getCause()).isNull();
    }

    @Test
    void anEchoInAServerErrorThatIsRetriedDoesNotLeakEither(WireMockRuntimeInfo wm) {
        stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Bad gateway for request with header Authorization: Bearer " + KEY
                        + "</body></html>")));
        ProviderSettings settings = Fixtures.settings(ProviderKind.OPENAI, wm.getHttpBaseUrl() + "/v1", true, 1,
                Duration.ofSeconds(5));

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> Fixtures.answerer(settings, new Fixtures.RecordingPause()).answer(Fixtures.request()));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(failure.getMessage()).contains("HTTP 502: Bad gateway for request with header Authorization: "
                + "Bearer [redacted]").doesNotContain(KEY);
    }

    @Test
    void settingsAndTheirDescriptionNameOnlyTheVariable(WireMockRuntimeInfo wm) {
        ProviderSettings settings = Fixtures.settings(ProviderKind.OPENAI, wm.getHttpBaseUrl() + "/v1", true);

        assertThat(settings.toString()).doesNotContain(KEY).contains("key from OPENAI_API_KEY");
        assertThat(settings.describe()).isEqualTo("openai (model gpt-4.1-mini, " + wm.getHttpBaseUrl()
                + "/v1, key from OPENAI_API_KEY)");
        assertThat(settings.apiKey().toString()).isEqualTo("key from OPENAI_API_KEY");
    }

    @Test
    void redactorTakesOutTheKeyWordsStartingLikeItAndMaskedForms() {
        Redactor redactor = new Redactor(KEY);

        assertThat(redactor.clean("a " + KEY + " b " + KEY.substring(0, 12) + "... c " + MASKED + " d"))
                .isEqualTo("a [redacted] b [redacted] c [redacted] d");
        assertThat(redactor.clean("nothing secret here")).isEqualTo("nothing secret here");
    }
}
