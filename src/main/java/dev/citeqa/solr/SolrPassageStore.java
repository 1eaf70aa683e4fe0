package dev.citeqa.solr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

import dev.citeqa.index.Fields;
import dev.citeqa.index.PassageStore;
import dev.citeqa.index.StoredFile;
import dev.citeqa.ingest.IngestedFile;
import dev.citeqa.ingest.Passage;

/**
 * Passages kept in a SolrCloud collection, with the embedded index's contract: the indexer sends only the files
 * whose content changed, each file's passages are replaced by file, and a sync ends with one commit that makes
 * all of it visible. Until that commit searches see the previous state (the collection's auto-commit writes to
 * disk without opening a searcher); a run killed before it leaves its updates in the update log, to be made
 * visible by the next sync's commit, which sends the same files again since their records did not change.
 */
public final class SolrPassageStore implements PassageStore {

    /** Documents sent per update request. */
    public static final int BATCH = 500;

    private final SolrCollection collection;

    public SolrPassageStore(SolrCollection collection) {
        this.collection = collection;
    }

    public SolrCollection collection() {
        return collection;
    }

    @Override
    public String location() {
        return "Solr collection " + collection.name() + " on " + String.join(",", collection.urls());
    }

    @Override
    public Map<String, StoredFile> files() {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", SolrCollection.term(Fields.KIND, Fields.KIND_FILE));
        params.set("fl", SolrDocuments.FILE_FIELDS);
        Map<String, StoredFile> files = new HashMap<>();
        for (SolrDocument d : collection.all(params, Fields.ID + " asc")) {
            StoredFile file = SolrDocuments.file(d);
            files.put(file.file(), file);
        }
        return files;
    }

    private Set<String> fileNames() {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", SolrCollection.term(Fields.KIND, Fields.KIND_FILE));
        params.set("fl", Fields.FILE);
        Set<String> names = new HashSet<>();
        for (SolrDocument d : collection.all(params, Fields.ID + " asc")) {
            names.add((String) d.getFirstValue(Fields.FILE));
        }
        return names;
    }

    @Override
    public Optional<Passage> passage(String id) {
        if (!collection.exists()) {
            return Optional.empty();
        }
        ModifiableSolrParams params = SolrCollection.passages();
        params.set("q", SolrCollection.term(Fields.ID, id));
        params.set("fl", SolrDocuments.PASSAGE_FIELDS);
        params.set("rows", 1);
        return collection.query(params).getResults().stream().findFirst().map(SolrDocuments::passage);
    }

    @Override
    public List<Passage> passages(String file) {
        ModifiableSolrParams params = SolrCollection.passages();
        params.set("q", SolrCollection.term(Fields.FILE, file));
        params.set("fl", SolrDocuments.PASSAGE_FIELDS);
        List<Passage> passages = new ArrayList<>();
        for (SolrDocument d : collection.all(params, Fields.ID + " asc")) {
            passages.add(SolrDocuments.passage(d));
        }
        passages.sort((a, b) -> Integer.compare(a.ordinal(), b.ordinal()));
        return passages;
    }

    @Override
    public int passageCount() {
        if (!collection.exists()) {
            return 0;
        }
        return (int) collection.query(SolrCollection.counting(SolrCollection.passages())).getResults().getNumFound();
    }

    /**
     * This store keeps no record of which passages lack a vector, so the indexer sends each passage with its vector
     * (in one step, as before two-step indexing) and none waits.
     */
    @Override
    public boolean storesWithoutVector() {
        return false;
    }

    @Override
    public int passagesWithoutVector() {
        return 0;
    }

    @Override
    public List<Passage> passagesWithoutVector(int max) {
        return List.of();
    }

    @Override
    public String embeddingModel() {
        if (!collection.exists()) {
            return null;
        }
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", SolrCollection.term(Fields.ID, SolrDocuments.COLLECTION_ID));
        params.set("fl", SolrDocuments.EMBEDDING_MODEL);
        params.set("rows", 1);
        return collection.query(params).getResults().stream().findFirst()
                .map(d -> (String) d.getFirstValue(SolrDocuments.EMBEDDING_MODEL)).orElse(null);
    }

