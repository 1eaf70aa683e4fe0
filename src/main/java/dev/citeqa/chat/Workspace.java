package dev.citeqa.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.index.Embedder;
import dev.citeqa.index.IndexSummary;
import dev.citeqa.index.Indexer;
import dev.citeqa.index.LuceneIndex;
import dev.citeqa.index.PassageStore;
import dev.citeqa.index.StoredFile;
import dev.citeqa.ingest.DocumentReader;
import dev.citeqa.ingest.Passage;
import dev.citeqa.ingest.Place;
import dev.citeqa.retrieve.Bm25Retriever;
import dev.citeqa.retrieve.DenseRetriever;
import dev.citeqa.retrieve.LexicalRetriever;
import dev.citeqa.retrieve.PassageRetrieval;
import dev.citeqa.retrieve.RetrievalMode;
import dev.citeqa.retrieve.Retriever;
import dev.citeqa.retrieve.TermWeights;
import dev.citeqa.retrieve.VectorRetriever;
import dev.citeqa.solr.SolrBm25Retriever;
import dev.citeqa.solr.SolrCollection;
import dev.citeqa.solr.SolrPassageStore;
import dev.citeqa.solr.SolrVectorRetriever;

/** A documents folder and its own index in a data folder, opened together. */
public final class Workspace implements AutoCloseable {

    private final Path docs;
    private final Path data;
    private final PassageStore store;
    private final Indexer indexer;
    private final LexicalRetriever bm25;
    private final PassageRetrieval retrieval;
    private final DocumentReader reader;
    private IndexSummary lastSync;

    /** Opens the index with the process's instance of the configured embedding model. */
    public Workspace(Path docs, Path data, CiteqaProperties settings) {
        this(docs, data, settings, Embedder.shared(settings.retrieval().embeddingModel()));
    }

    /** Opens the index; the embedding model starts loading in the background, as the first sync will need it. */
    public Workspace(Path docs, Path data, CiteqaProperties settings, Embedder embedder) {
        this(docs, data, settings, embedder, System.err::println);
    }

    /**
     * Opens the configured backend: the embedded index in the data folder, or the Solr collection (which must be
     * reachable now; the data folder is then not touched).
     *
     * @param notices where a line about the backend goes as soon as it happens (a Solr node found down)
     */
    public Workspace(Path docs, Path data, CiteqaProperties settings, Embedder embedder, Consumer<String> notices) {
        this.docs = docs;
        this.data = data;
        DenseRetriever vectors;
        if (settings.retrieval().solrcloud()) {
            SolrCollection collection = new SolrCollection(settings.solr(), notices);
            this.store = new SolrPassageStore(collection);
            this.bm25 = new SolrBm25Retriever(collection);
            vectors = new SolrVectorRetriever(collection, embedder);
        } else {
            LuceneIndex index = new LuceneIndex(data);
            this.store = index;
            this.bm25 = new Bm25Retriever(index);
            vectors = new VectorRetriever(index, embedder);
        }
        this.indexer = new Indexer(store, settings.ingest(), embedder);
        this.retrieval = new PassageRetrieval(bm25, vectors, settings.retrieval().rrfK(),
                settings.retrieval().candidates());
        this.reader = new DocumentReader(settings.ingest().maxFileMb());
        embedder.warmUp();
    }

    public Path docs() {
        return docs;
    }

    public Path data() {
        return data;
    }

    /** Where this workspace's passages are kept: the embedded index or a Solr collection. */
    public PassageStore store() {
        return store;
    }

    /** The embedded index, for what only it can do (the bench's exact scans, tests of its files). */
    public LuceneIndex index() {
        if (store instanceof LuceneIndex index) {
            return index;
        }
        throw new Problem("This needs the embedded index; it runs with --backend lucene.");
    }

    /** BM25 alone, over this workspace's passages. */
    public LexicalRetriever bm25() {
        return bm25;
    }

    /** BM25, vector and hybrid retrieval over this workspace's index. */
    public PassageRetrieval retrieval() {
        return retrieval;
    }

    /** The files in the index, by name. */
    public Map<String, StoredFile> files() {
        return store.files();
    }

    /** Where the index is: its folder, or the Solr collection and its nodes. */
    public String indexLocation() {
        return store.location();
    }

    /** A one-line note when the index was found damaged and set aside since the last call. */
    public Optional<String> takeRecoveryNote() {
        return store.takeRecoveryNote();
    }

    /** The analysed terms of a question with their weights in this index, for explaining a ranking. */
    public TermWeights weights(String question) {
        return retrieval.weights(question);
    }

    /**
     * Where a passage is in its file ("line 285", "pages 3-4"), if the file still holds the passage's text at its
     * offsets. Offsets count the extracted text; a converted file (HTML, Markdown, PDF) gives its own lines or
     * pages, kept with the passage when it was indexed.
     */
    public Optional<Place> placeOf(Passage passage) {
        Path path = docs.resolve(passage.file());
        if (!Files.isRegularFile(path)
                || !(reader.read(path, passage.file()) instanceof DocumentReader.Read read)) {
            return Optional.empty();
        }
        String text = read.source().text();
        if (passage.end() > text.length() || !text.substring(passage.start(), passage.end()).equals(passage.text())) {
            return Optional.empty();
        }
        return Optional.of(passage.place() != null ? passage.place()
                : read.source().places().place(passage.start(), passage.end()));
    }

    /** One retrieval mode as a plain {@link Retriever} (what an evaluation run compares), near-duplicates folded. */
    public Retriever retriever(RetrievalMode mode) {
        return (question, k) -> retrieval.retrieve(question, mode, k);
    }

    /** Brings the index in line with the folder. */
    public synchronized IndexSummary sync(Consumer<Indexer.Progress> progress) {
        lastSync = indexer.sync(docs, progress);
        return lastSync;
    }

    /** Syncs once per session, before the first question; later calls return null. */
    public synchronized IndexSummary syncOnce(Consumer<Indexer.Progress> progress) {
        return lastSync == null ? sync(progress) : null;
    }

    @Override
    public void close() {
        store.close();
    }
}
