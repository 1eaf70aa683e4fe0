package dev.citeqa.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The answer providers and what each needs before it can answer. Their models, URLs and the names of the variables
 * that hold keys and URLs are settings: they live in application.yml only ({@code citeqa.providers.<id>}).
 */
public enum ProviderKind {

    EXTRACTIVE("extractive", Need.NOTHING),
    OPENAI("openai", Need.KEY),
    OPENAI_COMPATIBLE("openai-compatible", Need.URL),
    OLLAMA("ollama", Need.NOTHING),
    ANTHROPIC("anthropic", Need.KEY),
    GEMINI("gemini", Need.KEY);

    /** What must be present before the provider can answer. */
    enum Need { NOTHING, KEY, URL }

    private final String id;
    private final Need need;

    ProviderKind(String id, Need need) {
        this.id = id;
        this.need = need;
    }

    public String id() {
        return id;
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
