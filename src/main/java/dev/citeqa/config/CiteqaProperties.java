package dev.citeqa.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the product, bound once from application.yml, the environment ({@code CITEQA_...})
 * and the command line ({@code --citeqa.x=y} or the short forms the launcher maps, such as {@code --docs}).
 */
@ConfigurationProperties("citeqa")
public record CiteqaProperties(
        @DefaultValue("seeds") Path docs,
        Path data,
        @DefaultValue Ingest ingest,
        @DefaultValue Retrieval retrieval,
        @DefaultValue Answer answer,
        @DefaultValue Providers providers) {

    @ConstructorBinding
    public CiteqaProperties {
        Settings.require(docs != null && !docs.toString().isBlank(), "citeqa.docs", "a folder of documents");
    }

    /** How files become passages. */
    public record Ingest(
            @DefaultValue("3") int passageSentences,
            @DefaultValue("900") int maxPassageChars,
            @DefaultValue({"txt", "md", "markdown", "html", "htm", "pdf"}) List<String> extensions,
            @DefaultValue("false") boolean followLinks,
            @DefaultValue("64") int maxFileMb) {
        public Ingest {
            Settings.require(passageSentences >= 1 && passageSentences <= 50,
                    "citeqa.ingest.passage-sentences", "a whole number from 1 to 50");
            Settings.require(maxPassageChars >= 100 && maxPassageChars <= 20_000,
                    "citeqa.ingest.max-passage-chars", "a whole number from 100 to 20000");
            Settings.require(maxFileMb >= 1 && maxFileMb <= 2_000, "citeqa.ingest.max-file-mb",
                    "a whole number of megabytes from 1 to 2000");
        }

        /** The settings application.yml ships with, for code that runs without Spring (tools, tests). */
        public static Ingest defaults() {
            return new Ingest(3, 900, List.of("txt", "md", "markdown", "html", "htm", "pdf"), false, 64);
        }
    }

    /**
     * How passages are found for a question.
     *
     * @param mode           bm25, vector or hybrid (reciprocal rank fusion of the two)
     * @param rrfK           the k of reciprocal rank fusion: 1/(k + rank)
     * @param candidates     how many passages each ranking contributes before fusion and duplicate collapsing
     * @param embeddingModel the in-jar model that embeds passages and questions, or none
     */
    public record Retrieval(
            @DefaultValue("5") int topK,
            @DefaultValue("hybrid") String mode,
            @DefaultValue("60") int rrfK,
            @DefaultValue("50") int candidates,
            @DefaultValue("bge-small-en-v1.5") String embeddingModel) {

        public static final List<String> MODES = List.of("bm25", "vector", "hybrid");
        public static final List<String> EMBEDDING_MODELS = List.of("bge-small-en-v1.5", "all-minilm-l6-v2", "none");

        public Retrieval {
            Settings.require(topK >= 1 && topK <= 100, "citeqa.retrieval.top-k", "a whole number from 1 to 100");
            Settings.require(MODES.contains(mode), "citeqa.retrieval.mode", "one of: " + String.join(", ", MODES));
            Settings.require(EMBEDDING_MODELS.contains(embeddingModel), "citeqa.retrieval.embedding-model",
                    "one of: " + String.join(", ", EMBEDDING_MODELS));
            Settings.require(rrfK >= 1, "citeqa.retrieval.rrf-k", "a whole number of 1 or more");
            Settings.require(candidates >= topK, "citeqa.retrieval.candidates", "a whole number no smaller than top-k");
        }
    }

    /**
     * How the answer is written.
     *
     * @param provider     the active provider: extractive (offline) or one of {@link ProviderKind}
     * @param model        overrides the active provider's model (set by --model)
     * @param baseUrl      overrides the active provider's base URL (set by --base-url)
     * @param stream       ask the model to stream its reply, so tokens show as they arrive
     * @param contextChars passages go to the model best-ranked first until their text reaches this many characters
     * @param prompts      a folder whose system.txt, answer.txt or rewrite.txt replace the packaged prompts
     * @param retryBackoff the first wait before a retry; it doubles with each retry
     * @param maxRetryWait a provider asking for a longer wait (Retry-After) is reported instead of waited for
     */
    public record Answer(
            @DefaultValue("extractive") String provider,
            @DefaultValue("3") int maxSentences,
            @DefaultValue("0.5") double minCoverage,
            String model,
            String baseUrl,
            @DefaultValue("true") boolean stream,
            @DefaultValue("12000") int contextChars,
            Path prompts,
            @DefaultValue("1s") Duration retryBackoff,
            @DefaultValue("30s") Duration maxRetryWait) {

        @ConstructorBinding
        public Answer {
            Settings.require(ProviderKind.of(provider).isPresent(), "citeqa.answer.provider",
                    "one of: " + String.join(", ", ProviderKind.ids()));
            Settings.require(maxSentences >= 1 && maxSentences <= 10,
                    "citeqa.answer.max-sentences", "a whole number from 1 to 10");
            Settings.require(minCoverage > 0 && minCoverage <= 1,
                    "citeqa.answer.min-coverage", "a number above 0 and at most 1");
            Settings.require(contextChars >= 500 && contextChars <= 2_000_000,
                    "citeqa.answer.context-chars", "a whole number from 500 to 2000000");
            Settings.require(retryBackoff != null && !retryBackoff.isNegative(), "citeqa.answer.retry-backoff",
                    "a duration such as 1s or 500ms");
            Settings.require(maxRetryWait != null && !maxRetryWait.isNegative(), "citeqa.answer.max-retry-wait",
                    "a duration such as 30s");
            provider = ProviderKind.of(provider).map(ProviderKind::id).orElse(provider);
            model = blankToNull(model);
            baseUrl = blankToNull(baseUrl);
        }

        /** The offline settings the skeleton had. */
        public Answer(String provider, int maxSentences, double minCoverage) {
            this(provider, maxSentences, minCoverage, null, null, true, 12_000, null, Duration.ofSeconds(1),
                    Duration.ofSeconds(30));
        }
    }

    /** Each provider's own settings, used when it is the active one. */
    public record Providers(
            @DefaultValue Provider openai,
            @DefaultValue Provider openaiCompatible,
            @DefaultValue Provider ollama,
            @DefaultValue Provider anthropic,
            @DefaultValue Provider gemini) {

        public Provider of(ProviderKind kind) {
            return switch (kind) {
                case OPENAI -> openai;
                case OPENAI_COMPATIBLE -> openaiCompatible;
                case OLLAMA -> ollama;
                case ANTHROPIC -> anthropic;
                case GEMINI -> gemini;
                case EXTRACTIVE -> throw new IllegalArgumentException("the extractive answerer has no provider settings");
            };
        }
    }

    /**
     * One provider's settings; application.yml holds each provider's values (the jar carries the same file, so a
     * user's file only needs what it changes). The key itself is never a setting: only the name of the environment
     * variable that holds it.
     *
     * @param baseUrlEnv environment variable whose value, when set, replaces base-url
     * @param apiKeyEnv  environment variable holding the API key
     * @param retries    how many times a timeout, 429 or 5xx is retried before it is reported
     */
    public record Provider(
            String model,
            String baseUrl,
            String baseUrlEnv,
            String apiKeyEnv,
            double temperature,
            int maxOutputTokens,
            Duration timeout,
            int retries) {

        @ConstructorBinding
        public Provider {
            Settings.require(temperature >= 0 && temperature <= 2, "citeqa.providers.<name>.temperature",
                    "a number from 0 to 2");
            Settings.require(maxOutputTokens >= 1 && maxOutputTokens <= 200_000,
                    "citeqa.providers.<name>.max-output-tokens", "a whole number from 1 to 200000");
            Settings.require(timeout != null && timeout.toMillis() >= 1, "citeqa.providers.<name>.timeout",
                    "a duration such as 60s");
            Settings.require(retries >= 0 && retries <= 10, "citeqa.providers.<name>.retries",
                    "a whole number from 0 to 10");
            model = blankToNull(model);
            baseUrl = blankToNull(baseUrl);
            baseUrlEnv = blankToNull(baseUrlEnv);
            apiKeyEnv = blankToNull(apiKeyEnv);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