    @Override
    public Map<String, float[]> vectors(Collection<String> textHashes, String model) {
        Map<String, float[]> found = new HashMap<>();
        if (textHashes.isEmpty() || !collection.exists() || !model.equals(embeddingModel())) {
            return found;
        }
        List<String> hashes = List.copyOf(textHashes);
        for (int from = 0; from < hashes.size(); from += BATCH) {
            List<String> batch = hashes.subList(from, Math.min(hashes.size(), from + BATCH));
            ModifiableSolrParams params = SolrCollection.passages();
            // hashes are hex digits, so a comma-separated list of them is unambiguous
            params.set("q", "{!terms f=" + Fields.TEXT_HASH + "}" + String.join(",", batch));
            params.set("fl", Fields.TEXT_HASH + "," + Fields.VECTOR);
            for (SolrDocument d : collection.all(params, Fields.ID + " asc")) {
                float[] vector = SolrDocuments.vector(d);
                if (vector != null) {
                    found.putIfAbsent((String) d.getFirstValue(Fields.TEXT_HASH), vector);
                }
            }
        }
        return found;
    }

    @Override
    public Changes change() {
        return new SolrChanges();
    }

    /**
     * Updates sent in batches as they come: each file's old passages deleted by a query on its name, then its new
     * passages and file record added; one commit at the end.
     */
    private final class SolrChanges implements Changes {
        /**
         * Files the collection holds now: only their old passages need deleting. A delete by query costs every
         * replica a searcher reopen, so a first index of 5,000 files sent 5,000 of them for nothing (100k passages
         * took over 18 minutes on 2 busy cores).
         */
        private final Set<String> stored = fileNames();
        private final List<String> deletes = new ArrayList<>();
        private final List<SolrInputDocument> adds = new ArrayList<>();
        private String model;
        private int dimension;

        @Override
        public void replace(IngestedFile file, Set<String> lineKeys, List<float[]> vectors) {
            if (dimension == 0 && !vectors.isEmpty()) {
                dimension = vectors.getFirst().length;
            }
            if (stored.contains(file.file())) {
                deletes.add(file.file());
            }
            for (int i = 0; i < file.passages().size(); i++) {
                adds.add(SolrDocuments.passage(file.passages().get(i), vectors.isEmpty() ? null : vectors.get(i)));
            }
            adds.add(SolrDocuments.fileRecord(file, lineKeys));
            if (adds.size() >= BATCH) {
                flush();
            }
        }

        @Override
        public void addVector(Passage passage, float[] vector) {
            throw new IllegalStateException("Solr passages are sent with their vectors; none is added later");
        }

        @Override
        public void remove(String file) {
            if (stored.contains(file)) {
                deletes.add(file);
            }
        }

        @Override
        public void embeddingModel(String embeddingModel) {
            this.model = embeddingModel;
        }

        private void flush() {
            if (deletes.isEmpty() && adds.isEmpty()) {
                return;
            }
            collection.ensure(dimension);
            if (!deletes.isEmpty()) {
                UpdateRequest delete = new UpdateRequest();
                deletes.forEach(file -> delete.deleteByQuery(SolrCollection.term(Fields.FILE, file)));
                collection.send(delete);
                deletes.clear();
            }
            if (!adds.isEmpty()) {
                UpdateRequest add = new UpdateRequest();
                add.add(adds);
                collection.send(add);
                adds.clear();
            }
        }

        @Override
        public void commit() {
            flush();
            if (!collection.exists()) {
                return;
            }
            UpdateRequest commit = new UpdateRequest();
            if (model != null) {
                commit.add(SolrDocuments.collectionRecord(model));
            }
            commit.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
            collection.send(commit);
        }

        @Override
        public void close() {
            // updates already sent stay invisible until a commit; nothing is held here
            deletes.clear();
            adds.clear();
        }
    }

    @Override
    public void close() {
        collection.close();
    }
}
