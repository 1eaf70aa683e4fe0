package dev.citeqa.answer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.citeqa.answer.ProviderFailure.Kind;
import dev.citeqa.cite.CitationChecker;
import dev.citeqa.cite.CitedAnswer;
import dev.citeqa.cite.LiveCitations;
import dev.citeqa.config.ProviderKind;

/** What happens when a provider misbehaves: retried when it may help, else one plain line saying what went wrong. */
@WireMockTest
class ProviderFaultTest {

    private static final String CHAT = "/v1/chat/completions";
    private final Fixtures.RecordingPause pause = new Fixtures.RecordingPause();

    private LlmAnswerer openAi(WireMockRuntimeInfo wm, boolean stream, int retries, Duration timeout) {
        return Fixtures.answerer(Fixtures.settings(ProviderKind.OPENAI, wm.getHttpBaseUrl() + "/v1", stream, retries,
                timeout), pause);
    }

    private static void reply(int status, String contentType, String body) {
        stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    private static String openAiError(String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"server_error\",\"code\":null}}";
    }

    @Test
    void rateLimitedThenAnswersAfterWaitingAsLongAsRetryAfterSays(WireMockRuntimeInfo wm) {
        stubFor(post(urlEqualTo(CHAT)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json")
                        .withBody(openAiError("Rate limit reached for gpt-4.1-mini on requests per min (RPM).")))
                .willSetStateTo("cooled down"));
        stubFor(post(urlEqualTo(CHAT)).inScenario("429").whenScenarioStateIs("cooled down")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(OpenAiContractTest.streamedAnswer())));

        Reply reply = openAi(wm, true, 3, Duration.ofSeconds(5)).answer(Fixtures.request());

        assertThat(reply.text()).isEqualTo(OpenAiContractTest.ANSWER);
        assertThat(pause.waits).containsExactly(Duration.ofSeconds(2));
        verify(2, postRequestedFor(urlEqualTo(CHAT)));
    }

