package dev.citeqa.index;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.citeqa.ingest.Passage;

/**
 * Embeds the passages that an index run left without a vector, a batch at a time, each batch committed. A run
 * that is stopped or killed keeps every batch committed before it, and the next run goes on from there: what is
 * left is read from the index itself, never from a record of its own.
 */
public final class VectorBackfill {

    /**
     * Passages between two commits: about six seconds of work at the 40 passages/s measured on 2 cores, so a stop
     * loses little, while a commit (which flushes a segment with its vector graph) stays rare.
     */
    static final int COMMIT_EVERY = 256;
    /** Passages embedded between two looks at the stop flag and two progress reports. */
    static final int STEP = 32;

    private final PassageStore store;
    private final Embedder embedder;
    private final int commitEvery;
    private final int step;

    public VectorBackfill(PassageStore store, Embedder embedder) {
        this(store, embedder, COMMIT_EVERY, STEP);
    }

    VectorBackfill(PassageStore store, Embedder embedder, int commitEvery, int step) {
        this.store = store;
        this.embedder = embedder;
        this.commitEvery = commitEvery;
        this.step = step;
    }

    /** Passages still to embed (0 when no embedding model is configured). */
    public int waiting() {
        return embedder.enabled() ? store.passagesWithoutVector() : 0;
    }

    /**
     * Embeds what is waiting until nothing is left or {@code stop} says so, reporting after every few passages;
     * returns how many passages it embedded.
     */
    public int run(Consumer<EmbeddingProgress> progress, BooleanSupplier stop) {
        int waiting = waiting();
        if (waiting == 0) {
            return 0;
        }
        long begin = System.nanoTime();
        int done = 0;
        int total = waiting; // what was embedded before this batch plus what waited at its start
        progress.accept(new EmbeddingProgress(0, waiting, 0));
        while (!stop.getAsBoolean()) {
            List<Passage> batch = store.passagesWithoutVector(commitEvery);
            if (batch.isEmpty()) {
                break;
            }
            List<Passage> embedded = new ArrayList<>(batch.size());
            List<float[]> vectors = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size() && !stop.getAsBoolean(); i += step) {
                List<Passage> part = batch.subList(i, Math.min(batch.size(), i + step));
                vectors.addAll(embedder.passages(part.stream().map(Indexer::embeddedText).toList()));
                embedded.addAll(part);
                done += part.size();
                progress.accept(new EmbeddingProgress(done, total, System.nanoTime() - begin));
            }
            try (PassageStore.Changes changes = store.change()) {
                for (int i = 0; i < embedded.size(); i++) {
                    changes.addVector(embedded.get(i), vectors.get(i));
                }
                changes.commit();
            }
            total = done + store.passagesWithoutVector();
            if (embedded.size() < batch.size()) {
                break; // stopped inside the batch: what was embedded is committed
            }
        }
        return done;
    }
}
