package dev.citeqa.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.citeqa.config.Settings.InvalidSettingException;

/** Where each provider setting comes from, and the one line a missing key or URL produces. */
class ProviderSettingsTest {

    private static final EnvironmentVariables NONE = name -> null;

    @Test
    void ymlKeysBindIncludingTheDashedProviderName() {
        CiteqaProperties settings = TestSettings.product(Map.of(
                "citeqa.answer.provider", "OpenAI-Compatible",
                "citeqa.providers.openai-compatible.model", "qwen2.5",
                "citeqa.providers.openai-compatible.base-url", "http://gpu-box:8000/v1",
                "citeqa.providers.openai-compatible.timeout", "90s",
                "citeqa.providers.anthropic.retries", "5"));

        assertThat(settings.answer().provider()).isEqualTo("openai-compatible");
        assertThat(settings.providers().openaiCompatible().model()).isEqualTo("qwen2.5");
        assertThat(settings.providers().openaiCompatible().timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.providers().anthropic().retries()).isEqualTo(5);
        assertThat(settings.providers().openai().maxOutputTokens()).isEqualTo(1024);
        assertThat(settings.answer().contextChars()).isEqualTo(12_000);
    }

    @Test
    void anUnknownProviderNamesTheChoices() {
        assertThatThrownBy(() -> TestSettings.product(Map.of("citeqa.answer.provider", "gpt")))
                .rootCause().isInstanceOf(InvalidSettingException.class)
                .hasMessage("Setting citeqa.answer.provider is not valid: use one of: extractive, openai, "
                        + "openai-compatible, ollama, anthropic, gemini.");
    }

    @Test
    void aMissingKeyFailsNamingTheVariableAndTheOfflineAlternative() {
        assertThatThrownBy(() -> ProviderSettings.resolve(ProviderKind.ANTHROPIC, null, null,
                TestSettings.product(Map.of()), NONE))
                .isInstanceOf(Problem.class)
                .hasMessage("anthropic needs an API key: set ANTHROPIC_API_KEY in the environment, or answer offline "
                        + "with --provider extractive (in the shell: provider extractive).");
    }

    @Test
    void theKeyVariableCanBeRenamedButTheKeyNeverComesFromTheYml() {
        CiteqaProperties settings = TestSettings.product(Map.of("citeqa.providers.gemini.api-key-env", "MY_GEMINI_KEY"));

        assertThatThrownBy(() -> ProviderSettings.resolve(ProviderKind.GEMINI, null, null, settings,
                Map.of("GEMINI_API_KEY", "ignored")::get)).hasMessageStartingWith("gemini needs an API key: set "
                + "MY_GEMINI_KEY");
        ProviderSettings resolved = ProviderSettings.resolve(ProviderKind.GEMINI, null, null, settings,
                Map.of("MY_GEMINI_KEY", "AIza-secret-value-000")::get);
        assertThat(resolved.keyValue()).isEqualTo("AIza-secret-value-000");
        assertThat(resolved.model()).isEqualTo("gemini-2.5-flash");
        assertThat(resolved.baseUrl()).isEqualTo("https://generativelanguage.googleapis.com/v1beta");
    }

    @Test
    void commandLineBeatsEnvironmentBeatsYmlBeatsDefaults() {
        CiteqaProperties settings = TestSettings.product(Map.of("citeqa.providers.ollama.base-url", "http://yml:11434",
                "citeqa.providers.ollama.model", "mistral"));

        assertThat(ProviderSettings.resolve(ProviderKind.OLLAMA, null, null, settings, NONE).baseUrl())
                .isEqualTo("http://yml:11434");
        assertThat(ProviderSettings.resolve(ProviderKind.OLLAMA, null, null, settings,
                Map.of("OLLAMA_BASE_URL", "http://env:11434/")::get).baseUrl()).isEqualTo("http://env:11434");
        ProviderSettings fromCommandLine = ProviderSettings.resolve(ProviderKind.OLLAMA, "qwen3", "http://cli:1",
                settings, Map.of("OLLAMA_BASE_URL", "http://env:11434")::get);
        assertThat(fromCommandLine.baseUrl()).isEqualTo("http://cli:1");
        assertThat(fromCommandLine.model()).isEqualTo("qwen3");
        assertThat(ProviderSettings.resolve(ProviderKind.OLLAMA, null, null, TestSettings.product(Map.of()), NONE))
                .satisfies(s -> {
                    assertThat(s.baseUrl()).isEqualTo("http://localhost:11434");
                    assertThat(s.model()).isEqualTo("llama3.2");
                    assertThat(s.apiKey()).isNull();
                });
    }

    @Test
    void aBaseUrlThatIsNotHttpIsRejected() {
        assertThatThrownBy(() -> ProviderSettings.resolve(ProviderKind.OPENAI, null, "localhost:8000",
                TestSettings.product(Map.of()), Map.of("OPENAI_API_KEY", "sk-x")::get))
                .hasMessage("The base URL for openai is not an http(s) address: 'localhost:8000'; fix OPENAI_BASE_URL, "
                        + "--base-url or citeqa.providers.openai.base-url.");
    }

    @Test
    void missingVariableNamesWhatToSet() {
        CiteqaProperties settings = TestSettings.product(Map.of());

        assertThat(ProviderSettings.missingVariable(ProviderKind.OPENAI_COMPATIBLE, settings, NONE))
                .isEqualTo("OPENAI_COMPATIBLE_BASE_URL");
        assertThat(ProviderSettings.missingVariable(ProviderKind.OPENAI, settings, NONE)).isEqualTo("OPENAI_API_KEY");
        assertThat(ProviderSettings.missingVariable(ProviderKind.OLLAMA, settings, NONE)).isNull();
    }
}
