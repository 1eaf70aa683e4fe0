package dev.citeqa.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.index.EmbeddingProgress;
import dev.citeqa.index.Embedder;
import dev.citeqa.index.IndexSummary;
import dev.citeqa.index.Indexer;
import dev.citeqa.index.LuceneIndex;
import dev.citeqa.index.PassageStore;
import dev.citeqa.index.VectorBackfill;
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

/**
 * A documents folder and its own index in a data folder, opened together. Indexing is two steps: the text (BM25 can
 * answer as soon as it is committed), then the vectors, in the foreground or on a background thread.
 */
public final class Workspace implements AutoCloseable {

    /**
     * Passages embedded before a first answer rather than behind it: about five seconds at the 40 passages/s measured
     * on 2 cores, about what a first answer may wait. More go to the background (shell) or wait for index (one-shot).
     */
    public static final int EMBED_BEFORE_ANSWER = 200;

    private final Path docs;
    private final Path data;
    private final PassageStore store;
    private final Indexer indexer;
    private final LexicalRetriever bm25;
    private final PassageRetrieval retrieval;
    private final Embedder embedder;
    private final VectorBackfill backfill;
    private final DocumentReader reader;
    private IndexSummary lastSync;
    private Thread background;
    private volatile boolean stopBackground;
    private volatile EmbeddingProgress backgroundProgress;

    /** Opens the index with the process's instance of the configured embedding model. */
    public Workspace(Path docs, Path data, CiteqaProperties settings) {
        this(docs, data, settings, Embedder.shared(settings.retrieval().embeddingModel()));
    }

    /**
     * Opens the index. The embedding model is not loaded here: a command that needs no vector (status, docs, a
     * question answered by BM25) must not pay for it, and a process that exits while the model's native code is still
     * loading can crash in it. A single ask starts it early (EarlyModelLoad), the shell after its prompt, and an
     * embedding or a question's vector loads it on first use.
     */
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
        this.embedder = embedder;
        this.backfill = new VectorBackfill(store, embedder);
        this.retrieval = new PassageRetrieval(bm25, vectors, settings.retrieval().rrfK(),
                settings.retrieval().candidates());
        this.reader = new DocumentReader(settings.ingest().maxFileMb());
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

    /** Brings the index in line with the folder, vectors included. */
    public IndexSummary sync(Consumer<Indexer.Progress> progress) {
        return sync(progress, p -> {
        }, () -> false);
    }

    /**
     * Brings the index in line with the folder: the text, then every missing vector in the foreground (a background
     * embedding is stopped first and this one takes over), until {@code stop} says so.
     */
    public synchronized IndexSummary sync(Consumer<Indexer.Progress> files, Consumer<EmbeddingProgress> embedding,
                                          BooleanSupplier stop) {
        IndexSummary text = syncText(files);
        return embed(text, embedding, stop);
    }

    /** Brings the text of the index in line with the folder; passages whose text is new wait for their vectors. */
    public synchronized IndexSummary syncText(Consumer<Indexer.Progress> files) {
        stopBackground();
        lastSync = indexer.sync(docs, files);
        return lastSync;
    }

    /** Syncs the text once per session, before the first question; later calls return null. */
    public synchronized IndexSummary syncOnce(Consumer<Indexer.Progress> files) {
        return lastSync == null ? syncText(files) : null;
    }

    /** Embeds what waits, in the foreground; the summary of the index run {@code text} with the embedding added. */
    public synchronized IndexSummary embed(IndexSummary text, Consumer<EmbeddingProgress> embedding,
                                           BooleanSupplier stop) {
        stopBackground();
        long begin = System.nanoTime();
        int embedded = backfill.run(embedding, stop);
        lastSync = text.embedding(embedded, backfill.waiting(), embedded == 0 ? 0 : (System.nanoTime() - begin) / 1_000_000);
        return lastSync;
    }

    /** Passages in the index. */
    public int passageCount() {
        return store.passageCount();
    }

    /** Passages that have no vector yet (0 without an embedding model). */
    public int vectorsWaiting() {
        return backfill.waiting();
    }

    /**
     * Starts embedding what waits on a background thread, unless one runs already; {@code finished} gets the last
     * progress (or the failure's message) when it ends. Questions meanwhile use BM25 alone.
     */
    public synchronized void embedInBackground(Consumer<String> finished) {
        if (background != null && background.isAlive() || backfill.waiting() == 0) {
            return;
        }
        stopBackground = false;
        backgroundProgress = new EmbeddingProgress(0, backfill.waiting(), 0);
        background = new Thread(() -> {
            long begin = System.nanoTime();
            try {
                int embedded = backfill.run(p -> backgroundProgress = p, () -> stopBackground);
                if (!stopBackground) {
                    finished.accept(String.format("Embedded %d passages in %.0f s: questions now use the vectors too.",
                            embedded, (System.nanoTime() - begin) / 1e9));
                }
            } catch (RuntimeException e) {
                finished.accept("Embedding in the background stopped (" + e.getMessage()
                        + "); questions use BM25 alone, and index tries again.");
            } finally {
                backgroundProgress = null;
            }
        }, "citeqa-embedding");
        background.setDaemon(true);
        background.setPriority(Thread.MIN_PRIORITY);
        background.start();
    }

    /** The background embedding's progress, or null when none runs. */
    public EmbeddingProgress backgroundEmbedding() {
        return backgroundProgress;
    }

    /** The embedding model's name ("none" when retrieval is by BM25 alone). */
    public String embeddingModel() {
        return embedder.name();
    }

    /** Stops a background embedding after its current step, keeping what it committed, and waits for it. */
    private void stopBackground() {
        Thread running = background;
        if (running == null) {
            return;
        }
        stopBackground = true;
        try {
            running.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        background = null;
    }

    @Override
    public synchronized void close() {
        stopBackground();
        store.close();
    }
}
