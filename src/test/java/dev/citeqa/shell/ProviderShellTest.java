package dev.citeqa.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import dev.citeqa.CiteqaApplication;
import dev.citeqa.answer.Answerers;
import dev.citeqa.answer.Fixtures;
import dev.citeqa.answer.Pause;
import dev.citeqa.config.EnvironmentVariables;

/** The shell as a person uses it, with OpenAI (and Ollama) faked by WireMock and the real seed documents. */
@SpringBootTest(classes = {CiteqaApplication.class, ProviderShellTest.Fakes.class}, properties = {
        "citeqa.docs=seeds",
        "citeqa.data=target/provider-shell-test/index",
        "citeqa.answer.provider=openai",
        "citeqa.providers.openai.retries=1",
        "logging.file.name=target/provider-shell-test/citeqa.log"})
class ProviderShellTest {

    static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());
    static final Path LOG = Path.of("target/provider-shell-test/citeqa.log");

    static {
        SERVER.start();
    }

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("citeqa.answer.base-url", () -> SERVER.baseUrl() + "/v1");
    }

    @TestConfiguration
    static class Fakes {
        @Bean
        EnvironmentVariables environment() {
            return Map.of("OPENAI_API_KEY", Fixtures.OPENAI_KEY)::get;
        }

        @Bean
        Pause pause() {
            return new Fixtures.RecordingPause();
        }

        @Bean
        Launch launch() {
            return Launch.parse(List.of("provider"));
        }
    }

    @Autowired
    ShellSession session;
    @Autowired
    CommandParser parser;
    @Autowired
    Answerers answerers;

    private final StringWriter printed = new StringWriter();

    @BeforeEach
    void fresh() {
        SERVER.resetAll();
    }

    @AfterEach
    void backToOpenAi() {
        answerers.use("openai", null, SERVER.baseUrl() + "/v1");
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    private int run(String line) {
        PrintWriter out = new PrintWriter(printed, true);
        return session.execute(parser.parse(line), out, out);
    }

    private static void answerWith(String contentType, String body) {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    private static String openAiStream(String text) {
        return Fixtures.sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(text)
                + "},\"finish_reason\":null}]}", "{\"model\":\"gpt-4.1-mini-2025-04-14\",\"choices\":[{\"index\":0,"
                + "\"delta\":{},\"finish_reason\":\"stop\"}]}", "[DONE]");
    }

    @Test
    void providerShowsTheActiveOneAndWhatEachOtherNeedsButNoKey() {
        int status = run("provider");

        String out = printed.toString();
        assertThat(status).isZero();
        assertThat(out).contains("Active: openai (model gpt-4.1-mini, " + SERVER.baseUrl()
                + "/v1, key from OPENAI_API_KEY)");
        assertThat(out).containsPattern("\\* openai +gpt-4.1-mini +" + SERVER.baseUrl() + "/v1, OPENAI_API_KEY is set");
        assertThat(out).containsPattern("  anthropic +claude-haiku-4-5-20251001 +not ready: set ANTHROPIC_API_KEY");
        assertThat(out).containsPattern("  openai-compatible +local-model +not ready: set OPENAI_COMPATIBLE_BASE_URL");
        assertThat(out).contains("  extractive").doesNotContain(Fixtures.OPENAI_KEY);
    }

    @Test
    void askStreamsTheAnswerThenTheChecksAndSources() {
        answerWith("text/event-stream", openAiStream("Iran and Iraq signed a military agreement in Tehran [1]. "
                + "The moon is made of cheese [7]."));

        int status = run("ask where did Iran and Iraq sign the military agreement?");

        String out = printed.toString();
        assertThat(status).isZero();
        assertThat(out).startsWith("Iran and Iraq signed a military agreement in Tehran [1]. The moon is made of "
                + "cheese.\n");
        assertThat(out).containsOnlyOnce("signed a military agreement in Tehran");
        assertThat(out).contains("  ! removed citations to passages that were not given: [7]")
                .contains("  ! no source cited for: \"The moon is made of cheese.\"")
                .contains("\nSources:\n [1] ");
        SERVER.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void escapeSequencesInAStreamedReplyNeverReachTheTerminal() {
        answerWith("text/event-stream", Fixtures.sse(
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The agreement was \\u001b[2J\"},"
                        + "\"finish_reason\":null}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\\u001b]0;pwned\\u0007signed in Tehran [1].\"},"
                        + "\"finish_reason\":null}]}",
                "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}", "[DONE]"));

        assertThat(run("ask where was the agreement signed?")).isZero();

        assertThat(printed.toString()).startsWith("The agreement was ").contains("signed in Tehran [1].")
                .doesNotContain("\u001b").doesNotContain("\u0007");
    }

    @Test
    void askJsonNamesProviderAndModelAndNeverTheKey() {
        answerWith("text/event-stream", openAiStream("The agreement was signed in Tehran [1]."));

        run("ask --json where was the agreement signed?");

        JsonNode json = Fixtures.json(printed.toString());
        assertThat(json.path("provider").asText()).isEqualTo("openai");
        assertThat(json.path("model").asText()).isEqualTo("gpt-4.1-mini-2025-04-14");
        assertThat(json.path("answer").asText()).isEqualTo("The agreement was signed in Tehran [1].");
        assertThat(json.path("citations").get(0).path("passage_id").asText()).contains(".txt#");
        assertThat(printed.toString()).doesNotContain(Fixtures.OPENAI_KEY);
    }

    @Test
    void aFailingProviderIsOneLineWithoutTheKeyInOutputOrLogAndTheShellGoesOn() throws IOException {
        SERVER.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"message\":\"upstream failed for Authorization: Bearer " + Fixtures.OPENAI_KEY
                        + "\"}}")));

        int status = run("ask where was the agreement signed?");

        assertThat(status).isEqualTo(1);
        assertThat(printed.toString()).isEqualTo("openai (gpt-4.1-mini) failed after 2 attempts (HTTP 500: upstream "
                + "failed for Authorization: Bearer [redacted]). Ask again later, or answer offline with --provider "
                + "extractive (in the shell: provider extractive).\n");
        String log = Files.readString(LOG);
        assertThat(log).contains("upstream failed for Authorization: Bearer [redacted]").doesNotContain(
                Fixtures.OPENAI_KEY);

        printed.getBuffer().setLength(0);
        answerWith("text/event-stream", openAiStream("The agreement was signed in Tehran [1]."));
        assertThat(run("ask where was the agreement signed?")).isZero();
        assertThat(printed.toString()).startsWith("The agreement was signed in Tehran [1].");
    }

    @Test
    void switchingProviderTakesEffectWithoutARestartAndAMissingKeyKeepsTheCurrentOne() {
        SERVER.stubFor(post(urlEqualTo("/api/chat")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson").withBody("{\"model\":\"qwen3\",\"message\":{\"role\":"
                        + "\"assistant\",\"content\":\"The agreement was signed in Tehran [1].\"},\"done_reason\":"
                        + "\"stop\",\"done\":true}\n")));

        assertThat(run("provider ollama qwen3 --base-url " + SERVER.baseUrl())).isZero();
        assertThat(printed.toString()).isEqualTo("Answers now come from ollama (model qwen3, " + SERVER.baseUrl()
                + ", no key).\n");
        assertThat(run("ask where was the agreement signed?")).isZero();
        SERVER.verify(postRequestedFor(urlEqualTo("/api/chat")));

        printed.getBuffer().setLength(0);
        assertThat(run("provider anthropic")).isEqualTo(1);
        assertThat(printed.toString()).isEqualTo("anthropic needs an API key: set ANTHROPIC_API_KEY in the "
                + "environment, or answer offline with --provider extractive (in the shell: provider extractive).\n");
        assertThat(answerers.active().name()).isEqualTo("ollama");
    }
}
