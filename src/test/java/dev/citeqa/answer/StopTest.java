package dev.citeqa.answer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import dev.citeqa.config.ProviderKind;

/** Ctrl-C raises the stop signal: a running answer ends at once and the answerer can be used again. */
@WireMockTest
class StopTest {

    @Test
    void stoppingAWaitingAnswerEndsItAndTheAnswererStillWorks(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200).withFixedDelay(30_000)
                .withHeader("Content-Type", "text/event-stream").withBody(OpenAiContractTest.streamedAnswer())));
        LlmAnswerer answerer = Fixtures.answerer(Fixtures.settings(ProviderKind.OPENAI, wm.getHttpBaseUrl() + "/v1",
                true, 2, Duration.ofSeconds(60)), new Fixtures.RecordingPause());
        StopSignal stop = new StopSignal();

        CompletableFuture<Reply> running = CompletableFuture.supplyAsync(
                () -> answerer.answer(Fixtures.request(), token -> { }, stop));
        Thread.sleep(300);
        stop.stop();

        assertThatThrownBy(() -> running.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(AnswerStopped.class)
                .cause().hasMessage("Stopped; this answer was not kept. Ask again, or ask something else.");

        OpenAiContractTest.stubStream(OpenAiContractTest.streamedAnswer());
        assertThat(answerer.answer(Fixtures.request()).text()).isEqualTo(OpenAiContractTest.ANSWER);
    }

    @Test
    void stoppingDuringTheWaitBeforeARetryEndsIt() {
        StopSignal stop = new StopSignal();
        stop.stop();

        assertThatThrownBy(() -> Pause.sleeping().pause(Duration.ofSeconds(30), stop))
                .isInstanceOf(AnswerStopped.class);
    }
}
