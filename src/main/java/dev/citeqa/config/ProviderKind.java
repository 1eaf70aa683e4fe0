package dev.citeqa.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The answer providers and what each needs. The defaults here are the fallbacks for settings that
 * application.yml leaves out; the environment variable names are the ones each vendor documents.
 */
public enum ProviderKind {

    EXTRACTIVE("extractive", null, null, null, null, Need.NOTHING),
    OPENAI("openai", "gpt-4.1-mini", "https://api.openai.com/v1", "OPENAI_BASE_URL", "OPENAI_API_KEY", Need.KEY),
    OPENAI_COMPATIBLE("openai-compatible", "local-model", null, "OPENAI_COMPATIBLE_BASE_URL",
            "OPENAI_COMPATIBLE_API_KEY", Need.URL),
    OLLAMA("ollama", "llama3.2", "http://localhost:11434", "OLLAMA_BASE_URL", null, Need.NOTHING),
    ANTHROPIC("anthropic", "claude-haiku-4-5-20251001", "https://api.anthropic.com/v1", "ANTHROPIC_BASE_URL",
            "ANTHROPIC_API_KEY", Need.KEY),
    GEMINI("gemini", "gemini-2.5-flash", "https://generativelanguage.googleapis.com/v1beta", "GEMINI_BASE_URL",
            "GEMINI_API_KEY", Need.KEY);

    /** What must be present before the provider can answer. */
    enum Need { NOTHING, KEY, URL }

    private final String id;
    private final String defaultModel;
    private final String defaultBaseUrl;
    private final String baseUrlVariable;
    private final String apiKeyVariable;
    private final Need need;

    ProviderKind(String id, String defaultModel, String defaultBaseUrl, String baseUrlVariable, String apiKeyVariable,
                 Need need) {
        this.id = id;
        this.defaultModel = defaultModel;
        this.defaultBaseUrl = defaultBaseUrl;
        this.baseUrlVariable = baseUrlVariable;
        this.apiKeyVariable = apiKeyVariable;
        this.need = need;
    }

    public String id() {
        return id;
    }

    public String defaultModel() {
        return defaultModel;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public String baseUrlVariable() {
        return baseUrlVariable;
    }

    public String apiKeyVariable() {
        return apiKeyVariable;
    }

    public boolean needsKey() {
        return need == Need.KEY;
    }

    public boolean needsUrl() {
        return need == Need.URL;
    }

    public static Optional<ProviderKind> of(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ProviderKind::id).toList();
    }
}
