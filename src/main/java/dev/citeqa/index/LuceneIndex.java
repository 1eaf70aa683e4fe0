package dev.citeqa.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

import dev.citeqa.config.Problem;
import dev.citeqa.ingest.IngestedFile;
import dev.citeqa.ingest.Passage;

/**
 * The embedded, on-disk Lucene index. Changes go through one {@link IndexWriter} that is open only while a batch
 * is written and commits once, so a killed run leaves the previous commit intact. A damaged index is moved aside
 * and rebuilt from the documents.
 */
public final class LuceneIndex implements PassageStore {

    /** Files whose passages are kept in memory between commits: the files of a few questions' hits. */
    private static final int FILES_KEPT = 256;

    private final Path folder;
    private Directory directory;
    private final DirectoryOpener opener;

    /** How the index folder becomes a Lucene directory. */
    interface DirectoryOpener {
        Directory open(Path folder) throws IOException;
    }
    private DirectoryReader reader;
    /** Passages of recently read files, for the reader of the last commit (cleared when it changes). */
    private final Map<String, List<Passage>> filePassages = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Passage>> eldest) {
            return size() > FILES_KEPT;
        }
    };
    private String recovered;
    /** An index of an older layout, moved aside: its vectors are reused by the rebuild, then it is deleted. */
    private Previous previous;

    private record Previous(Path folder, Directory directory, DirectoryReader reader, String model) {
    }

    /**
     * One writer at a time in this process: an index run and the background embedding take turns, each batch
     * committed before the other starts (Lucene's own lock would fail the second instead of making it wait).
     */
    private final java.util.concurrent.locks.ReentrantLock writing = new java.util.concurrent.locks.ReentrantLock();
    /** Passages without a vector in {@link #reader}, counted once per commit; -1 until counted. */
    private int withoutVector = -1;

    public LuceneIndex(Path dataFolder) {
        this(dataFolder, FSDirectory::open);
    }

    /** Opens the index through {@code opener}, which tests use to put faults under the index. */
    LuceneIndex(Path dataFolder, DirectoryOpener opener) {
        this.folder = dataFolder.resolve("index");
        this.opener = opener;
        try {
            Files.createDirectories(folder);
            this.directory = opener.open(folder);
            openReader();
            if (reader == null && previous == null) {
                keepPreviousLeftBehind();
            }
        } catch (IOException e) {
            throw new Problem("Cannot open the index in " + folder + " (" + e.getMessage()
                    + "): check the folder's permissions or pass another --data folder.", e);
        }
    }

    /**
     * Whether every passage of the index in {@code dataFolder} has its vector, so that a question will be embedded;
     * read without opening the index for writing or changing anything on disk (false when there is no readable
     * index, or no passage).
     */
    public static boolean vectorsReady(Path dataFolder) {
        Path folder = dataFolder.resolve("index");
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Directory directory = FSDirectory.open(folder);
             DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            return searcher.count(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE))) > 0
                    && searcher.count(withoutVectorQuery()) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A note for the user, once, when the index was found damaged and moved aside at open. */
    @Override
    public synchronized java.util.Optional<String> takeRecoveryNote() {
        java.util.Optional<String> note = java.util.Optional.ofNullable(recovered);
        recovered = null;
        return note;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public String location() {
        return folder.toString();
    }

    private void openReader() throws IOException {
        filePassages.clear();
        if (!DirectoryReader.indexExists(directory)) {
            reader = null;
            return;
        }
        try {
            DirectoryReader opened = DirectoryReader.open(directory);
            String layout = opened.getIndexCommit().getUserData().get(Fields.LAYOUT);
            if (!Fields.LAYOUT_VERSION.equals(layout)) {
                opened.close();
                Path aside = moveAside("index.previous-", "was written by another version of citeqa",
                        "rebuilt from the documents, reusing the passage vectors it holds; the old copy is deleted "
                                + "once the new index is committed");
                keepPrevious(aside);
                return;
            }
            reader = opened;
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
                 | java.io.EOFException | java.nio.file.NoSuchFileException e) {
            moveAside("index.damaged-", "was damaged (" + e.getClass().getSimpleName() + ")",
                    "rebuilt from the documents");
        }
    }

    private Path moveAside(String prefix, String why, String then) throws IOException {
        directory.close();
        Path aside = folder.resolveSibling(prefix
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.move(folder, aside);
        Files.createDirectories(folder);
        recovered = "The index in " + folder + " " + why + "; it was moved to " + aside.getFileName()
                + " and is " + then + ".";
        reader = null;
        filePassages.clear();
        directory = opener.open(folder);
        return aside;
    }

    /**
     * Opens the moved-aside index for its vectors; if it cannot be read, the rebuild embeds everything again, and the
     * recovery note says so, since on a large folder that is the difference between seconds and hours.
     */
    private void keepPrevious(Path aside) {
        Directory old = null;
        try {
            old = opener.open(aside);
            DirectoryReader oldReader = DirectoryReader.open(old);
            previous = new Previous(aside, old, oldReader,
                    oldReader.getIndexCommit().getUserData().get(Fields.EMBEDDING_MODEL));
        } catch (IOException | RuntimeException e) {
            closeQuietly(old);
            String line = "The vectors of " + aside.getFileName() + " could not be read ("
                    + e.getClass().getSimpleName() + "): every passage is embedded again.";
            recovered = recovered == null ? line : recovered + " " + line;
        }
    }

    /** A rebuild stopped before its commit leaves the old index aside: it still lends its vectors. */
    private void keepPreviousLeftBehind() throws IOException {
        try (var siblings = Files.list(folder.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith("index.previous-"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .ifPresent(this::keepPrevious);
        }
    }

    /** Deletes the moved-aside index once a new index holds what it had. */
    private synchronized void dropPrevious() {
        if (previous == null) {
            return;
        }
        Path aside = previous.folder();
        closePrevious();
        try (var paths = Files.walk(aside)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // left on disk: it only takes space, and the next index run does not read it
        }
    }

    private void closePrevious() {
        if (previous != null) {
            closeQuietly(previous.reader());
            closeQuietly(previous.directory());
            previous = null;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing more to do with it
        }
    }

    private synchronized void refresh() {
        try {
            if (reader == null) {
                if (DirectoryReader.indexExists(directory)) {
                    reader = DirectoryReader.open(directory);
                }
                return;
            }
            DirectoryReader newer = DirectoryReader.openIfChanged(reader);
            if (newer != null) {
                reader.close();
                reader = newer;
                withoutVector = -1;
                filePassages.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A searcher over the last commit, or null when nothing was indexed yet. */
    public synchronized IndexSearcher searcher() {
        return reader == null ? null : new IndexSearcher(reader);
    }

    @Override
    public synchronized Map<String, StoredFile> files() {
        Map<String, StoredFile> files = new HashMap<>();
        if (reader == null) {
            return files;
        }
        try {
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs docs = searcher.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_FILE)),
                    Math.max(1, reader.maxDoc()));
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : docs.scoreDocs) {
                Document d = stored.document(hit.doc);
                String keys = d.get(Fields.LINE_KEYS);
                Set<String> lineKeys = keys == null || keys.isEmpty() ? Set.of()
                        : new LinkedHashSet<>(Arrays.asList(keys.split("\n")));
                files.put(d.get(Fields.FILE), new StoredFile(d.get(Fields.FILE), d.get(Fields.CONTENT_HASH),
                        d.get(Fields.FINGERPRINT), d.get(Fields.FILE_TITLE), d.get(Fields.FILE_DATE),
                        d.getField(Fields.PASSAGE_COUNT).numericValue().intValue(), lineKeys));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    @Override
    public synchronized Optional<Passage> passage(String id) {
        List<Passage> found = query(new TermQuery(new Term(Fields.ID, id)), 1);
        return found.stream().findFirst();
    }

    @Override
    public synchronized List<Passage> passages(String file) {
        // a question reads the passage before each hit (its lead): the same files again and again until a commit
        List<Passage> known = filePassages.get(file);
        if (known != null) {
            return new ArrayList<>(known);
        }
        List<Passage> passages = new ArrayList<>(query(new org.apache.lucene.search.BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.FILE, file)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)),
                        org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .build(), Integer.MAX_VALUE));
        passages.sort(Comparator.comparingInt(Passage::ordinal));
        if (reader != null) {
            filePassages.put(file, List.copyOf(passages));
        }
        return passages;
    }

    private List<Passage> query(org.apache.lucene.search.Query query, int max) {
        if (reader == null) {
            return List.of();
        }
        try {
            IndexSearcher searcher = new IndexSearcher(reader);
            // the hits counted first: a queue sized for every document would cost more than the search at 1M passages
            int wanted = max == 1 ? 1 : Math.min(max, searcher.count(query));
            if (wanted == 0) {
                return List.of();
            }
            TopDocs docs = searcher.search(query, wanted);
            StoredFields stored = searcher.storedFields();
            List<Passage> passages = new ArrayList<>();
            for (ScoreDoc hit : docs.scoreDocs) {
                passages.add(PassageDocuments.passage(stored.document(hit.doc)));
            }
            return passages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized int passageCount() {
        if (reader == null) {
            return 0;
        }
        try {
            return new IndexSearcher(reader).count(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Passages that have no vector yet: an index run writes them at once, the embedding follows (VectorBackfill). */
    @Override
    public synchronized int passagesWithoutVector() {
        if (reader == null) {
            return 0;
        }
        if (withoutVector < 0) {
            try {
                withoutVector = new IndexSearcher(reader).count(withoutVectorQuery());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return withoutVector;
    }

    /** Up to {@code max} passages that have no vector yet, in index order. */
    @Override
    public synchronized List<Passage> passagesWithoutVector(int max) {
        return query(withoutVectorQuery(), max);
    }

    private static org.apache.lucene.search.Query withoutVectorQuery() {
        return new org.apache.lucene.search.BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_PASSAGE)),
                        org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .add(new org.apache.lucene.search.FieldExistsQuery(Fields.VECTOR),
                        org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
                .build();
    }

    @Override
    public synchronized String embeddingModel() {
        if (reader == null) {
            return null;
        }
        try {
            return reader.getIndexCommit().getUserData().get(Fields.EMBEDDING_MODEL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized Map<String, float[]> vectors(Collection<String> textHashes, String model) {
        Map<String, float[]> found = new HashMap<>();
        if (textHashes.isEmpty()) {
            return found;
        }
        try {
            if (reader != null && model.equals(embeddingModel())) {
                collectVectors(reader, textHashes, found);
            }
            if (previous != null && model.equals(previous.model()) && found.size() < textHashes.size()) {
                collectVectors(previous.reader(), textHashes, found);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static void collectVectors(DirectoryReader from, Collection<String> textHashes, Map<String, float[]> found)
            throws IOException {
        for (LeafReaderContext leaf : from.leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
            Terms terms = leaf.reader().terms(Fields.TEXT_HASH);
            if (values == null || terms == null) {
                continue;
            }
            TermsEnum hashes = terms.iterator();
            Bits live = leaf.reader().getLiveDocs();
            for (String hash : textHashes) {
                if (found.containsKey(hash) || !hashes.seekExact(new BytesRef(hash))) {
                    continue;
                }
                PostingsEnum docs = hashes.postings(null, PostingsEnum.NONE);
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    KnnVectorValues.DocIndexIterator vectors = values.iterator();
                    if (vectors.advance(doc) == doc) {
                        found.put(hash, values.vectorValue(vectors.index()).clone());
                        break;
                    }
                }
            }
        }
    }

    @Override
    public Changes change() {
        writing.lock();
        try {
            return new LuceneChanges(openWriter());
        } catch (RuntimeException | Error e) {
            writing.unlock();
            throw e;
        }
    }

    private IndexWriter openWriter() {
        IndexWriterConfig config = new IndexWriterConfig(Analysis.english())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(64)
                .setCodec(IndexCodec.codec());
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            throw new Problem("Another citeqa process is writing the index in " + folder
                    + ": wait for it to finish, or pass another --data folder.", e);
        } catch (IOException e) {
            throw new Problem("Cannot write the index in " + folder + " (" + e.getMessage()
                    + "): check free disk space and permissions.", e);
        }
        return writer;
    }

    private final class LuceneChanges implements Changes {
        private final IndexWriter writer;
        private boolean committed;
        private String model;

        LuceneChanges(IndexWriter writer) {
            this.writer = writer;
        }

        @Override
        public void replace(IngestedFile file, Set<String> lineKeys, List<float[]> vectors) {
            List<Document> docs = new ArrayList<>(file.passages().size() + 1);
            for (int i = 0; i < file.passages().size(); i++) {
                docs.add(PassageDocuments.document(file.passages().get(i), vectors.isEmpty() ? null : vectors.get(i)));
            }
            docs.add(fileRecord(file, lineKeys));
            try {
                writer.updateDocuments(new Term(Fields.FILE, file.file()), docs);
            } catch (IOException e) {
                throw writeFailed(e);
            }
        }

        @Override
        public void addVector(Passage passage, float[] vector) {
            try {
                // the id holds a hash of the text: a passage changed or removed since it was read is not brought back
                if (passage(passage.id()).filter(p -> p.text().equals(passage.text())).isPresent()) {
                    writer.updateDocument(new Term(Fields.ID, passage.id()), PassageDocuments.document(passage, vector));
                }
            } catch (IOException e) {
                throw writeFailed(e);
            }
        }

        @Override
        public void remove(String file) {
            try {
                writer.deleteDocuments(new Term(Fields.FILE, file));
            } catch (IOException e) {
                throw writeFailed(e);
            }
        }

        @Override
        public void embeddingModel(String model) {
            this.model = model;
        }

        @Override
        public void commit() {
            try {
                writer.setLiveCommitData(Map.of(Fields.LAYOUT, Fields.LAYOUT_VERSION,
                        Fields.EMBEDDING_MODEL, model == null ? String.valueOf(LuceneIndex.this.embeddingModel()) : model).entrySet());
                writer.commit();
                committed = true;
            } catch (IOException e) {
                throw writeFailed(e);
            }
            refresh();
            dropPrevious();
        }

        @Override
        public void close() {
            try {
                if (!committed) {
                    writer.rollback();
                } else {
                    writer.close();
                }
            } catch (IOException | RuntimeException e) {
                // the writer is gone either way; the last commit on disk is what stays
            } finally {
                writing.unlock();
            }
        }

        private Problem writeFailed(IOException e) {
            return new Problem("Could not write the index in " + folder + " (" + e.getMessage()
                    + "); the previous index is kept. Check free disk space and run index again.", e);
        }
    }

    private static Document fileRecord(IngestedFile file, Set<String> lineKeys) {
        Document d = new Document();
        d.add(new StringField(Fields.KIND, Fields.KIND_FILE, Field.Store.YES));
        d.add(new StringField(Fields.FILE, file.file(), Field.Store.YES));
        d.add(new StoredField(Fields.CONTENT_HASH, file.contentHash()));
        d.add(new StoredField(Fields.FINGERPRINT, file.fingerprint()));
        d.add(new StoredField(Fields.FILE_TITLE, file.title()));
        if (file.date() != null) {
            d.add(new StoredField(Fields.FILE_DATE, file.date()));
        }
        d.add(new StoredField(Fields.PASSAGE_COUNT, file.passages().size()));
        d.add(new StoredField(Fields.LINE_KEYS, String.join("\n", lineKeys)));
        return d;
    }

    @Override
    public synchronized void close() {
        closePrevious();
        try {
            if (reader != null) {
                reader.close();
            }
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
