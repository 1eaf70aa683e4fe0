package dev.citeqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.SeedFolder;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.ingest.IngestedFile;
import dev.citeqa.ingest.Passage;

class IndexerTest {

    static final CiteqaProperties.Ingest SETTINGS = CiteqaProperties.Ingest.defaults();

    @TempDir
    Path temp;
    Path docs;
    LuceneIndex index;
    Indexer indexer;

    @BeforeEach
    void openIndex() {
        docs = SeedFolder.copyTo(temp.resolve("docs"));
        index = new LuceneIndex(temp.resolve("data"));
        indexer = new Indexer(index, SETTINGS, Embedder.named(Embedder.NONE));
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    private IndexSummary sync() {
        return indexer.sync(docs, progress -> {
        });
    }

    @Test
    void firstRunAddsEveryFileAndSecondTouchesNothing() {
        IndexSummary first = sync();
        assertThat(first.added()).isEqualTo(5);
        assertThat(first.passages()).isEqualTo(index.passageCount()).isGreaterThan(20);
        IndexSummary second = sync();
        assertThat(second.touched()).isFalse();
        assertThat(second.unchanged()).isEqualTo(5);
        assertThat(second.passages()).isEqualTo(first.passages());
    }

    @Test
    void addedChangedAndDeletedFilesAreFollowed() throws IOException {
        sync();
        // read before the change: the passages kept in memory for the last commit must not outlive it
        assertThat(index.passages("003_ca31ee2c64d02175.txt")).hasSizeGreaterThan(1);
        assertThat(index.passages("000_8d0ae4517628bdff.txt")).isNotEmpty();
        Files.writeString(docs.resolve("new.md"), "# Ferry timetable\n\nThe harbour ferry now leaves at seven. "
                + "It stops at the island twice a day.\n");
        Files.writeString(docs.resolve("003_ca31ee2c64d02175.txt"),
                "Iran and Iraq agreed to hold a joint naval exercise in the Gulf next spring, officials said.\n");
        Files.delete(docs.resolve("000_8d0ae4517628bdff.txt"));

        IndexSummary summary = sync();

        assertThat(summary.added()).isEqualTo(1);
        assertThat(summary.changed()).isEqualTo(1);
        assertThat(summary.removed()).isEqualTo(1);
        assertThat(summary.unchanged()).isEqualTo(3);
        assertThat(index.files()).containsOnlyKeys("001_427b068eda7f8d6f.txt", "002_516ae136e8be9269.txt",
                "003_ca31ee2c64d02175.txt", "004_35665f7e3260056a.txt", "new.md");
        assertThat(index.passages("003_ca31ee2c64d02175.txt")).extracting(Passage::text)
                .containsExactly("Iran and Iraq agreed to hold a joint naval exercise in the Gulf next spring, officials said.");
        assertThat(index.passages("new.md")).extracting(Passage::title).containsOnly("Ferry timetable");
        assertThat(index.passages("000_8d0ae4517628bdff.txt")).isEmpty();
        assertThat(index.passageCount()).isEqualTo(summary.passages());
    }

    @Test
    void filesReadAgainBeyondTheKeptTextBudgetGiveTheSamePassages() {
        List<Passage> kept = everyPassage(sync());
        try (LuceneIndex other = new LuceneIndex(temp.resolve("other"))) {
            // a budget of 0 characters: every changed file is read a second time in the second pass
            IndexSummary summary = new Indexer(other, SETTINGS, Embedder.named(Embedder.NONE), 0).sync(docs, progress -> {
            });
            assertThat(summary.added()).isEqualTo(5);
            assertThat(everyPassage(other, summary)).containsExactlyElementsOf(kept);
        }
    }

    private List<Passage> everyPassage(IndexSummary summary) {
        return everyPassage(index, summary);
    }

    private static List<Passage> everyPassage(LuceneIndex from, IndexSummary summary) {
        List<Passage> passages = from.files().keySet().stream().sorted()
                .flatMap(file -> from.passages(file).stream()).toList();
        assertThat(passages).hasSize(summary.passages());
        return passages;
    }

    @Test
    void unsupportedFilesAreSkippedWithTheReason() throws IOException {
        Files.writeString(docs.resolve("notes.docx"), "not really a word file");
        IndexSummary summary = sync();
        assertThat(summary.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("notes.docx");
            assertThat(s.reason()).startsWith("has an unsupported type .docx");
        });
    }

    @Test
    void changesThatWereNeverCommittedLeaveThePreviousIndex() {
        sync();
        int before = index.passageCount();
        try (PassageStore.Changes changes = index.change()) {
            changes.remove("001_427b068eda7f8d6f.txt");
            changes.replace(new IngestedFile("ghost.txt", "h", "f", "Ghost", null, List.of(
                    new Passage("ghost.txt#0-00000000", "ghost.txt", 0, "Ghost", null, 0, 5, "Boo!!"))), java.util.Set.of(), List.of());
            // closed without commit, as when a run is killed
        }
        index.close();
        index = new LuceneIndex(temp.resolve("data"));
        assertThat(index.passageCount()).isEqualTo(before);
        assertThat(index.files()).doesNotContainKey("ghost.txt").containsKey("001_427b068eda7f8d6f.txt");
    }

    @Test
    void aDamagedIndexIsMovedAsideAndRebuilt() throws IOException {
        sync();
        index.close();
        try (var files = Files.list(temp.resolve("data/index"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        index = new LuceneIndex(temp.resolve("data"));
        assertThat(index.takeRecoveryNote()).hasValueSatisfying(note -> assertThat(note).contains("was damaged")
                .contains("rebuilt from the documents"));
        assertThat(index.takeRecoveryNote()).isEmpty();
        indexer = new Indexer(index, SETTINGS, Embedder.named(Embedder.NONE));
        assertThat(sync().added()).isEqualTo(5);
    }
}
