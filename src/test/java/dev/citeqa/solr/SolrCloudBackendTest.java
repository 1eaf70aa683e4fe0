package dev.citeqa.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.answer.Answerers;
import dev.citeqa.chat.AskService;
import dev.citeqa.SeedFolder;
import dev.citeqa.chat.Workspace;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.eval.EvalReport;
import dev.citeqa.eval.EvalRunner;
import dev.citeqa.eval.GoldSet;
import dev.citeqa.config.TestSettings;
import dev.citeqa.eval.QuestionResult;
import dev.citeqa.index.Embedder;
import dev.citeqa.index.Fields;
import dev.citeqa.index.IndexSummary;
import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.RetrievalMode;
import dev.citeqa.testing.SeedWorkspace;

/**
 * The solrcloud backend on a real local SolrCloud of 2 nodes (its own JVM, started here and always stopped):
 * collections of 2 shards x 2 replicas, made with the project's configset on first use.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudBackendTest {

    static final String HOSTILE = "title:\"Samarra\" AND (Taqavi OR killed~2) +funeral -Tehran^3 [a TO z] {x} "
            + "field:* ? \\ / && || ! Where:was* the \"funeral held {!knn f=vector topK=1}[1,2] $q } {!term f=id}x "
            + "{!xmlparser v='<a/>'} *:* _query_:\"{!lucene}x\"";

    @TempDir
    static Path folder;
    static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start(folder.resolve("cluster"), 2, 0);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    static CiteqaProperties settings(Path docs, Path data, String model, String backend, String collection,
                                     List<String> urls) {
        return SeedWorkspace.settings(docs, data, "hybrid", model).withBackend(backend,
                CiteqaProperties.Solr.defaults().withUrls(urls).withCollection(collection));
    }

    static Workspace open(Path docs, Path data, String model, String backend, String collection,
                          List<String> notices) {
        return new Workspace(docs, data, settings(docs, data, model, backend, collection, cluster.urls()),
                SeedWorkspace.embedder(model), notices::add);
    }

    static List<String> ids(List<RankedPassage> hits) {
        return hits.stream().map(h -> h.passage().id()).toList();
    }

    @Test
    @Order(1)
    void bm25AndHybridOnTheCollectionRankAsTheEmbeddedIndex() {
        Path docs = SeedFolder.copyTo(folder.resolve("same").resolve("docs"));
        List<String> notices = new ArrayList<>();
        try (Workspace embedded = open(docs, folder.resolve("same/data"), Embedder.BGE_SMALL, "lucene", "x", notices);
             Workspace solr = open(docs, folder.resolve("same/unused"), Embedder.BGE_SMALL, "solrcloud", "same",
                     notices)) {
            IndexSummary local = embedded.sync(p -> {
            });
            IndexSummary remote = solr.sync(p -> {
            });
            assertThat(remote.passages()).isEqualTo(local.passages());
            assertThat(solr.store().passageCount()).isEqualTo(embedded.store().passageCount());
            assertThat(solr.store().files().keySet()).isEqualTo(embedded.store().files().keySet());
            assertThat(solr.store().embeddingModel()).isEqualTo(Embedder.BGE_SMALL);
            for (String question : List.of("Where did al-Obeidi and Dehghan sign the agreement?",
                    "Who was killed in Samarra?", "What will Iran continue under the MoU?", HOSTILE)) {
                for (RetrievalMode mode : RetrievalMode.values()) {
                    // same ids, same order: the scores are the embedded ones (exact statistics across shards)
                    assertThat(ids(solr.retrieval().retrieve(question, mode, 5))).as(question + " " + mode)
                            .isEqualTo(ids(embedded.retrieval().retrieve(question, mode, 5)));
                }
                assertThat(solr.retrieval().weights(question)).as(question)
                        .isEqualTo(embedded.retrieval().weights(question));
            }
        }
        assertThat(notices).isEmpty();
    }

    /** What a gold run said for one question: the answer and each citation's passage. */
    record Said(String answer, List<String> cited) {
    }

    static Map<String, Said> said(EvalReport report) {
        Map<String, Said> said = new LinkedHashMap<>();
        for (QuestionResult r : report.results()) {
            said.put(r.id(), new Said(r.answer(), r.citations().stream().map(c -> c.n() + ":" + c.passageId())
                    .toList()));
        }
        return said;
    }

    static EvalReport goldRun(CiteqaProperties settings, Path docs, Path data, List<String> notices) {
        GoldSet gold = GoldSet.read(Path.of("eval/gold.jsonl"), docs);
        try (Workspace workspace = new Workspace(docs, data, settings,
                Embedder.shared(settings.retrieval().embeddingModel()), notices::add)) {
            workspace.sync(p -> {
            });
            Answerers answerers = new Answerers(settings);
            return new EvalRunner(new AskService(settings, answerers)).run(gold, "eval/gold.jsonl", workspace,
                    answerers.forProvider("extractive", null), null, p -> {
                    });
        }
    }

    @Test
    @Order(2)
    void theGoldRunOnTwoShardsTimesTwoReplicasAnswersAndCitesAsTheEmbeddedIndex() {
        CiteqaProperties product = TestSettings.product();
        Path docs = Path.of("seeds").toAbsolutePath();
        List<String> notices = new ArrayList<>();
        EvalReport embedded = goldRun(product, docs, folder.resolve("gold-data"), notices);
        EvalReport solr = goldRun(product.withBackend("solrcloud",
                product.solr().withUrls(cluster.urls()).withCollection("gold")), docs, folder.resolve("unused"),
                notices);

        assertThat(solr.questions()).isEqualTo(embedded.questions()).isGreaterThan(50);
        // BM25 statistics are exact across shards (ExactStatsCache), so not one answer or citation differs
        assertThat(said(solr)).isEqualTo(said(embedded));
        assertThat(quality(solr)).isEqualTo(quality(embedded));
        assertThat(notices).isEmpty();
    }

    /** The run's metrics but its latencies, which measure the machine and the network, not the answers. */
    static Map<String, Object> quality(EvalReport report) {
        Map<String, Object> metrics = new TreeMap<>(report.metrics().byName());
        metrics.keySet().removeIf(name -> name.startsWith("latency"));
        return metrics;
    }

    @Test
    @Order(3)
    void reindexingAfterOneFileChangesSendsOnlyThatFileAndADeletedFilesPassagesVanish() throws IOException {
        Path docs = SeedFolder.copyTo(folder.resolve("re").resolve("docs"), "000", "001", "002");
        List<String> notices = new ArrayList<>();
        try (Workspace solr = open(docs, folder.resolve("re/unused"), Embedder.NONE, "solrcloud", "reindex",
                notices)) {
            IndexSummary first = solr.sync(p -> {
            });
            assertThat(first.added()).isEqualTo(3);
            SolrCollection collection = ((SolrPassageStore) solr.store()).collection();
            Map<String, Long> before = versions(collection);
            String changed = "001_427b068eda7f8d6f.txt";
            String deleted = "002_516ae136e8be9269.txt";
            Files.writeString(docs.resolve(changed), "\nA new closing sentence about the Karkheh dam.\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Files.delete(docs.resolve(deleted));

            IndexSummary second = solr.sync(p -> {
            });

            assertThat(second.changed()).isEqualTo(1);
            assertThat(second.added()).isZero();
            assertThat(second.removed()).isEqualTo(1);
            assertThat(second.unchanged()).isEqualTo(1);
            Map<String, Long> after = versions(collection);
            // the untouched file's passages were not sent: the same documents, the same versions
            before.forEach((id, version) -> {
                if (id.startsWith("000_")) {
                    assertThat(after).as(id).containsEntry(id, version);
                }
            });
            // the changed file's passages were all sent again, and hold the new sentence
            assertThat(after.keySet().stream().filter(id -> id.startsWith("001_") && !id.endsWith("#file"))
                    .allMatch(id -> !after.get(id).equals(before.get(id)))).isTrue();
            assertThat(solr.store().passages(changed)).anyMatch(p -> p.text().contains("Karkheh dam"));
            // the deleted file is gone: no passage, no file record, not found by its words
            assertThat(after.keySet()).noneMatch(id -> id.startsWith("002_"));
            assertThat(solr.store().passages(deleted)).isEmpty();
            assertThat(solr.store().files()).doesNotContainKey(deleted);
            assertThat(solr.retrieval().retrieve("Samarra funeral Taqavi", RetrievalMode.BM25, 50))
                    .noneMatch(h -> h.passage().file().equals(deleted));
            IndexSummary third = solr.sync(p -> {
            });
            assertThat(third.touched()).isFalse();
        }
        assertThat(notices).isEmpty();
    }

    /** Every document's id and version: a document that was sent again has a new version. */
    static Map<String, Long> versions(SolrCollection collection) {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", "*:*");
        params.set("fl", Fields.ID + ",_version_");
        Map<String, Long> versions = new HashMap<>();
        for (SolrDocument d : collection.all(params, Fields.ID + " asc")) {
            versions.put((String) d.getFirstValue(Fields.ID), (Long) d.getFirstValue("_version_"));
        }
        return versions;
    }

    @Test
    @Order(4)
    void unreachableSolrAtStartIsOneLineNamingTheUrlsTriedAndLeavesTheLocalIndexAlone() throws IOException {
        Path docs = SeedFolder.copyTo(folder.resolve("down").resolve("docs"), "000");
        Path data = folder.resolve("down/data");
        try (Workspace local = open(docs, data, Embedder.NONE, "lucene", "x", new ArrayList<>())) {
            local.sync(p -> {
            });
        }
        Map<String, String> files = snapshot(data);
        List<String> urls = List.of("http://127.0.0.1:9/solr", "http://127.0.0.1:1/solr");
        CiteqaProperties settings = SeedWorkspace.settings(docs, data, "hybrid", Embedder.NONE)
                .withBackend("solrcloud", CiteqaProperties.Solr.defaults().withUrls(urls));
        List<String> notices = new ArrayList<>();

        assertThatThrownBy(() -> new Workspace(docs, data, settings, SeedWorkspace.embedder(Embedder.NONE),
                notices::add).close())
                .isInstanceOf(Problem.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(urls.get(0)).contains(urls.get(1))
                        .contains("--solr-urls").doesNotContain("\n"));
        assertThat(notices).isEmpty();
        assertThat(snapshot(data)).isEqualTo(files);
    }

    /** Each file under the folder with its size and modification time. */
    static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString(), Files.size(p) + " " + Files.getLastModifiedTime(p));
            }
        }
        return files;
    }

    @Test
    @Order(5)
    void withOneNodeStoppedMidRunQuestionsAreAnsweredFromTheReplicasAndOneLineNamesTheNode() {
        Path docs = SeedFolder.copyTo(folder.resolve("failover").resolve("docs"));
        List<String> notices = new CopyOnWriteArrayList<>();
        List<String> questions = List.of("Who was killed in Samarra?", "Where was the agreement signed?",
                "What will Iran continue under the MoU?", "Who is Hossein Dehqan?");
        try (Workspace solr = open(docs, folder.resolve("failover/unused"), Embedder.NONE, "solrcloud",
                "failover", notices)) {
            solr.sync(p -> {
            });
            Map<String, List<String>> before = new LinkedHashMap<>();
            for (String q : questions) {
                before.put(q, ids(solr.retrieval().retrieve(q, RetrievalMode.BM25, 5)));
            }
            cluster.stopNode(2);
            try {
                for (int round = 0; round < 3; round++) {
                    for (String q : questions) {
                        assertThat(ids(solr.retrieval().retrieve(q, RetrievalMode.BM25, 5))).as(q)
                                .isEqualTo(before.get(q));
                    }
                }
            } finally {
                cluster.startNode(2);
            }
        }
        assertThat(notices).hasSize(1);
        assertThat(notices.getFirst()).contains(cluster.urls().get(1)).contains("unreachable")
                .doesNotContain(cluster.urls().get(0)).doesNotContain("\n");
    }
}
