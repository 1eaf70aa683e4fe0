package dev.citeqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.Bm25Retriever;
import dev.citeqa.retrieve.PassageRetrieval;
import dev.citeqa.retrieve.RetrievalMode;
import dev.citeqa.retrieve.VectorRetriever;

/** The text is searchable at once; the vectors follow in committed batches that a stop or a kill never undoes. */
class VectorBackfillTest {

    private static final Embedder MODEL = Embedder.shared(Embedder.MINILM);

    @TempDir
    Path temp;

    /** Three made-up reports, each of a few passages, on topics the questions below tell apart. */
    private Path documents() throws IOException {
        Path docs = Files.createDirectories(temp.resolve("docs"));
        String[] topics = {"lighthouse keeper", "orchard irrigation", "glacier survey"};
        for (String topic : topics) {
            StringBuilder text = new StringBuilder("Report on the " + topic + "\n\n");
            for (int i = 1; i <= 9; i++) {
                text.append("Finding ").append(i).append(" of the ").append(topic).append(" study was recorded on day ")
                        .append(i * 3).append(" by the field team. ");
                if (i % 3 == 0) {
                    text.append("\n\n");
                }
            }
            Files.writeString(docs.resolve(topic.replace(' ', '-') + ".txt"), text);
        }
        return docs;
    }

    private static PassageRetrieval retrieval(LuceneIndex index) {
        return new PassageRetrieval(new Bm25Retriever(index), new VectorRetriever(index, MODEL), 60, 50);
    }

    @Test
    void textIsSearchableBeforeItsVectorsAndAStoppedEmbeddingResumesFromItsLastCommit() throws IOException {
        Path docs = documents();
        Path data = temp.resolve("data");
        int passages;
        try (LuceneIndex index = new LuceneIndex(data)) {
            IndexSummary text = new Indexer(index, CiteqaProperties.Ingest.defaults(), MODEL).sync(docs, p -> {
            });
            passages = text.passages();
            assertThat(passages).isGreaterThan(4);
            assertThat(text.withoutVector()).isEqualTo(passages);
            assertThat(text.embedded()).isZero();
            assertThat(LuceneIndex.vectorsReady(data)).as("a question would not be embedded yet").isFalse();
            // BM25 answers from the text at once; hybrid waits until every passage has its vector
            assertThat(retrieval(index).effective(RetrievalMode.HYBRID)).isEqualTo(RetrievalMode.BM25);
            assertThat(retrieval(index).retrieve("orchard irrigation", RetrievalMode.HYBRID, 1).getFirst().passage()
                    .file()).isEqualTo("orchard-irrigation.txt");

            List<EmbeddingProgress> seen = new ArrayList<>();
            int embedded = new VectorBackfill(index, MODEL, 4, 2).run(seen::add,
                    () -> !seen.isEmpty() && seen.getLast().done() >= 4);
            assertThat(embedded).isEqualTo(4);
            assertThat(seen.getFirst()).isEqualTo(new EmbeddingProgress(0, passages, 0));
            assertThat(seen.getLast().done()).isEqualTo(4);
            assertThat(seen.getLast().total()).isEqualTo(passages);
            assertThat(seen.getLast().rate()).isPositive();
        }

        // another process opens the index: the committed batch is there, the rest still waits
        try (LuceneIndex index = new LuceneIndex(data)) {
            assertThat(index.passagesWithoutVector()).isEqualTo(passages - 4);
            VectorBackfill backfill = new VectorBackfill(index, MODEL, 4, 2);
            assertThat(backfill.run(p -> {
            }, () -> false)).isEqualTo(passages - 4);
            assertThat(backfill.waiting()).isZero();
            assertThat(LuceneIndex.vectorsReady(data)).isTrue();
            assertThat(retrieval(index).effective(RetrievalMode.HYBRID)).isEqualTo(RetrievalMode.HYBRID);

            // each stored vector is the passage's own, as an index run that embedded it at once would store it
            Passage passage = index.passages("glacier-survey.txt").getFirst();
            float[] stored = index.vectors(List.of(PassageDocuments.textHash(passage.text())), MODEL.name()).values()
                    .iterator().next();
            assertThat(stored).containsExactly(MODEL.passages(List.of(Indexer.embeddedText(passage))).getFirst(),
                    org.assertj.core.data.Offset.offset(1e-5f));
            assertThat(index.passageCount()).isEqualTo(passages);
        }
    }

    @Test
    void aVectorComputedForTextThatChangedMeanwhileIsNotStored() throws IOException {
        Path docs = documents();
        try (LuceneIndex index = new LuceneIndex(temp.resolve("data"))) {
            Indexer indexer = new Indexer(index, CiteqaProperties.Ingest.defaults(), MODEL);
            indexer.sync(docs, p -> {
            });
            Passage old = index.passages("lighthouse-keeper.txt").getFirst();
            float[] vector = MODEL.passages(List.of(Indexer.embeddedText(old))).getFirst();

            Files.writeString(docs.resolve("lighthouse-keeper.txt"), "Report on the lighthouse\n\nThe lamp was "
                    + "replaced in spring, and the keeper moved to the harbour office.\n");
            indexer.sync(docs, p -> {
            });
            int before = index.passageCount();
            try (PassageStore.Changes changes = index.change()) {
                changes.addVector(old, vector);
                changes.commit();
            }
            assertThat(index.passage(old.id())).as("the old text is not brought back").isEmpty();
            assertThat(index.passageCount()).isEqualTo(before);
        }
    }
}
