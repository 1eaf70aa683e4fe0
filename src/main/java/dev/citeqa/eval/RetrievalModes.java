package dev.citeqa.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import dev.citeqa.chat.Workspace;
import dev.citeqa.config.Problem;
import dev.citeqa.retrieve.RetrievalMode;
import dev.citeqa.retrieve.Retriever;

/**
 * The retrieval modes a benchmark run compares, by the names {@code citeqa.retrieval.mode} takes. A new mode is one
 * more entry: how to open its retriever over an indexed workspace. Every mode goes the way a question does
 * (PassageRetrieval: a candidate pool, near-duplicates folded, cut to k), so the comparison is like for like.
 */
@Component
public class RetrievalModes {

    private final Map<String, Function<Workspace, Retriever>> modes = new LinkedHashMap<>();

    public RetrievalModes() {
        modes.put("bm25", w -> w.retriever(RetrievalMode.BM25));
        modes.put("vector", w -> w.retriever(RetrievalMode.VECTOR));
        modes.put("hybrid", w -> w.retriever(RetrievalMode.HYBRID));
    }

    public List<String> names() {
        return List.copyOf(modes.keySet());
    }

    /** @throws Problem naming the known modes when this one is not among them */
    public void require(String mode) {
        if (!modes.containsKey(mode)) {
            throw new Problem("Unknown retrieval mode '" + mode + "': use one of " + String.join(", ", names()) + ".");
        }
    }

    public Retriever open(String mode, Workspace workspace) {
        require(mode);
        return modes.get(mode).apply(workspace);
    }
}
