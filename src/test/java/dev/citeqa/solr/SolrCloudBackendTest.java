package dev.citeqa.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

import dev.citeqa.chat.Workspace;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
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
        Path docs = SeedWorkspace.copySeeds(folder.resolve("same"));
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
}
