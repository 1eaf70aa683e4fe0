package dev.citeqa.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.lucene.analysis.en.EnglishAnalyzer;

import dev.citeqa.index.Fields;
import dev.citeqa.index.IndexCodec;

/**
 * The project's Solr configset: the one place that says how a collection is laid out, as {@link IndexCodec} is for
 * the embedded index. Field names come from {@link Fields}, the text analysis repeats {@link
 * dev.citeqa.index.Analysis} (standard tokenizer, English possessives, lower case, the same stop words, Porter
 * stemming), and the vector graph uses IndexCodec's HNSW settings. BM25 statistics are made exact across shards
 * ({@code ExactStatsCache}), so a sharded collection ranks as one index would.
 */
public final class SolrConfigset {

    /** Raised when the layout changes, so a collection of an older layout gets a configset of its own. */
    static final int LAYOUT = 1;

    private final int dimension;

    public SolrConfigset(int dimension) {
        if (dimension < 1 || dimension > 4096) {
            throw new IllegalArgumentException("a vector dimension from 1 to 4096, not " + dimension);
        }
        this.dimension = dimension;
    }

    /** The configset's name in ZooKeeper: one per layout and vector dimension. */
    public String name() {
        return "citeqa-v" + LAYOUT + "-" + dimension + "d";
    }

    public int dimension() {
        return dimension;
    }