    @Test
    void serverErrorsUntilRetriesRunOutEndInOneLineWithTheProvidersMessage(WireMockRuntimeInfo wm) {
        reply(500, "application/json", openAiError("The server had an error while processing your request."));

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> openAi(wm, false, 2, Duration.ofSeconds(5)).answer(Fixtures.request()));

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.getMessage()).isEqualTo("openai (gpt-4.1-mini) failed after 3 attempts (HTTP 500: The server "
                + "had an error while processing your request.). Ask again later, or answer offline with --provider "
                + "extractive (in the shell: provider extractive).");
        assertThat(failure.getCause()).isNull();
        // doubling waits from the configured 10 ms
        assertThat(pause.waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
        verify(3, postRequestedFor(urlEqualTo(CHAT)));
    }

    @Test
    void aRetryAfterLongerThanTheLimitIsReportedNotWaitedFor(WireMockRuntimeInfo wm) {
        stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")
                .withBody(openAiError("You exceeded your current quota."))));

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> openAi(wm, true, 3, Duration.ofSeconds(5)).answer(Fixtures.request()));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.getMessage()).startsWith("openai (gpt-4.1-mini) is limiting requests (HTTP 429: You "
                + "exceeded your current quota.) and asks to wait 3600 s.");
        assertThat(pause.waits).isEmpty();
        verify(1, postRequestedFor(urlEqualTo(CHAT)));
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsRetriedThenReported(WireMockRuntimeInfo wm) {
        stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiContractTest.completion(OpenAiContractTest.ANSWER, "stop"))));

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> openAi(wm, false, 1, Duration.ofMillis(300)).answer(Fixtures.request()));

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.attempts()).isEqualTo(2);
        assertThat(failure.getMessage()).startsWith("openai (gpt-4.1-mini) did not answer in time after 2 attempts "
                + "(no reply within 300 ms). Ask again, raise citeqa.providers.openai.timeout");
    }

    @Test
    void aStreamThatSendsNothingInTimeIsRetriedThenReported(WireMockRuntimeInfo wm) {
        // the status line at once, then the events trickling in far slower than the timeout
        stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(OpenAiContractTest.streamedAnswer())
                .withChunkedDribbleDelay(2, 8_000)));
        List<String> shown = new ArrayList<>();

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> openAi(wm, true, 1, Duration.ofMillis(500)).answer(Fixtures.request(), shown::add));

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        // whether the headers or the first event were late, it is the same timeout
        assertThat(failure.getMessage()).containsPattern("did not answer in time after 2 attempts \\(no (data|reply) "
                + "(for|within) 500 ms\\)");
        assertThat(shown).isEmpty();
        assertThat(pause.waits).containsExactly(Duration.ofMillis(10));
        verify(2, postRequestedFor(urlEqualTo(CHAT)));
    }

    @Test
    void malformedJsonIsReportedAsSuch(WireMockRuntimeInfo wm) {
        reply(200, "application/json", "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"Tehran");

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> openAi(wm, false, 2, Duration.ofSeconds(5)).answer(Fixtures.request()));

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(failure.getMessage()).startsWith("openai (gpt-4.1-mini) sent a reply that could not be read "
                + "(malformed: ");
        assertThat(failure.getMessage()).endsWith("nothing was kept. Ask again, or try another model.");
        verify(1, postRequestedFor(urlEqualTo(CHAT)));
    }

    @Test
    void malformedStreamEventIsReportedAsSuch(WireMockRuntimeInfo wm) {
        reply(200, "text/event-stream", Fixtures.sse(OpenAiContractTest.chunk("The agreement", null),
                "{\"choices\":[{\"delta\":{\"content\":\" was sig", "[DONE]"));

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> openAi(wm, true, 2, Duration.ofSeconds(5)).answer(Fixtures.request()));

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(failure.getMessage()).contains("sent a reply that could not be read (malformed");
    }

    @Test
    void aStreamCutInTheMiddleIsReportedAsTruncated(WireMockRuntimeInfo wm) {
        // no finish_reason and no [DONE]: the connection simply ends
        reply(200, "text/event-stream", Fixtures.sse(OpenAiContractTest.chunk("The agreement was signed in ", null),
                OpenAiContractTest.chunk("Tehran [2]. Iran", null)));
        List<String> shown = new ArrayList<>();

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> openAi(wm, true, 2, Duration.ofSeconds(5)).answer(Fixtures.request(), shown::add));

        assertThat(String.join("", shown)).isEqualTo("The agreement was signed in Tehran [2]. Iran");
        assertThat(failure.kind()).isEqualTo(Kind.CUT_OFF);
        assertThat(failure.getMessage()).isEqualTo("openai (gpt-4.1-mini) sent an incomplete reply (truncated: the "
                + "stream ended after 44 characters without the provider's end-of-reply marker); it was not kept. "
                + "Ask again.");
        verify(1, postRequestedFor(urlEqualTo(CHAT)));
    }

    @Test
    void anAnthropicStreamWithoutItsStopEventIsReportedAsTruncated(WireMockRuntimeInfo wm) {
        AnthropicContractTest.stub("text/event-stream", Fixtures.sse(AnthropicContractTest.START,
                AnthropicContractTest.BLOCK_START, AnthropicContractTest.delta("The agreement was signed in Tehran")));
        LlmAnswerer answerer = Fixtures.answerer(Fixtures.settings(ProviderKind.ANTHROPIC, wm.getHttpBaseUrl() + "/v1",
                true), pause);

        assertThatThrownBy(() -> answerer.answer(Fixtures.request()))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.CUT_OFF))
                .hasMessageContaining("sent an incomplete reply (truncated: the stream ended after 34 characters");
    }

    @Test
    void anOllamaStreamWithoutItsDoneLineIsReportedAsTruncated(WireMockRuntimeInfo wm) {
        OllamaContractTest.stub(OllamaContractTest.line("The agreement was signed", false) + "\n");
        LlmAnswerer answerer = Fixtures.answerer(Fixtures.settings(ProviderKind.OLLAMA, wm.getHttpBaseUrl(), true),
                pause);

        assertThatThrownBy(() -> answerer.answer(Fixtures.request()))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.CUT_OFF));
    }

    @Test
    void anOllamaLineThatIsNotJsonIsReportedAsMalformed(WireMockRuntimeInfo wm) {
        OllamaContractTest.stub("{\"model\":\"llama3.2\",\"message\":{\"content\":\"The agr\n");
        LlmAnswerer answerer = Fixtures.answerer(Fixtures.settings(ProviderKind.OLLAMA, wm.getHttpBaseUrl(), true),
                pause);

        assertThatThrownBy(() -> answerer.answer(Fixtures.request()))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.MALFORMED));
    }

    @Test
    void anErrorEventInTheStreamIsReportedWithTheProvidersMessage(WireMockRuntimeInfo wm) {
        reply(200, "text/event-stream", Fixtures.sse("event: error\ndata: {\"error\":{\"message\":\"The model is "
                + "overloaded, try again\"}}"));

        assertThatThrownBy(() -> openAi(wm, true, 2, Duration.ofSeconds(5)).answer(Fixtures.request()))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.OTHER))
                .hasMessage("openai (gpt-4.1-mini) failed: The model is overloaded, try again.");
    }

    @Test
    void aServerThatIsNotRunningIsNamedWithItsUrlAndNotRetried() {
        LlmAnswerer answerer = Fixtures.answerer(Fixtures.settings(ProviderKind.OLLAMA, "http://127.0.0.1:1", true),
                pause);

        assertThatThrownBy(() -> answerer.answer(Fixtures.request()))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.UNREACHABLE))
                .hasMessage("Cannot reach ollama at http://127.0.0.1:1 (connection refused): is the server running and "
                        + "the URL right? Or answer offline with --provider extractive (in the shell: provider "
                        + "extractive).");
        assertThat(pause.waits).isEmpty();
    }

    @Test
    void anEmptyReplyIsReportedNotShownAsAnAnswer(WireMockRuntimeInfo wm) {
        reply(200, "application/json", OpenAiContractTest.completion("", "stop"));

        assertThatThrownBy(() -> openAi(wm, false, 2, Duration.ofSeconds(5)).answer(Fixtures.request()))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.EMPTY))
                .hasMessage("openai (gpt-4.1-mini) sent an empty reply (finish reason stop). Ask again, or try "
                        + "another model.");
    }

    @Test
    void anEmptyStreamIsReportedNotShownAsAnAnswer(WireMockRuntimeInfo wm) {
        reply(200, "text/event-stream", Fixtures.sse(OpenAiContractTest.chunk("", null),
                OpenAiContractTest.chunk(null, "stop"), "[DONE]"));

        assertThatThrownBy(() -> openAi(wm, true, 2, Duration.ofSeconds(5)).answer(Fixtures.request()))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.EMPTY));
    }

    @Test
    void aCitationToAPassageThatWasNotSentIsRemovedAndReported(WireMockRuntimeInfo wm) {
        String text = "Iran agreed to help rebuild Iraq's depleted military [9]. The agreement was signed in Tehran [2].";
        reply(200, "text/event-stream", Fixtures.sse(OpenAiContractTest.chunk(text, null),
                OpenAiContractTest.chunk(null, "stop"), "[DONE]"));
        StringBuilder shown = new StringBuilder();
        LiveCitations live = new LiveCitations(Fixtures.context().size(), shown::append);

        Reply reply = openAi(wm, true, 2, Duration.ofSeconds(5)).answer(Fixtures.request(), live);
        live.finish();
        CitedAnswer checked = CitationChecker.check(Fixtures.QUESTION, reply, Fixtures.context());

        assertThat(checked.unknownMarkers()).containsExactly(9);
        assertThat(checked.text()).isEqualTo("Iran agreed to help rebuild Iraq's depleted military. The agreement was "
                + "signed in Tehran [1].");
        assertThat(checked.citations()).singleElement()
                .satisfies(c -> assertThat(c.passage().id()).isEqualTo(Fixtures.context().get(1).passage().id()));
        assertThat(checked.sentences().getFirst().flagged()).isTrue();
        assertThat(checked.unsupported()).isEqualTo(1);
        // what streamed to the screen already had [9] dropped and [2] shown as the checked answer's [1]
        assertThat(shown.toString()).doesNotContain("[9]").contains("signed in Tehran [1].");
    }
}
