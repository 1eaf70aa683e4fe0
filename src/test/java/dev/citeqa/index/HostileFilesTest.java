package dev.citeqa.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.ingest.DocumentReader;
import dev.citeqa.ingest.Passage;

/** Messy folders: each file is indexed correctly or skipped with the reason, and indexing goes on. */
class HostileFilesTest {

    @TempDir
    Path temp;
    LuceneIndex index;

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    private IndexSummary sync(Path docs, CiteqaProperties.Ingest settings) {
        index = index != null ? index : new LuceneIndex(temp.resolve("data"));
        return new Indexer(index, settings, Embedder.named(Embedder.NONE)).sync(docs, p -> {
        });
    }

    private static CiteqaProperties.Ingest settings(boolean followLinks, int maxFileMb) {
        CiteqaProperties.Ingest d = CiteqaProperties.Ingest.defaults();
        return new CiteqaProperties.Ingest(d.passageSentences(), d.maxPassageChars(), d.extensions(), followLinks,
                maxFileMb);
    }

    private static String reason(IndexSummary summary, String file) {
        return summary.skipped().stream().filter(s -> s.file().equals(file)).map(DocumentReader.Skipped::reason)
                .findFirst().orElseThrow(() -> new AssertionError(file + " was not skipped: " + summary.skipped()));
    }

    @Test
    void oddFileNamesAndEmptyFilesAreIndexed() throws IOException {
        Path docs = Files.createDirectories(temp.resolve("docs/sub folder"));
        Files.writeString(docs.resolve("report with spaces.txt"), "The harbour ferry leaves at noon every day.\n");
        Files.writeString(docs.resolve("Zürich – ünïcödé 東京.md"), "The tram to the lake runs every ten minutes.\n");
        Files.writeString(docs.resolve("line\nbreak.txt"), "A file name with a line break is still a file.\n");
        Files.writeString(docs.resolve("empty.txt"), "");
        IndexSummary summary = sync(temp.resolve("docs"), settings(false, 64));
        assertThat(summary.skipped()).isEmpty();
        assertThat(summary.added()).isEqualTo(4);
        assertThat(index.passages("sub folder/Zürich – ünïcödé 東京.md")).extracting(Passage::text)
                .containsExactly("The tram to the lake runs every ten minutes.");
        assertThat(index.passages("sub folder/line\nbreak.txt")).hasSize(1);
        assertThat(index.passages("sub folder/empty.txt")).isEmpty();
    }

    @Test
    void symbolicLinksAreNotFollowedOutsideTheFolderNorIntoLoops() throws IOException {
        Path docs = Files.createDirectories(temp.resolve("docs"));
        Path outside = Files.writeString(temp.resolve("secret.txt"), "The vault code is written on the wall.\n");
        Files.writeString(docs.resolve("real.txt"), "The harbour ferry leaves at noon every day.\n");
        Files.createSymbolicLink(docs.resolve("outside.txt"), outside);
        Files.createSymbolicLink(docs.resolve("inside.txt"), docs.resolve("real.txt"));
        Files.createDirectories(docs.resolve("loop"));
        Files.createSymbolicLink(docs.resolve("loop/again"), docs);

        IndexSummary notFollowing = sync(docs, settings(false, 64));
        assertThat(reason(notFollowing, "outside.txt")).startsWith("is a symbolic link");
        assertThat(index.files()).containsOnlyKeys("real.txt");

        IndexSummary following = sync(docs, settings(true, 64));
        assertThat(reason(following, "outside.txt")).isEqualTo("links outside the documents folder");
        assertThat(reason(following, "loop/again")).isEqualTo("is a symbolic link loop");
        assertThat(index.files()).containsOnlyKeys("real.txt", "inside.txt");
    }

    @Test
    void encryptedBrokenOversizedAndBinaryFilesAreSkippedWithTheReason() throws IOException {
        Path docs = Files.createDirectories(temp.resolve("docs"));
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            pdf.save(docs.resolve("locked.pdf").toFile());
        }
        Files.writeString(docs.resolve("broken.pdf"), "%PDF-1.4 truncated");
        Files.write(docs.resolve("big.txt"), "word ".repeat(450_000).getBytes());
        Files.write(docs.resolve("photo.txt"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 0x10, 'J', 'F', 'I', 'F', 0});
        Files.writeString(docs.resolve("good.txt"), "The harbour ferry leaves at noon every day.\n");

        IndexSummary summary = sync(docs, settings(false, 1));

        assertThat(reason(summary, "locked.pdf")).isEqualTo("is a password-protected PDF");
        assertThat(reason(summary, "broken.pdf")).startsWith("could not be parsed as pdf");
        assertThat(reason(summary, "big.txt")).startsWith("is larger than 1 MB");
        assertThat(reason(summary, "photo.txt")).isEqualTo("looks binary, not text");
        assertThat(index.files()).containsOnlyKeys("good.txt");
    }

    @Test
    void unreadableFilesAreSkippedAndTheRestIndexed() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every file");
        Path docs = Files.createDirectories(temp.resolve("docs"));
        Path locked = Files.writeString(docs.resolve("locked.txt"), "Nobody may read this.\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Files.writeString(docs.resolve("good.txt"), "The harbour ferry leaves at noon every day.\n");
        IndexSummary summary = sync(docs, settings(false, 64));
        assertThat(reason(summary, "locked.txt")).startsWith("cannot be read");
        assertThat(index.files()).containsOnlyKeys("good.txt");
    }

    @Test
    void aFileTooLargeAfterIndexingKeepsItsPassages() throws IOException {
        Path docs = Files.createDirectories(temp.resolve("docs"));
        Files.writeString(docs.resolve("grows.txt"), "The harbour ferry leaves at noon every day.\n");
        sync(docs, settings(false, 64));
        Files.write(docs.resolve("grows.txt"), "word ".repeat(450_000).getBytes());
        IndexSummary summary = sync(docs, settings(false, 1));
        assertThat(summary.removed()).isZero();
        assertThat(index.passages("grows.txt")).extracting(Passage::text)
                .containsExactly("The harbour ferry leaves at noon every day.");
        assertThat(List.of(reason(summary, "grows.txt"))).singleElement().asString().contains("max-file-mb");
    }

    @Test
    void filesThatChangeOrVanishWhileIndexingAreIndexedWholeOrNotAtAll() throws IOException {
        Path docs = Files.createDirectories(temp.resolve("docs"));
        Files.writeString(docs.resolve("a.txt"), "The harbour ferry leaves at noon every day.\n");
        Files.writeString(docs.resolve("b.txt"), "The tram to the lake runs every ten minutes.\n");
        Files.writeString(docs.resolve("c.txt"), "The museum opens at nine in the morning.\n");
        sync(docs, settings(false, 64));
        index.close();
        index = new LuceneIndex(temp.resolve("data"));
        // after the folder is listed, while a.txt is being read: b.txt disappears and c.txt is rewritten
        IndexSummary summary = new Indexer(index, settings(false, 64), Embedder.named(Embedder.NONE)).sync(docs, progress -> {
            if ("a.txt".equals(progress.file())) {
                try {
                    Files.delete(docs.resolve("b.txt"));
                    Files.writeString(docs.resolve("c.txt"), "The museum now opens at ten. It closes at six.\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        assertThat(summary.removed()).isEqualTo(1);
        assertThat(summary.changed()).isEqualTo(1);
        assertThat(index.files()).containsOnlyKeys("a.txt", "c.txt");
        assertThat(index.passages("c.txt")).extracting(Passage::text)
                .containsExactly("The museum now opens at ten. It closes at six.");
    }
}
