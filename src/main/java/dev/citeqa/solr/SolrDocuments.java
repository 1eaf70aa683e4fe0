package dev.citeqa.solr;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

import dev.citeqa.index.Fields;
import dev.citeqa.index.NameVariants;
import dev.citeqa.index.PassageDocuments;
import dev.citeqa.index.StoredFile;
import dev.citeqa.ingest.IngestedFile;
import dev.citeqa.ingest.Passage;

/**
 * Converts passages to Solr documents and back, with the same fields as the embedded index's documents
 * ({@link PassageDocuments}): a file record beside each file's passages, and one record for the collection.
 */
final class SolrDocuments {

    static final String KIND_COLLECTION = "collection";
    /** The collection record's id; no passage or file record id has this form (theirs contain '#'). */
    static final String COLLECTION_ID = "citeqa:collection";
    /** On the collection record: the model that embedded the passages ("none" when they have no vectors). */
    static final String EMBEDDING_MODEL = "embedding_model";

    static final String PASSAGE_FIELDS = String.join(",", Fields.ID, Fields.FILE, Fields.ORDINAL, Fields.TITLE,
            Fields.DATE, Fields.START, Fields.END, Fields.TEXT);
    static final String FILE_FIELDS = String.join(",", Fields.FILE, Fields.CONTENT_HASH, Fields.FINGERPRINT,
            Fields.FILE_TITLE, Fields.FILE_DATE, Fields.PASSAGE_COUNT, Fields.LINE_KEYS);

    private SolrDocuments() {
    }

    static SolrInputDocument passage(Passage passage, float[] vector) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField(Fields.ID, passage.id());
        d.addField(Fields.KIND, Fields.KIND_PASSAGE);
        d.addField(Fields.FILE, passage.file());
        d.addField(Fields.ORDINAL, passage.ordinal());
        d.addField(Fields.TITLE, passage.title());
        if (passage.date() != null) {
            d.addField(Fields.DATE, passage.date());
        }
        d.addField(Fields.START, passage.start());
        d.addField(Fields.END, passage.end());
        d.addField(Fields.TEXT, passage.text());
        d.addField(Fields.TEXT_HASH, PassageDocuments.textHash(passage.text()));
        Set<String> tokens = NameVariants.indexTokens(passage.text());
        if (!tokens.isEmpty()) {
            d.addField(Fields.NAME_VARIANTS, List.copyOf(tokens));
        }
        if (vector != null) {
            Float[] boxed = new Float[vector.length];
            for (int i = 0; i < vector.length; i++) {
                boxed[i] = vector[i];
            }
            d.addField(Fields.VECTOR, Arrays.asList(boxed));
        }
        return d;
    }

    static SolrInputDocument fileRecord(IngestedFile file, Set<String> lineKeys) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField(Fields.ID, fileRecordId(file.file()));
        d.addField(Fields.KIND, Fields.KIND_FILE);
        d.addField(Fields.FILE, file.file());
        d.addField(Fields.CONTENT_HASH, file.contentHash());
        d.addField(Fields.FINGERPRINT, file.fingerprint());
        d.addField(Fields.FILE_TITLE, file.title());
        if (file.date() != null) {
            d.addField(Fields.FILE_DATE, file.date());
        }
        d.addField(Fields.PASSAGE_COUNT, file.passages().size());
        d.addField(Fields.LINE_KEYS, String.join("\n", lineKeys));
        return d;
    }

    static SolrInputDocument collectionRecord(String model) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField(Fields.ID, COLLECTION_ID);
        d.addField(Fields.KIND, KIND_COLLECTION);
        d.addField(EMBEDDING_MODEL, model);
        return d;
    }

    static String fileRecordId(String file) {
        return file + "#file";
    }

    static Passage passage(SolrDocument d) {
        return new Passage((String) d.getFirstValue(Fields.ID), (String) d.getFirstValue(Fields.FILE),
                number(d, Fields.ORDINAL), (String) d.getFirstValue(Fields.TITLE),
                (String) d.getFirstValue(Fields.DATE), number(d, Fields.START), number(d, Fields.END),
                (String) d.getFirstValue(Fields.TEXT));
    }

    static StoredFile file(SolrDocument d) {
        String keys = (String) d.getFirstValue(Fields.LINE_KEYS);
        Set<String> lineKeys = keys == null || keys.isEmpty() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(keys.split("\n")));
        return new StoredFile((String) d.getFirstValue(Fields.FILE), (String) d.getFirstValue(Fields.CONTENT_HASH),
                (String) d.getFirstValue(Fields.FINGERPRINT), (String) d.getFirstValue(Fields.FILE_TITLE),
                (String) d.getFirstValue(Fields.FILE_DATE), number(d, Fields.PASSAGE_COUNT), lineKeys);
    }

    static float[] vector(SolrDocument d) {
        Object value = d.getFieldValue(Fields.VECTOR);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        float[] vector = new float[list.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = ((Number) list.get(i)).floatValue();
        }
        return vector;
    }

    private static int number(SolrDocument d, String field) {
        return ((Number) d.getFirstValue(field)).intValue();
    }
}
