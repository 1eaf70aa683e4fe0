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
@ConfigurationProperties(prefix = "citeqa", ignoreUnknownFields = false) // a misspelt setting stops the start
public record CiteqaProperties(
        @DefaultValue("seeds") Path docs,
        Path data,
        @DefaultValue Ingest ingest,
        @DefaultValue Retrieval retrieval,
        @DefaultValue Answer answer,
        @DefaultValue Providers providers,
        @DefaultValue Solr solr) {

    @ConstructorBinding
    public CiteqaProperties {
        Settings.require(docs != null && !docs.toString().isBlank(), "citeqa.docs", "a folder of documents");
    }

    /** These settings with another retrieval backend and Solr settings (tests, the bench). */
    public CiteqaProperties withBackend(String backend, Solr solrSettings) {
        Retrieval r = retrieval;
        return new CiteqaProperties(docs, data, ingest, new Retrieval(r.topK(), r.mode(), r.rrfK(), r.candidates(),
                r.embeddingModel(), backend), answer, providers, solrSettings);
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
     * @param backend        where passages are kept and searched: lucene (the embedded index in the data folder)
     *                       or solrcloud (a collection on the nodes of {@link Solr#urls()})
     */
    public record Retrieval(
            @DefaultValue("5") int topK,
            @DefaultValue("hybrid") String mode,
            @DefaultValue("60") int rrfK,
            @DefaultValue("50") int candidates,
            @DefaultValue("bge-small-en-v1.5") String embeddingModel,
            @DefaultValue("lucene") String backend) {

        public static final List<String> MODES = List.of("bm25", "vector", "hybrid");
        public static final List<String> EMBEDDING_MODELS = List.of("bge-small-en-v1.5", "all-minilm-l6-v2", "none");
        public static final String LUCENE = "lucene";
        public static final String SOLRCLOUD = "solrcloud";
        public static final List<String> BACKENDS = List.of(LUCENE, SOLRCLOUD);

        @ConstructorBinding
        public Retrieval {
            Settings.require(topK >= 1 && topK <= 100, "citeqa.retrieval.top-k", "a whole number from 1 to 100");
            Settings.require(MODES.contains(mode), "citeqa.retrieval.mode", "one of: " + String.join(", ", MODES));
            Settings.require(EMBEDDING_MODELS.contains(embeddingModel), "citeqa.retrieval.embedding-model",
                    "one of: " + String.join(", ", EMBEDDING_MODELS));
            Settings.require(rrfK >= 1, "citeqa.retrieval.rrf-k", "a whole number of 1 or more");
            Settings.require(candidates >= topK, "citeqa.retrieval.candidates", "a whole number no smaller than top-k");
            Settings.require(BACKENDS.contains(backend), "citeqa.retrieval.backend",
                    "one of: " + String.join(", ", BACKENDS));
        }

        /** Retrieval on the embedded index. */
        public Retrieval(int topK, String mode, int rrfK, int candidates, String embeddingModel) {
            this(topK, mode, rrfK, candidates, embeddingModel, LUCENE);
        }

        public boolean solrcloud() {
            return SOLRCLOUD.equals(backend);
        }
    }

    /**
     * The SolrCloud the solrcloud backend uses. The collection is created on first use, with the project's
     * configset, when it does not exist.
     *
     * @param urls       node base URLs (http://host:8983/solr); requests go to one and fail over to the others
     * @param collection the collection that holds this documents folder's passages
     * @param shards     shards of a collection created on first use
     * @param replicas   copies of each shard (NRT replicas) of a collection created on first use
     * @param timeout    for one request to one node before the next node is tried
     */
    public record Solr(
            @DefaultValue({"http://127.0.0.1:8983/solr", "http://127.0.0.1:8984/solr"}) List<String> urls,
            @DefaultValue("citeqa") String collection,
            @DefaultValue("2") int shards,
            @DefaultValue("2") int replicas,
            @DefaultValue("30s") Duration timeout) {

        @ConstructorBinding
        public Solr {
            Settings.require(urls != null && !urls.isEmpty() && urls.stream().allMatch(
                    u -> u.startsWith("http://") || u.startsWith("https://")), "citeqa.solr.urls",
                    "comma-separated node base URLs such as http://127.0.0.1:8983/solr");
            Settings.require(collection != null && collection.matches("[A-Za-z0-9][A-Za-z0-9._-]*"),
                    "citeqa.solr.collection", "a collection name of letters, digits, '.', '_' and '-'");
            Settings.require(shards >= 1 && shards <= 1024, "citeqa.solr.shards", "a whole number from 1 to 1024");
            Settings.require(replicas >= 1 && replicas <= 16, "citeqa.solr.replicas",
                    "a whole number from 1 to 16");
            Settings.require(timeout != null && timeout.toMillis() >= 1, "citeqa.solr.timeout",
                    "a duration such as 30s");
            urls = urls.stream().map(u -> u.strip().replaceAll("/+$", "")).toList();
        }

        public static Solr defaults() {
            return new Solr(List.of("http://127.0.0.1:8983/solr", "http://127.0.0.1:8984/solr"), "citeqa", 2, 2,
                    Duration.ofSeconds(30));
        }

        public Solr withUrls(List<String> nodeUrls) {
            return new Solr(nodeUrls, collection, shards, replicas, timeout);
        }

        public Solr withCollection(String name) {
            return new Solr(urls, name, shards, replicas, timeout);
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

        /** A provider and the offline answer's length, other settings at their defaults. */
        public Answer(String provider, int maxSentences) {
            this(provider, maxSentences, null, null, true, 12_000, null, Duration.ofSeconds(1),
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
