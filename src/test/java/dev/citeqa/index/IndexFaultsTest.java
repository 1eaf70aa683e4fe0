package dev.citeqa.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.SeedFolder;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.ingest.Passage;

class IndexFaultsTest {

    @TempDir
    Path temp;

    @Test
    void anUnreadableIndexLeftAsideIsNamedOnceAsEverythingIsEmbeddedAgain() throws IOException {
        Path data = temp.resolve("data");
        Files.createDirectories(data.resolve("index"));
        Path aside = Files.createDirectories(data.resolve("index.previous-20260101-000000"));
        Files.writeString(aside.resolve("segments_2"), "not a Lucene commit");

        try (LuceneIndex index = new LuceneIndex(data)) {
            assertThat(index.takeRecoveryNote()).hasValueSatisfying(note -> assertThat(note)
                    .startsWith("The vectors of index.previous-20260101-000000 could not be read (")
                    .endsWith("): every passage is embedded again."));
            assertThat(index.takeRecoveryNote()).isEmpty();
        }
    }

    @Test
    void aSecondWriterIsToldAnotherProcessHoldsTheIndex() throws IOException {
        Path docs = SeedFolder.copyTo(temp.resolve("docs"));
        try (LuceneIndex index = new LuceneIndex(temp.resolve("data"));
             Directory same = FSDirectory.open(temp.resolve("data/index"));
             IndexWriter other = new IndexWriter(same, new IndexWriterConfig())) {
            assertThatThrownBy(() -> new Indexer(index, CiteqaProperties.Ingest.defaults(), Embedder.named(Embedder.NONE))
                    .sync(docs, p -> {
            })).isInstanceOf(Problem.class).hasMessageStartingWith("Another citeqa process is writing the index in ")
                    .hasMessageEndingWith("wait for it to finish, or pass another --data folder.");
            assertThat(other.isOpen()).isTrue();
        }
    }

    @Test
    void aFullDiskFailsTheCommitAndKeepsThePreviousIndex() throws IOException {
        Path docs = SeedFolder.copyTo(temp.resolve("docs"));
        AtomicBoolean full = new AtomicBoolean(false);
        LuceneIndex.DirectoryOpener fillable = folder -> new FilterDirectory(FSDirectory.open(folder)) {
            @Override
            public IndexOutput createOutput(String name, IOContext context) throws IOException {
                if (full.get()) {
                    throw new IOException("No space left on device");
                }
                return super.createOutput(name, context);
            }
        };
        try (LuceneIndex index = new LuceneIndex(temp.resolve("data"), fillable)) {
            Indexer indexer = new Indexer(index, CiteqaProperties.Ingest.defaults(), Embedder.named(Embedder.NONE));
            indexer.sync(docs, p -> {
            });
            int before = index.passageCount();
            Files.writeString(docs.resolve("003_ca31ee2c64d02175.txt"), "Entirely new text about harbour ferries.\n");
            full.set(true);
            assertThatThrownBy(() -> indexer.sync(docs, p -> {
            })).isInstanceOf(Problem.class).hasMessageContaining("No space left on device")
                    .hasMessageContaining("the previous index is kept");
            full.set(false);
            assertThat(index.passageCount()).isEqualTo(before);
            assertThat(index.passages("003_ca31ee2c64d02175.txt")).extracting(Passage::text)
                    .noneMatch(t -> t.contains("harbour ferries"));
        }
        try (LuceneIndex reopened = new LuceneIndex(temp.resolve("data"))) {
            assertThat(reopened.passages("003_ca31ee2c64d02175.txt")).isNotEmpty()
                    .extracting(Passage::text).noneMatch(t -> t.contains("harbour ferries"));
        }
    }
}
