package dev.citeqa.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.SeedFolder;
import dev.citeqa.chat.Workspace;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.RetrievalMode;
import dev.citeqa.testing.SeedWorkspace;

class VectorIndexingTest {

    @TempDir
    Path folder;

    private Workspace open(Path docs, String model) {
        CiteqaProperties settings = SeedWorkspace.settings(docs, folder.resolve("data"), "hybrid", model);
        return new Workspace(docs, folder.resolve("data"), settings, SeedWorkspace.embedder(model));
    }

    @Test
    void unchangedPassagesKeepTheirVectorsAndAnotherModelReembedsEverything() throws Exception {
        Path docs = SeedFolder.copyTo(folder.resolve("docs"), "000", "004");
        try (Workspace workspace = open(docs, Embedder.MINILM)) {
            IndexSummary first = workspace.sync(p -> {
            });
            assertThat(first.embedded()).isEqualTo(first.passages()).isPositive();
            assertThat(workspace.index().embeddingModel()).isEqualTo(Embedder.MINILM);
        }

        Files.writeString(docs.resolve("004_35665f7e3260056a.txt"),
                "\n\nThe memorandum was welcomed by officials in Baghdad on the following Monday.\n",
                StandardOpenOption.APPEND);
        try (Workspace workspace = open(docs, Embedder.MINILM)) {
            IndexSummary edited = workspace.sync(p -> {
            });
            assertThat(edited.changed()).isEqualTo(1);
            assertThat(edited.unchanged()).isEqualTo(1);
            assertThat(edited.embedded()).as("only the new passage is embedded").isEqualTo(1);
        }

        try (Workspace workspace = open(docs, Embedder.BGE_SMALL)) {
            IndexSummary remodelled = workspace.sync(p -> {
            });
            assertThat(remodelled.changed()).isEqualTo(2);
            assertThat(remodelled.embedded()).isEqualTo(remodelled.passages());
            assertThat(workspace.index().embeddingModel()).isEqualTo(Embedder.BGE_SMALL);

            RankedPassage top = workspace.retrieval().retrieve("Which rogue regimes did the American president warn "
                    + "about?", RetrievalMode.VECTOR, 3).getFirst();
            assertThat(top.passage().text()).contains("North Korea");
            assertThat(top.vectorRank()).isEqualTo(1);
            assertThat(top.vectorScore()).isBetween(0.3, 1.0);
        }
    }

    @Test
    void anIndexOfAnOlderLayoutIsRebuiltReusingItsVectorsAndThenDeleted() throws Exception {
        Path docs = SeedFolder.copyTo(folder.resolve("docs"), "000", "004");
        String question = "Which rogue regimes did the American president warn about?";
        RankedPassage before;
        try (Workspace workspace = open(docs, Embedder.MINILM)) {
            workspace.sync(p -> {
            });
            before = workspace.retrieval().retrieve(question, RetrievalMode.VECTOR, 3).getFirst();
        }
        try (FSDirectory directory = FSDirectory.open(folder.resolve("data/index"));
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of(Fields.LAYOUT, "1", Fields.EMBEDDING_MODEL, Embedder.MINILM).entrySet());
            writer.commit();
        }

        try (Workspace workspace = open(docs, Embedder.MINILM)) {
            assertThat(workspace.index().takeRecoveryNote()).hasValueSatisfying(note -> assertThat(note)
                    .contains("was written by another version of citeqa", "index.previous-",
                            "reusing the passage vectors it holds"));
            try (var aside = Files.list(folder.resolve("data"))) {
                assertThat(aside.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("index.previous-"));
            }
        }
        // closed before the rebuild (as a killed run would be): the next session still finds the old vectors
        try (Workspace workspace = open(docs, Embedder.MINILM)) {
            IndexSummary rebuilt = workspace.sync(p -> {
            });
            assertThat(rebuilt.added()).isEqualTo(2);
            assertThat(rebuilt.embedded()).as("every vector comes from the old index").isZero();
            try (var left = Files.list(folder.resolve("data"))) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly("index");
            }

            RankedPassage after = workspace.retrieval().retrieve(question, RetrievalMode.VECTOR, 3).getFirst();
            assertThat(after.passage().id()).isEqualTo(before.passage().id());
            // the score shown is the cosine of the question with the passage's stored vector
            float[] stored = workspace.index().vectors(List.of(PassageDocuments.textHash(after.passage().text())),
                    Embedder.MINILM).values().iterator().next();
            float[] asked = SeedWorkspace.embedder(Embedder.MINILM).query(question);
            double cosine = 0;
            for (int d = 0; d < asked.length; d++) {
                cosine += asked[d] * stored[d];
            }
            assertThat(after.vectorScore()).isCloseTo(cosine, within(1e-5));
        }
    }
}
