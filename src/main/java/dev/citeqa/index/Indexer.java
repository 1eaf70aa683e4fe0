package dev.citeqa.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.ingest.Boilerplate;
import dev.citeqa.ingest.DocumentFolder;
import dev.citeqa.ingest.DocumentReader;
import dev.citeqa.ingest.Hashes;
import dev.citeqa.ingest.IngestedFile;
import dev.citeqa.ingest.Passage;
import dev.citeqa.ingest.PassageSplitter;
import dev.citeqa.ingest.SourceText;

/**
 * Brings the index in line with a documents folder: new files are added, changed ones replaced, deleted ones
 * removed, unchanged ones (same bytes, same chrome lines) left alone. Everything lands in one commit, with the
 * vectors of unchanged passage texts reused; the other passages are searchable by BM25 at once and embedded
 * afterwards by {@link VectorBackfill}, which is most of the time an index takes (about 40 passages/s on 2 cores).
 */
public final class Indexer {

    /**
     * Progress of a run: files looked at so far, out of how many, the current one, and the passages split so far
     * (the files are read first, then the changed ones are split, so passages grow once done equals total).
     */
    public record Progress(int done, int total, String file, int passages) {
    }

    /**
     * Text of changed files kept from the first pass for the second, in characters. Beyond it a file is read again
     * in the second pass, so a first index of a million passages does not hold the whole corpus in the heap.
     */
    static final long KEPT_TEXT_CHARS = 32L << 20;

    private final PassageStore store;
    private final CiteqaProperties.Ingest settings;
    private final Embedder embedder;
    private final long keptTextChars;
    private final DocumentReader reader;
    private int embeddedThisRun;

    public Indexer(PassageStore store, CiteqaProperties.Ingest settings, Embedder embedder) {
        this(store, settings, embedder, KEPT_TEXT_CHARS);
    }

    Indexer(PassageStore store, CiteqaProperties.Ingest settings, Embedder embedder, long keptTextChars) {
        this.store = store;
        this.settings = settings;
        this.embedder = embedder;
        this.reader = new DocumentReader(settings.maxFileMb());
        this.keptTextChars = keptTextChars;
    }

    static final String HOLD_BEFORE_COMMIT = "citeqa.test.hold-before-commit";
    static final String HELD = "held before the commit";

