package dev.citeqa.config;

import java.time.Duration;

/**
 * The settings of one LLM provider with every source applied: the command line (--model, --base-url), then the
 * environment (the key, a base-URL variable), then application.yml, which holds every provider's defaults.
 *
 * @param apiKey null for providers that need none (Ollama, most OpenAI-compatible servers)
 */
public record ProviderSettings(ProviderKind kind, String model, String baseUrl, ApiKey apiKey, double temperature,
                               int maxOutputTokens, Duration timeout, int retries, Duration retryBackoff,
                               Duration maxRetryWait, boolean stream) {

    /** What to tell someone whose provider cannot start: the one offline alternative. */
    public static final String OFFLINE = "or answer offline with --provider extractive (in the shell: provider extractive)";

    /**
     * Resolves a provider's settings, failing at once, in one line naming the variable to set, when its key or URL
     * is missing.
     *
     * @param model   a model chosen on the command line or in the shell, or null
     * @param baseUrl a base URL chosen on the command line or in the shell, or null
     */
    public static ProviderSettings resolve(ProviderKind kind, String model, String baseUrl, CiteqaProperties settings,
                                           EnvironmentVariables env) {
        Found found = Found.of(kind, baseUrl, settings, env);
        if (found.url() == null) {
            throw new Problem(kind.id() + " needs the base URL of its server: set " + found.urlVariable()
                    + " (for example http://localhost:8000/v1) or pass --base-url, " + OFFLINE + ".");
        }
        if (!found.url().matches("(?i)https?://\\S+")) {
            throw new Problem("The base URL for " + kind.id() + " is not an http(s) address: '" + found.url()
                    + "'; fix " + found.urlVariable() + ", --base-url or citeqa.providers." + kind.id() + ".base-url.");
        }
        if (found.key() == null && kind.needsKey()) {
            throw new Problem(kind.id() + " needs an API key: set " + found.keyVariable() + " in the environment, "
                    + OFFLINE + ".");
        }
        CiteqaProperties.Provider configured = settings.providers().of(kind);
        String chosenModel = firstSet(model, configured.model());
        if (chosenModel == null) {
            throw new Problem(kind.id() + " has no model: set citeqa.providers." + kind.id()
                    + ".model or pass --model.");
        }
        return new ProviderSettings(kind, chosenModel,
                found.url().replaceAll("/+$", ""),
                found.key() == null ? null : new ApiKey(found.keyVariable(), found.key()),
                configured.temperature(), configured.maxOutputTokens(), configured.timeout(), configured.retries(),
                settings.answer().retryBackoff(), settings.answer().maxRetryWait(), settings.answer().stream());
    }

    /** The variable that must be set before the provider can be used, or null when it is ready. */
    public static String missingVariable(ProviderKind kind, CiteqaProperties settings, EnvironmentVariables env) {
        Found found = Found.of(kind, null, settings, env);
        if (found.url() == null) {
            return found.urlVariable();
        }
        return found.key() == null && kind.needsKey() ? found.keyVariable() : null;
    }

    /** A provider's URL and key as found, with the variables they are read from. */
    private record Found(String url, String urlVariable, String key, String keyVariable) {

        static Found of(ProviderKind kind, String baseUrl, CiteqaProperties settings, EnvironmentVariables env) {
            if (kind == ProviderKind.EXTRACTIVE) {
                throw new IllegalArgumentException("the extractive answerer needs no provider settings");
            }
            CiteqaProperties.Provider configured = settings.providers().of(kind);
            String urlVariable = configured.baseUrlEnv();
            String keyVariable = configured.apiKeyEnv();
            return new Found(firstSet(baseUrl, variable(env, urlVariable), configured.baseUrl()),
                    urlVariable, variable(env, keyVariable), keyVariable);
        }

        @Override
        public String toString() {
            return "url " + url + " (" + urlVariable + "), key from " + keyVariable;
        }
    }

    private static String variable(EnvironmentVariables env, String name) {
        if (name == null) {
            return null;
        }
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** The key's value, for the one place that puts it in a request header. */
    public String keyValue() {
        return apiKey == null ? null : apiKey.value();
    }

    /** What the user sees for this provider: never the key, only where it comes from. */
    public String describe() {
        return kind.id() + " (model " + model + ", " + baseUrl
                + (apiKey == null ? ", no key" : ", key from " + apiKey.variable()) + ")";
    }
}