    /** The files, by name. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("solrconfig.xml", solrconfig());
        files.put("schema.xml", schema());
        files.put("stopwords_en.txt", stopwords());
        return files;
    }

    /** The configset as the zip the Configset API takes. */
    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files().entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes the files into a folder, for uploading to an existing SolrCloud by hand. */
    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> file : files().entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
    }

    /** Lucene's English stop words, which {@link EnglishAnalyzer} (the embedded index's analysis) removes. */
    static String stopwords() {
        StringBuilder words = new StringBuilder("# EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, as the embedded index\n");
        TreeSet<String> sorted = new TreeSet<>();
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> sorted.add(new String((char[]) w)));
        sorted.forEach(w -> words.append(w).append('\n'));
        return words.toString();
    }

    String schema() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- citeqa passages (layout %1$d), written by dev.citeqa.solr.SolrConfigset -->
                <schema name="citeqa" version="1.6">
                  <uniqueKey>%2$s</uniqueKey>

                  <fieldType name="string" class="solr.StrField" sortMissingLast="true"/>
                  <fieldType name="pint" class="solr.IntPointField" docValues="true"/>
                  <fieldType name="plong" class="solr.LongPointField" docValues="true"/>
                  <!-- indexed with the embedded index's analysis (org.apache.lucene.analysis.en.EnglishAnalyzer);
                       queries carry terms citeqa analysed with that same chain, so the query side only splits them:
                       "iran|irna" is one term with its spellings, scored as one (a SynonymQuery, as embedded) -->
                  <fieldType name="text_en" class="solr.TextField" positionIncrementGap="100">
                    <analyzer type="index">
                      <tokenizer class="solr.StandardTokenizerFactory"/>
                      <filter class="solr.EnglishPossessiveFilterFactory"/>
                      <filter class="solr.LowerCaseFilterFactory"/>
                      <filter class="solr.StopFilterFactory" words="stopwords_en.txt" ignoreCase="false"/>
                      <filter class="solr.PorterStemFilterFactory"/>
                    </analyzer>
                    <analyzer type="query">
                      <tokenizer class="solr.WhitespaceTokenizerFactory"/>
                      <filter class="solr.PatternCaptureGroupFilterFactory" pattern="([^|]+)" preserve_original="false"/>
                    </analyzer>
                  </fieldType>
                  <fieldType name="passage_vector" class="solr.DenseVectorField" vectorDimension="%3$d"
                             similarityFunction="cosine" knnAlgorithm="hnsw"
                             hnswMaxConnections="%4$d" hnswBeamWidth="%5$d"/>

                  <field name="_version_" type="plong" indexed="false" stored="false"/>
                  <field name="%2$s" type="string" indexed="true" stored="true" required="true"/>
                  <field name="%6$s" type="string" indexed="true" stored="false"/>
                  <field name="%7$s" type="string" indexed="true" stored="true"/>
                  <field name="%8$s" type="pint" indexed="false" stored="true"/>
                  <field name="%9$s" type="text_en" indexed="true" stored="true"/>
                  <field name="%10$s" type="string" indexed="true" stored="true"/>
                  <field name="%11$s" type="pint" indexed="false" stored="true"/>
                  <field name="%12$s" type="pint" indexed="false" stored="true"/>
                  <field name="%13$s" type="text_en" indexed="true" stored="true"/>
                  <field name="%14$s" type="string" indexed="true" stored="true"/>
                  <field name="%15$s" type="passage_vector" indexed="true" stored="true"/>
                  <field name="%16$s" type="string" indexed="true" stored="false" multiValued="true" docValues="true"/>

                  <!-- file records: what a re-index compares, kept beside the file's passages -->
                  <field name="%17$s" type="string" indexed="false" stored="true"/>
                  <field name="%18$s" type="string" indexed="false" stored="true"/>
                  <field name="%19$s" type="string" indexed="false" stored="true"/>
                  <field name="%20$s" type="string" indexed="false" stored="true"/>
                  <field name="%21$s" type="string" indexed="false" stored="true"/>
                  <field name="%22$s" type="pint" indexed="false" stored="true"/>
                  <!-- the collection's record: layout and embedding model -->
                  <field name="%23$s" type="string" indexed="false" stored="true"/>
                </schema>
                """.formatted(LAYOUT, Fields.ID, dimension, IndexCodec.MAX_CONNECTIONS, IndexCodec.BEAM_WIDTH,
                Fields.KIND, Fields.FILE, Fields.ORDINAL, Fields.TITLE, Fields.DATE, Fields.START, Fields.END,
                Fields.TEXT, Fields.TEXT_HASH, Fields.VECTOR, Fields.NAME_VARIANTS, Fields.FILE_TITLE,
                Fields.FILE_DATE, Fields.CONTENT_HASH, Fields.FINGERPRINT, Fields.LINE_KEYS, Fields.PASSAGE_COUNT,
                SolrDocuments.EMBEDDING_MODEL);
    }

    static String solrconfig() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- citeqa passages, written by dev.citeqa.solr.SolrConfigset -->
                <config>
                  <luceneMatchVersion>9.12</luceneMatchVersion>
                  <dataDir>${solr.data.dir:}</dataDir>
                  <directoryFactory name="DirectoryFactory"
                                    class="${solr.directoryFactory:solr.NRTCachingDirectoryFactory}"/>
                  <schemaFactory class="ClassicIndexSchemaFactory"/>
                  <!-- reads the HNSW settings of the vector field -->
                  <codecFactory class="solr.SchemaCodecFactory"/>
                  <!-- BM25 with document frequencies of the whole collection, not of each shard -->
                  <statsCache class="org.apache.solr.search.stats.ExactStatsCache"/>
                  <indexConfig>
                    <ramBufferSizeMB>64</ramBufferSizeMB>
                  </indexConfig>
                  <updateHandler class="solr.DirectUpdateHandler2">
                    <updateLog>
                      <str name="dir">${solr.ulog.dir:}</str>
                    </updateLog>
                    <!-- durable on disk every minute; visible only when a sync commits -->
                    <autoCommit>
                      <maxTime>${solr.autoCommit.maxTime:60000}</maxTime>
                      <openSearcher>false</openSearcher>
                    </autoCommit>
                  </updateHandler>
                  <query>
                    <maxBooleanClauses>${solr.max.booleanClauses:1024}</maxBooleanClauses>
                    <filterCache size="512" initialSize="512" autowarmCount="0"/>
                    <queryResultCache size="512" initialSize="512" autowarmCount="0"/>
                    <documentCache size="512" initialSize="512" autowarmCount="0"/>
                  </query>
                  <requestDispatcher>
                    <requestParsers multipartUploadLimitInKB="2048000" formdataUploadLimitInKB="2048"/>
                  </requestDispatcher>
                  <requestHandler name="/select" class="solr.SearchHandler">
                    <lst name="defaults">
                      <str name="echoParams">none</str>
                    </lst>
                  </requestHandler>
                </config>
                """;
    }
}