    public IndexSummary sync(Path docs, Consumer<Progress> progress) {
        long begin = System.nanoTime();
        embeddedThisRun = 0;
        if (!Files.isDirectory(docs)) {
            throw new Problem("The documents folder " + docs.toAbsolutePath().normalize()
                    + " does not exist or is not a folder: create it or pass --docs <folder>.");
        }
        DocumentFolder.Listing listing;
        try {
            listing = DocumentFolder.list(docs, settings.extensions(), settings.followLinks());
        } catch (IOException e) {
            throw new Problem("Cannot list the documents folder " + docs + " (" + e.getMessage() + ").", e);
        }
        Map<String, StoredFile> stored = store.files();
        // vectors of another model cannot be compared with this one's questions: every file is embedded again
        boolean reembed = !stored.isEmpty() && !embedder.name().equals(store.embeddingModel());
        List<DocumentReader.Skipped> skipped = new ArrayList<>(listing.skipped());

        // First pass: hash every file; parse only the ones whose bytes changed.
        Map<String, Set<String>> lineKeys = new HashMap<>();
        Map<String, SourceText> parsed = new HashMap<>();
        Set<String> changedNotKept = new HashSet<>();
        long kept = 0;
        Map<String, DocumentFolder.Entry> entries = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        int total = listing.entries().size();
        int done = 0;
        for (DocumentFolder.Entry entry : listing.entries()) {
            progress.accept(new Progress(done++, total, entry.file(), 0));
            byte[] bytes;
            try {
                Optional<DocumentReader.Skipped> tooLarge = reader.tooLarge(entry.path(), entry.file());
                if (tooLarge.isPresent()) {
                    skipped.add(tooLarge.get());
                    unreadable.add(entry.file());
                    continue;
                }
                bytes = Files.readAllBytes(entry.path());
            } catch (java.nio.file.NoSuchFileException e) {
                continue; // deleted while we were indexing: treated like any deleted file
            } catch (IOException e) {
                skipped.add(new DocumentReader.Skipped(entry.file(), "cannot be read (" + e.getClass().getSimpleName() + ")"));
                unreadable.add(entry.file());
                continue;
            }
            String hash = Hashes.sha256(bytes);
            StoredFile known = stored.get(entry.file());
            if (known != null && hash.equals(known.contentHash())) {
                lineKeys.put(entry.file(), known.lineKeys());
                entries.put(entry.file(), entry);
                continue;
            }
            switch (reader.parse(entry.file(), bytes, hash)) {
                case DocumentReader.Read read -> {
                    lineKeys.put(entry.file(), Boilerplate.lineKeys(read.source()));
                    entries.put(entry.file(), entry);
                    if (kept + read.source().text().length() <= keptTextChars) {
                        parsed.put(entry.file(), read.source());
                        kept += read.source().text().length();
                    } else {
                        changedNotKept.add(entry.file());
                    }
                }
                case DocumentReader.Skipped skip -> skipped.add(skip);
            }
        }
        progress.accept(new Progress(total, total, "", 0));

        // Second pass: with the corpus-wide chrome known, split what changed and commit once.
        Boilerplate boilerplate = Boilerplate.ofCorpus(lineKeys);
        PassageSplitter splitter = new PassageSplitter(settings);
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        int removed = 0;
        int passages = 0;
        try (PassageStore.Changes changes = store.change()) {
            for (Map.Entry<String, Set<String>> file : lineKeys.entrySet()) {
                String name = file.getKey();
                StoredFile known = stored.get(name);
                SourceText source = parsed.remove(name); // dropped once split, so the heap empties as the batch fills
                if (source == null && changedNotKept.contains(name)) {
                    source = reparse(entries.get(name), skipped);
                    if (source == null) {
                        continue;
                    }
                } else if (source == null) {
                    String fingerprint = PassageSplitter.fingerprint(known.contentHash(), settings,
                            boilerplate.corpusChrome(file.getValue()));
                    if (fingerprint.equals(known.fingerprint()) && !reembed) {
                        unchanged++;
                        passages += known.passages();
                        continue;
                    }
                    source = reparse(entries.get(name), skipped);
                    if (source == null) {
                        continue;
                    }
                }
                IngestedFile ingested = splitter.split(source, boilerplate, file.getValue());
                changes.replace(ingested, file.getValue(), reembed ? reused(ingested, Map.of())
                        : reused(ingested, store.vectors(ingested.passages().stream()
                        .map(p -> PassageDocuments.textHash(p.text())).toList(), embedder.name())));
                passages += ingested.passages().size();
                progress.accept(new Progress(total, total, name, passages));
                if (known == null) {
                    added++;
                } else {
                    changed++;
                }
            }
            for (String name : stored.keySet()) {
                if (!lineKeys.containsKey(name) && !unreadable.contains(name)) {
                    changes.remove(name);
                    removed++;
                }
            }
            if (added + changed + removed > 0) {
                changes.embeddingModel(embedder.name());
                holdBeforeCommitIfAsked();
                changes.commit();
            }
        }
        skipped.sort((a, b) -> a.file().compareTo(b.file()));
        return new IndexSummary(added, changed, removed, unchanged, List.copyOf(skipped), passages,
                embedder.enabled() ? store.passagesWithoutVector() : 0, embeddedThisRun,
                (System.nanoTime() - begin) / 1_000_000);
    }

    /**
     * For the killed-run test only: with the system property {@value #HOLD_BEFORE_COMMIT} set, a run that has
     * written every passage says so on stderr and waits, uncommitted, to be killed at that known point.
     */
    private static void holdBeforeCommitIfAsked() {
        if (Boolean.getBoolean(HOLD_BEFORE_COMMIT)) {
            System.err.println(HELD);
            System.err.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held before the commit", e);
            }
        }
    }

    /** The vectors of a file's passages that are stored already (by text hash); null for the ones still to embed. */
    private List<float[]> reused(IngestedFile file, Map<String, float[]> stored) {
        if (!embedder.enabled()) {
            return List.of();
        }
        List<float[]> vectors = new ArrayList<>(file.passages().size());
        List<Integer> missing = new ArrayList<>();
        for (Passage passage : file.passages()) {
            float[] known = stored.get(PassageDocuments.textHash(passage.text()));
            if (known == null) {
                missing.add(vectors.size());
            }
            vectors.add(known);
        }
        if (!store.storesWithoutVector() && !missing.isEmpty()) {
            // a store that cannot find passages without a vector again gets every vector with its passage
            List<float[]> computed = embedder.passages(missing.stream()
                    .map(i -> embeddedText(file.passages().get(i))).toList());
            for (int j = 0; j < missing.size(); j++) {
                vectors.set(missing.get(j), computed.get(j));
            }
            embeddedThisRun += missing.size();
        }
        return vectors;
    }

    /** What is embedded for a passage: its text, after the document's title, which says what the passage is about. */
    static String embeddedText(Passage passage) {
        return passage.title() + "\n" + passage.text();
    }

    private SourceText reparse(DocumentFolder.Entry entry, List<DocumentReader.Skipped> skipped) {
        return switch (reader.read(entry.path(), entry.file())) {
            case DocumentReader.Read read -> read.source();
            case DocumentReader.Skipped skip -> {
                skipped.add(skip);
                yield null;
            }
        };
    }
}
