package dev.citeqa.index;

/** The names of the index's fields, in one place so that the writer and the searchers always agree. */
public final class Fields {

    /** "passage" or "file": one file record per indexed file, beside its passages. */
    public static final String KIND = "kind";
    public static final String KIND_PASSAGE = "passage";
    public static final String KIND_FILE = "file";

    public static final String ID = "id";
    public static final String FILE = "file";
    public static final String ORDINAL = "ordinal";
    public static final String TITLE = "title";
    public static final String DATE = "date";
    public static final String START = "start";
    /** Where the passage is in the original file ("line:12-14", "page:3-3"): see Place.encode. */
    public static final String PLACE = "place";
    /** The heading of the passage's section, stored; its words are also searched under TITLE. */
    public static final String SECTION = "section";
    public static final String END = "end";
    /** Passage text, analysed for BM25 with English stemming and stop words. */
    public static final String TEXT = "text";
    /** SHA-256 of the passage text: finds the vector of an unchanged passage so it is not embedded again. */
    public static final String TEXT_HASH = "text_hash";
    /** The passage's embedding, unit length, compared by dot product. */
    public static final String VECTOR = "vector";
    /** "soundkey term" for each capitalised word: how spelling variants of names find each other. */
    public static final String NAME_VARIANTS = "name_variants";

    /** File records keep title and date in fields of their own: Lucene wants one indexing scheme per field. */
    public static final String FILE_TITLE = "file_title";
    public static final String FILE_DATE = "file_date";
    public static final String CONTENT_HASH = "content_hash";
    public static final String FINGERPRINT = "fingerprint";
    public static final String LINE_KEYS = "line_keys";
    public static final String PASSAGE_COUNT = "passage_count";

    /**
     * Commit user data: the layout version, so an index written by an older layout is rebuilt (its vectors reused).
     */
    public static final String LAYOUT = "citeqa.layout";
    public static final String LAYOUT_VERSION = "2";
    /** Commit user data: the model that embedded the passages; another model means every passage is re-embedded. */
    public static final String EMBEDDING_MODEL = "citeqa.embedding-model";

    private Fields() {
    }
}
