package dev.citeqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import dev.citeqa.cite.CitationChecker;
import dev.citeqa.cite.CitedAnswer;
import dev.citeqa.config.EnvironmentVariables;
import dev.citeqa.config.ProviderKind;
import dev.citeqa.config.ProviderSettings;
import dev.citeqa.config.TestSettings;

/**
 * Each provider for real, run by {@code mvn verify} only when its key or URL is in the environment; CITEQA_ANSWER_MODEL
 * picks another model, as it does for the program. Skipped offline.
 */
class ProvidersLiveIT {

    private static CitedAnswer ask(ProviderKind kind) {
        ProviderSettings settings = ProviderSettings.resolve(kind, System.getenv("CITEQA_ANSWER_MODEL"), null,
                TestSettings.product(Map.of()), EnvironmentVariables.system());
        List<String> tokens = new ArrayList<>();
        Reply reply = new LlmAnswerer(settings, new Prompts(null), Pause.sleeping())
                .answer(Fixtures.request(), tokens::add, StopSignal.never());
        assertThat(String.join("", tokens)).isEqualTo(reply.text());
        return CitationChecker.check(Fixtures.QUESTION, reply, Fixtures.context());
    }

    /** A real model reading the three passages should name Tehran and cite the signing passage. */
    private static void answersFromTheSigningPassage(CitedAnswer answer) {
        assertThat(answer.text()).containsIgnoringCase("Tehran");
        assertThat(answer.abstained()).isFalse();
        assertThat(answer.unknownMarkers()).isEmpty();
        assertThat(answer.citations()).extracting(c -> c.passage().id())
                .contains(Fixtures.context().get(1).passage().id());
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
    void openAi() {
        answersFromTheSigningPassage(ask(ProviderKind.OPENAI));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "OPENAI_COMPATIBLE_BASE_URL", matches = ".+")
    void openAiCompatible() {
        answersFromTheSigningPassage(ask(ProviderKind.OPENAI_COMPATIBLE));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "OLLAMA_BASE_URL", matches = ".+")
    void ollama() {
        answersFromTheSigningPassage(ask(ProviderKind.OLLAMA));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "ANTHROPIC_API_KEY", matches = ".+")
    void anthropic() {
        answersFromTheSigningPassage(ask(ProviderKind.ANTHROPIC));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "GEMINI_API_KEY", matches = ".+")
    void gemini() {
        answersFromTheSigningPassage(ask(ProviderKind.GEMINI));
    }
}
