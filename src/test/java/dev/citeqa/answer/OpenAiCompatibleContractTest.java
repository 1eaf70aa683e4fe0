package dev.citeqa.answer;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import dev.citeqa.cite.CitationChecker;
import dev.citeqa.cite.CitedAnswer;
import dev.citeqa.config.Problem;
import dev.citeqa.config.ProviderKind;
import dev.citeqa.config.ProviderSettings;

/** A local OpenAI-compatible server (vLLM, LM Studio, llama.cpp): its URL from the environment, a key only if set. */
@WireMockTest
class OpenAiCompatibleContractTest {

    private static ProviderSettings local(String url, String key, boolean stream) {
        Map<String, String> env = key == null ? Map.of("OPENAI_COMPATIBLE_BASE_URL", url)
                : Map.of("OPENAI_COMPATIBLE_BASE_URL", url, "OPENAI_COMPATIBLE_API_KEY", key);
        return ProviderSettings.resolve(ProviderKind.OPENAI_COMPATIBLE, "qwen2.5-7b-instruct", null,
                Fixtures.properties(stream, 1, Duration.ofSeconds(5)), env::get);
    }

    @Test
    void plainReplyFromTheUrlInTheEnvironmentWithoutAKey(WireMockRuntimeInfo wm) {
        OpenAiContractTest.stubPlain(OpenAiContractTest.completion(OpenAiContractTest.ANSWER, "stop"));
        LlmAnswerer answerer = Fixtures.answerer(local(wm.getHttpBaseUrl() + "/v1", null, false),
                new Fixtures.RecordingPause());

        CitedAnswer checked = CitationChecker.check(Fixtures.QUESTION, answerer.answer(Fixtures.request()),
                Fixtures.context());

        assertThat(checked.citations()).extracting(c -> c.passage().id())
                .containsExactly(Fixtures.context().get(1).passage().id(), Fixtures.context().get(0).passage().id());
        verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$.model", equalTo("qwen2.5-7b-instruct")))
                // local servers know max_tokens, not OpenAI's newer max_completion_tokens
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("256"))));
        assertThat(OpenAiContractTest.sentBody().path("messages").get(1).path("content").asText())
                .contains("[1] " + Fixtures.TEXTS.get(0)).contains("Question: " + Fixtures.QUESTION);
    }

    @Test
    void streamedReplyWithTheOptionalKeyAsBearer(WireMockRuntimeInfo wm) {
        OpenAiContractTest.stubStream(OpenAiContractTest.streamedAnswer());
        LlmAnswerer answerer = Fixtures.answerer(local(wm.getHttpBaseUrl() + "/v1", Fixtures.COMPATIBLE_KEY, true),
                new Fixtures.RecordingPause());
        List<String> tokens = new ArrayList<>();

        Reply reply = answerer.answer(Fixtures.request(), tokens::add);

        assertThat(String.join("", tokens)).isEqualTo(OpenAiContractTest.ANSWER);
        assertThat(reply.provider()).isEqualTo("openai-compatible");
        verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + Fixtures.COMPATIBLE_KEY))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
    }

    @Test
    void missingUrlFailsAtOnceNamingTheVariableAndTheOfflineAlternative() {
        assertThatThrownBy(() -> ProviderSettings.resolve(ProviderKind.OPENAI_COMPATIBLE, null, null,
                Fixtures.properties(true, 1, Duration.ofSeconds(5)), name -> null))
                .isInstanceOf(Problem.class)
                .hasMessage("openai-compatible needs the base URL of its server: set OPENAI_COMPATIBLE_BASE_URL "
                        + "(for example http://localhost:8000/v1) or pass --base-url, or answer offline with "
                        + "--provider extractive (in the shell: provider extractive).");
    }
}
