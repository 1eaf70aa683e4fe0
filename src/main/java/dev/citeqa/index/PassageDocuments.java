package dev.citeqa.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

import dev.citeqa.ingest.Hashes;
import dev.citeqa.ingest.Passage;
import dev.citeqa.ingest.Place;

/** Converts passages to Lucene documents and back; the only place that knows how a passage is stored. */
public final class PassageDocuments {

    private PassageDocuments() {
    }

    /** The passage's document; {@code vector} is null when no embedding model is configured. */
    static Document document(Passage passage, float[] vector) {
        Document d = new Document();
        d.add(new StringField(Fields.KIND, Fields.KIND_PASSAGE, Field.Store.NO));
        d.add(new StringField(Fields.ID, passage.id(), Field.Store.YES));
        d.add(new StringField(Fields.FILE, passage.file(), Field.Store.YES));
        d.add(new StoredField(Fields.ORDINAL, passage.ordinal()));
        d.add(new TextField(Fields.TITLE, passage.title(), Field.Store.YES));
        if (passage.date() != null) {
            d.add(new StringField(Fields.DATE, passage.date(), Field.Store.YES));
        }
        if (passage.section() != null) {
            d.add(new StoredField(Fields.SECTION, passage.section()));
            d.add(new TextField(Fields.TITLE, passage.section(), Field.Store.NO)); // a section heading is searched as title
        }
        if (passage.place() != null) {
            d.add(new StoredField(Fields.PLACE, passage.place().encode()));
        }
        d.add(new StoredField(Fields.START, passage.start()));
        d.add(new StoredField(Fields.END, passage.end()));
        d.add(new TextField(Fields.TEXT, passage.text(), Field.Store.YES));
        d.add(new StringField(Fields.TEXT_HASH, textHash(passage.text()), Field.Store.NO));
        for (String token : NameVariants.indexTokens(passage.text())) {
            d.add(new StringField(Fields.NAME_VARIANTS, token, Field.Store.NO));
        }
        if (vector != null) {
            d.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        return d;
    }

    public static String textHash(String text) {
        return Hashes.sha256(text);
    }

    public static Passage passage(Document d) {
        return new Passage(d.get(Fields.ID), d.get(Fields.FILE), d.getField(Fields.ORDINAL).numericValue().intValue(),
                d.get(Fields.TITLE), d.get(Fields.DATE), d.getField(Fields.START).numericValue().intValue(),
                d.getField(Fields.END).numericValue().intValue(), d.get(Fields.TEXT), d.get(Fields.SECTION),
                Place.parse(d.get(Fields.PLACE)));
    }
}
