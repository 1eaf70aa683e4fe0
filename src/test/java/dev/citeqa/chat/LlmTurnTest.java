package dev.citeqa.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;

import dev.citeqa.answer.Answerers;
import dev.citeqa.answer.Fixtures;
import dev.citeqa.answer.ProviderFailure;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.TestSettings;

/** A whole turn over the real seed documents and a real Lucene index, answered by a fake OpenAI. */
@WireMockTest
class LlmTurnTest {

    private static final String CHAT = "/v1/chat/completions";

    private static String streamOf(String text) {
        return "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":" + TextNode.valueOf(text)
                + "},\"finish_reason\":null}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
    }

    private static AskService asking(WireMockRuntimeInfo wm, Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("citeqa.answer.provider", "openai",
                "citeqa.answer.base-url", wm.getHttpBaseUrl() + "/v1", "citeqa.retrieval.top-k", "4"));
        properties.putAll(extra);
        CiteqaProperties settings = TestSettings.product(properties);
        return new AskService(settings, new Answerers(settings, Map.of("OPENAI_API_KEY", Fixtures.OPENAI_KEY)::get,
                new Fixtures.RecordingPause()));
    }

    private static Workspace seeds(Path data) {
        Workspace workspace = new Workspace(Path.of("seeds").toAbsolutePath(), data, TestSettings.product(Map.of()));
        workspace.sync(progress -> {
        });
        return workspace;
    }

    @Test
    void theModelSeesTheRetrievedPassagesAndItsCitationsResolveToThem(WireMockRuntimeInfo wm, @TempDir Path data) {
        stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(streamOf("Iran and Iraq signed a military agreement [2]. It was signed in Tehran [1]."))));
        AskService asking = asking(wm, Map.of());
        StringBuilder shown = new StringBuilder();

        try (Workspace workspace = seeds(data)) {
            Turn turn = asking.ask(workspace, "Where did Iran and Iraq sign the military agreement?", shown::append);

            String user = Fixtures.json(findAll(postRequestedFor(urlEqualTo(CHAT))).getFirst().getBodyAsString())
                    .path("messages").get(1).path("content").asText();
            for (int i = 0; i < turn.retrieved().size(); i++) {
                assertThat(user).contains("[" + (i + 1) + "] " + turn.retrieved().get(i).passage().text().strip()
                        .substring(0, 40));
            }
            assertThat(turn.retrieved()).hasSize(4);
            // the model's [2] was used first, so it is [1] on screen and in the checked answer
            assertThat(shown.toString()).isEqualTo("Iran and Iraq signed a military agreement [1]. It was signed in "
                    + "Tehran [2].");
            assertThat(turn.answer().text()).isEqualTo(shown.toString());
            assertThat(turn.answer().citations().get(0).passage()).isEqualTo(turn.retrieved().get(1).passage());
            assertThat(turn.answer().citations().get(1).passage()).isEqualTo(turn.retrieved().get(0).passage());
            assertThat(turn.answer().reply().provider()).isEqualTo("openai");
            assertThat(asking.conversation().turns()).containsExactly(turn);
        }
    }

    @Test
    void onlyPassagesWithinTheBudgetAreSentAndCitingBeyondThemIsReported(WireMockRuntimeInfo wm, @TempDir Path data) {
        stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(streamOf("It was signed in Tehran [1]. Turkey trained fighters [3]."))));
        AskService asking = asking(wm, Map.of("citeqa.answer.context-chars", "500"));

        try (Workspace workspace = seeds(data)) {
            Turn turn = asking.ask(workspace, "Where did Iran and Iraq sign the military agreement?", t -> { });

            String user = Fixtures.json(findAll(postRequestedFor(urlEqualTo(CHAT))).getFirst().getBodyAsString())
                    .path("messages").get(1).path("content").asText();
            assertThat(user).contains("<passage n=\"1\"").doesNotContain("<passage n=\"3\"");
            assertThat(turn.answer().unknownMarkers()).containsExactly(3);
            assertThat(turn.answer().citations()).hasSize(1);
            assertThat(turn.retrieved()).hasSize(4);
        }
    }

    @Test
    void aFailedAnswerKeepsTheConversationAsItWas(WireMockRuntimeInfo wm, @TempDir Path data) {
        stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(streamOf("Iran and Iraq signed an agreement in Tehran [1]."))));
        AskService asking = asking(wm, Map.of());

        try (Workspace workspace = seeds(data)) {
            Turn first = asking.ask(workspace, "Where did Iran and Iraq sign the military agreement?", t -> { });
            stubFor(post(urlEqualTo(CHAT)).willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"message\":"
                    + "\"The engine is currently overloaded\"}}")));

            assertThatThrownBy(() -> asking.ask(workspace, "Who met in Tehran?", t -> { }))
                    .isInstanceOf(ProviderFailure.class).hasMessageContaining("The engine is currently overloaded");
            assertThat(asking.conversation().turns()).containsExactly(first);
        }
    }
}
