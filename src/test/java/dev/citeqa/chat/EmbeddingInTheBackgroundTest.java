package dev.citeqa.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.answer.Answerers;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.index.Embedder;
import dev.citeqa.index.IndexSummary;
import dev.citeqa.retrieve.RetrievalMode;
import dev.citeqa.testing.SeedWorkspace;

/** A question asked while passages wait for their vectors is answered by BM25 at once, and says so in one line. */
class EmbeddingInTheBackgroundTest {

    @TempDir
    Path temp;

    private Path documents() throws IOException {
        Path docs = Files.createDirectories(temp.resolve("docs"));
        Files.writeString(docs.resolve("harbour.txt"), "Harbour notes\n\nThe ferry to the island leaves at seven in "
                + "the morning. The harbour master keeps the timetable in the office by the pier.\n");
        Files.writeString(docs.resolve("bakery.txt"), "Bakery notes\n\nThe bakery on the square opens at six. Its "
                + "rye bread sells out before noon on market days.\n");
        return docs;
    }

    @Test
    void aQuestionBeforeTheVectorsUsesBm25AndSaysSoThenHybridOnceTheBackgroundEmbeddingEnds() throws Exception {
        Path docs = documents();
        CiteqaProperties settings = SeedWorkspace.settings(docs, temp.resolve("data"), "hybrid", Embedder.MINILM);
        AskService asking = new AskService(settings, new Answerers(settings));
        try (Workspace workspace = new Workspace(docs, temp.resolve("data"), settings,
                SeedWorkspace.embedder(Embedder.MINILM))) {
            IndexSummary text = workspace.syncText(p -> {
            });
            assertThat(text.withoutVector()).isEqualTo(text.passages()).isPositive();
            assertThat(text.line()).contains(text.passages() + " to embed");

            Turn early = asking.ask(workspace, "When does the ferry leave?", t -> {
            });
            assertThat(early.answer().text()).contains("seven in the morning");
            assertThat(early.notice()).startsWith("Searched by BM25 alone: " + text.passages() + " of "
                    + text.passages() + " passages have no vector yet; index embeds them.");

            BlockingQueue<String> finished = new ArrayBlockingQueue<>(1);
            workspace.embedInBackground(finished::add);
            assertThat(finished.poll(120, TimeUnit.SECONDS)).startsWith("Embedded " + text.passages() + " passages in ")
                    .endsWith("questions now use the vectors too.");
            assertThat(workspace.vectorsWaiting()).isZero();
            assertThat(workspace.retrieval().effective(RetrievalMode.HYBRID)).isEqualTo(RetrievalMode.HYBRID);

            Turn later = asking.ask(workspace, "When does the bakery open?", t -> {
            });
            assertThat(later.notice()).isNull();
            assertThat(later.answer().text()).contains("opens at six");
        }
    }

    @Test
    void anIndexRunStopsTheBackgroundEmbeddingAndFinishesItInTheForeground() throws Exception {
        Path docs = documents();
        CiteqaProperties settings = SeedWorkspace.settings(docs, temp.resolve("data"), "hybrid", Embedder.MINILM);
        try (Workspace workspace = new Workspace(docs, temp.resolve("data"), settings,
                SeedWorkspace.embedder(Embedder.MINILM))) {
            int passages = workspace.syncText(p -> {
            }).passages();
            workspace.embedInBackground(line -> {
            });
            IndexSummary full = workspace.sync(p -> {
            });
            assertThat(full.withoutVector()).isZero();
            assertThat(workspace.backgroundEmbedding()).isNull();
            assertThat(workspace.index().passageCount()).isEqualTo(passages);
            assertThat(workspace.vectorsWaiting()).isZero();
        }
    }
}
