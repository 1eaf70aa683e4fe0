package dev.citeqa.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;

import dev.citeqa.config.Problem;

/**
 * The in-jar embedding model that turns passages and questions into unit vectors. Loading takes one to two seconds,
 * so it happens once, on a background thread started by {@link #warmUp()}, never on the path to the first prompt.
 */
public final class Embedder {

    public static final String BGE_SMALL = "bge-small-en-v1.5";
    public static final String MINILM = "all-minilm-l6-v2";
    public static final String NONE = "none";

    /** BGE was trained with this instruction before queries (not before passages). */
    static final String BGE_QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";
    private static final int BATCH = 32;

    private final String name;
    private CompletableFuture<EmbeddingModel> model;

    private Embedder(String name) {
        this.name = name;
    }

    private static final java.util.Map<String, Embedder> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The one instance of this model in the process: a model is loaded once, however many indexes use it. */
    public static Embedder shared(String name) {
        return SHARED.computeIfAbsent(name, Embedder::named);
    }

    /** The model with this setting name; nothing is loaded until it is first needed or warmed up. */
    public static Embedder named(String name) {
        if (!List.of(BGE_SMALL, MINILM, NONE).contains(name)) {
            throw new IllegalArgumentException("unknown embedding model " + name);
        }
        return new Embedder(name);
    }

    public String name() {
        return name;
    }

    public boolean enabled() {
        return !NONE.equals(name);
    }

    /** Waits until no model of this process is still loading (a load that failed counts as ended). */
    public static void awaitLoading() {
        for (Embedder embedder : SHARED.values()) {
            CompletableFuture<EmbeddingModel> loading;
            synchronized (embedder) {
                loading = embedder.model;
            }
            if (loading != null) {
                try {
                    loading.join();
                } catch (RuntimeException e) {
                    // reported where the model is used
                }
            }
        }
    }

    /** Starts loading the model in the background, if it is not loaded or loading already. */
    public synchronized void warmUp() {
        if (enabled() && model == null) {
            model = CompletableFuture.supplyAsync(this::load, runnable -> {
                Thread loader = new Thread(runnable, "citeqa-embedder");
                loader.setDaemon(true);
                loader.start();
            });
        }
    }

    /** From the model cache (OnnxModel); if that cannot be used (a read-only home), as LangChain4j loads it. */
    private EmbeddingModel load() {
        // DJL's tokenizer otherwise reports its use to the EC2 metadata address (169.254.169.254) on every start: a
        // network call, with a 1 s timeout, on the way to the first answer of a tool that works offline
        if (System.getProperty("OPT_OUT_TRACKING") == null && System.getenv("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        try {
            return switch (name) {
                case BGE_SMALL -> OnnxModel.load(OnnxModel.cacheFolder(), "bge-small-en-v1.5.onnx",
                        "bge-small-en-v1.5-tokenizer.json", PoolingMode.CLS);
                case MINILM -> OnnxModel.load(OnnxModel.cacheFolder(), "all-minilm-l6-v2.onnx",
                        "all-minilm-l6-v2-tokenizer.json", PoolingMode.MEAN);
                default -> throw new IllegalStateException("no model for " + name);
            };
        } catch (java.io.IOException | ai.onnxruntime.OrtException | RuntimeException e) {
            return loadFromJar();
        }
    }

    /** LangChain4j's own way: the model read from the jar and optimised in memory at every load. */
    EmbeddingModel loadFromJar() {
        return switch (name) {
            case BGE_SMALL -> new BgeSmallEnV15EmbeddingModel();
            case MINILM -> new AllMiniLmL6V2EmbeddingModel();
            default -> throw new IllegalStateException("no model for " + name);
        };
    }

    private EmbeddingModel model() {
        if (!enabled()) {
            throw new Problem("No embedding model is configured (citeqa.retrieval.embedding-model=none): "
                    + "use --retrieval bm25, or set a model.");
        }
        warmUp();
        try {
            return model.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem("Interrupted while loading the embedding model " + name + ".", e);
        } catch (ExecutionException e) {
            throw new Problem("The embedding model " + name + " could not be loaded (" + e.getCause()
                    + "); use --retrieval bm25 or set citeqa.retrieval.embedding-model=none.", e.getCause());
        }
    }

    /** The last questions' vectors: retrieval and the reader's sentence choice embed the same question. */
    private final java.util.Map<String, float[]> recentQuestions = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, float[]> eldest) {
                    return size() > 32;
                }
            });

    /** The vector of a question, with the query instruction the model expects. */
    public float[] query(String question) {
        float[] known = recentQuestions.get(question);
        if (known != null) {
            return known;
        }
        String text = BGE_SMALL.equals(name) ? BGE_QUERY_PREFIX + question : question;
        float[] vector = unit(model().embed(text).content().vector());
        recentQuestions.put(question, vector);
        return vector;
    }

    /** The vectors of passage texts, in order. */
    public List<float[]> passages(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        EmbeddingModel loaded = model();
        for (int i = 0; i < texts.size(); i += BATCH) {
            List<TextSegment> batch = texts.subList(i, Math.min(texts.size(), i + BATCH)).stream()
                    .map(TextSegment::from).toList();
            loaded.embedAll(batch).content().forEach(e -> vectors.add(unit(e.vector())));
        }
        return vectors;
    }

    /** Scaled to length 1, so that the index can compare vectors by dot product. */
    static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
        }
        return unit;
    }
}
