package dev.citeqa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

import dev.citeqa.ingest.Passage;

/**
 * The setup a LangChain4j user would otherwise pick: every passage embedded by the in-process model into an
 * {@link InMemoryEmbeddingStore}, searched through an {@link EmbeddingStoreContentRetriever}. It is given
 * citeqa's own passages, so both rank the same units.
 */
final class LangChainBaseline {

    static final String FILE = "file";

    private final EmbeddingModel model;
    private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    private ContentRetriever retriever;

    LangChainBaseline(EmbeddingModel model) {
        this.model = model;
    }

    /** Embeds and stores the passages, as EmbeddingStoreIngestor does, in batches of the model's choosing. */
    void ingest(List<Passage> passages, int topK) {
        List<TextSegment> segments = new ArrayList<>(passages.size());
        for (Passage passage : passages) {
            segments.add(TextSegment.from(passage.text(), Metadata.from(FILE, passage.file()).put("id", passage.id())));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        store.addAll(embeddings, segments);
        retriever = EmbeddingStoreContentRetriever.builder().embeddingStore(store).embeddingModel(model)
                .maxResults(topK).build();
    }

    /** Dimensions of the in-jar models (MiniLM and BGE small alike). */
    static final int DIMENSIONS = 384;

    /**
     * The store alone at a corpus size, filled with the corpus's passage texts and stand-in vectors: its search
     * compares the question with every stored vector whatever their values, so time and memory are the store's
     * own. The question's embedding is not included (it is measured with the real model on the embedding corpus).
     */
    static BenchReport.StoreScale storeAtScale(List<String> texts, int queries, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long before = MemoryUse.now(-1).liveHeap();
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        List<Embedding> embeddings = new ArrayList<>(texts.size());
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            embeddings.add(Embedding.from(unitVector(random)));
            segments.add(TextSegment.from(texts.get(i), Metadata.from(FILE, "file-" + i)));
        }
        store.addAll(embeddings, segments);
        embeddings.clear();
        segments.clear();
        long heap = MemoryUse.now(-1).liveHeap() - before;
        long[] nanos = new long[queries];
        for (int i = -queries / 5; i < queries; i++) {
            // the first fifth warms the JIT up and is not timed
            EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                    .queryEmbedding(Embedding.from(unitVector(random))).maxResults(5).build();
            long begin = System.nanoTime();
            store.search(request);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - begin;
            }
        }
        return new BenchReport.StoreScale(texts.size(), heap, Distribution.ofNanos(nanos));
    }

    private static float[] unitVector(SplittableRandom random) {
        float[] vector = new float[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (random.nextDouble() * 2 - 1);
            norm += vector[i] * vector[i];
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    /** The files of the passages found for the question, best first. */
    List<String> retrieveFiles(String question) {
        List<String> files = new ArrayList<>();
        for (Content content : retriever.retrieve(Query.from(question))) {
            files.add(content.textSegment().metadata().getString(FILE));
        }
        return files;
    }
}
