package dev.citeqa.bench;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
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

    /** The files of the passages found for the question, best first. */
    List<String> retrieveFiles(String question) {
        List<String> files = new ArrayList<>();
        for (Content content : retriever.retrieve(Query.from(question))) {
            files.add(content.textSegment().metadata().getString(FILE));
        }
        return files;
    }
}
