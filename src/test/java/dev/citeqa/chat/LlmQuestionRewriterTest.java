package dev.citeqa.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import dev.citeqa.answer.Answerers;
import dev.citeqa.answer.Fixtures;
import dev.citeqa.answer.Reply;
import dev.citeqa.cite.CitationChecker;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.TestSettings;

/** Follow-ups made standalone by the model with prompts/rewrite.txt, falling back when it cannot help. */
@WireMockTest
class LlmQuestionRewriterTest {

    private static final QuestionRewriter UNCHANGED = (question, history) -> question;

    private static List<Turn> history() {
        String question = "Where was the Iran-Iraq military agreement signed?";
        var answer = CitationChecker.check(question, new Reply("It was signed in Tehran [2].", "m", 0, 0),
                Fixtures.context());
        return List.of(new Turn(question, question, answer, Fixtures.context(), 5, null));
    }

    private static Answerers openAi(WireMockRuntimeInfo wm) {
        CiteqaProperties settings = TestSettings.product(Map.of("citeqa.answer.provider", "openai",
                "citeqa.answer.base-url", wm.getHttpBaseUrl() + "/v1", "citeqa.providers.openai.retries", "0"));
        return new Answerers(settings, Map.of("OPENAI_API_KEY", Fixtures.OPENAI_KEY)::get,
                new Fixtures.RecordingPause());
    }

    private static void modelSays(String text) {
        stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"choices\":[{\"index\":0,\"message\":"
                        + "{\"role\":\"assistant\",\"content\":" + TextNode.valueOf(text) + "},\"finish_reason\":"
                        + "\"stop\"}]}")));
    }

    @Test
    void theModelGetsTheConversationAndItsOneLineIsTheQuestionSearched(WireMockRuntimeInfo wm) {
        modelSays("\"Who signed the Iran-Iraq military agreement in Tehran?\"\n");

        String searched = new LlmQuestionRewriter(openAi(wm), UNCHANGED).standalone("Who signed it?", history());

        assertThat(searched).isEqualTo("Who signed the Iran-Iraq military agreement in Tehran?");
        JsonNode body = Fixtures.json(findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).getFirst()
                .getBodyAsString());
        assertThat(body.path("stream").asBoolean(false)).isFalse();
        String prompt = body.path("messages").get(0).path("content").asText();
        assertThat(prompt).contains("<conversation>\nUser: Where was the Iran-Iraq military agreement signed?\n"
                        + "Assistant: It was signed in Tehran.\n</conversation>")
                .contains("Last question: Who signed it?")
                .contains("Reply with the rewritten question only");
    }

    @Test
    void aFailingModelLeavesTheDecisionToTheFallback(WireMockRuntimeInfo wm) {
        stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));

        String searched = new LlmQuestionRewriter(openAi(wm), (q, h) -> "fallback: " + q)
                .standalone("Who signed it?", history());

        assertThat(searched).isEqualTo("fallback: Who signed it?");
    }

    @Test
    void theAnswererGivenRewritesNotTheActiveOne(WireMockRuntimeInfo wm) {
        modelSays("Who signed the Iran-Iraq military agreement in Tehran?");
        Answerers offline = new Answerers(TestSettings.product(Map.of()), name -> null, new Fixtures.RecordingPause());
        Answerers online = openAi(wm);

        // an evaluation of openai while the shell's active provider is the offline one, and the other way round
        assertThat(new LlmQuestionRewriter(offline, (q, h) -> "rules: " + q)
                .standalone("Who signed it?", history(), online.active()))
                .isEqualTo("Who signed the Iran-Iraq military agreement in Tehran?");
        assertThat(findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).hasSize(1);
        assertThat(new LlmQuestionRewriter(online, (q, h) -> "rules: " + q)
                .standalone("Who signed it?", history(), offline.active()))
                .isEqualTo("rules: Who signed it?");
        assertThat(findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).hasSize(1);
    }

    @Test
    void withoutHistoryOrWithTheOfflineAnswererNoModelIsAsked(WireMockRuntimeInfo wm) {
        Answerers offline = new Answerers(TestSettings.product(Map.of()), name -> null, new Fixtures.RecordingPause());

        assertThat(new LlmQuestionRewriter(openAi(wm), UNCHANGED).standalone("Who signed it?", List.of()))
                .isEqualTo("Who signed it?");
        assertThat(new LlmQuestionRewriter(offline, (q, h) -> "rules: " + q).standalone("Who signed it?", history()))
                .isEqualTo("rules: Who signed it?");
        assertThat(findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).isEmpty();
    }

    @Test
    void aSelfContainedQuestionIsSearchedAsTypedWithoutAskingTheModel(WireMockRuntimeInfo wm) {
        modelSays("What did Obeidi say during Hossein Dehghan's visit to Tehran?");

        String searched = new LlmQuestionRewriter(openAi(wm), (q, h) -> "rules: " + q)
                .standalone("What did Obeidi say during his visit to Tehran?", history());

        assertThat(searched).isEqualTo("What did Obeidi say during his visit to Tehran?");
        assertThat(findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).isEmpty();
    }
}
