package dev.citeqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        Path docs = SeedWorkspace.copySeeds(folder, "000", "004");
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
}
