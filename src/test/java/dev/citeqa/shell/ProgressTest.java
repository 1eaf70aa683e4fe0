package dev.citeqa.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import dev.citeqa.index.EmbeddingProgress;
import dev.citeqa.index.Indexer;

class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    /** A clock the test moves by hand. */
    private static final class Clock {
        long now;
    }

    @Test
    void workShorterThanASecondShowsNothing() {
        StringWriter text = new StringWriter();
        Clock clock = new Clock();
        try (Progress progress = new Progress(new PrintWriter(text), false, () -> clock.now)) {
            for (int i = 0; i < 40; i++) {
                clock.now += SECOND / 50;
                progress.files().accept(new Indexer.Progress(i, 40, "f" + i, 0));
            }
        }
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void longWorkGivesFilesPassagesRateAndTimeLeftEveryFewSecondsAsPlainLines() {
        StringWriter text = new StringWriter();
        Clock clock = new Clock();
        try (Progress progress = new Progress(new PrintWriter(text), false, () -> clock.now)) {
            clock.now = 2 * SECOND;
            var files = progress.files();
            files.accept(new Indexer.Progress(10, 44, "a.md", 0));
            clock.now = 3 * SECOND;
            files.accept(new Indexer.Progress(20, 44, "b.md", 0)); // within 5 s of the last line
            clock.now = 4 * SECOND;
            files.accept(new Indexer.Progress(44, 44, "", 0)); // every file read: shown at once
            clock.now = 5 * SECOND;
            files.accept(new Indexer.Progress(44, 44, "c.md", 400)); // within 5 s
            clock.now = 9 * SECOND;
            files.accept(new Indexer.Progress(44, 44, "d.md", 812));
            clock.now = 14 * SECOND;
            progress.embedding().accept(new EmbeddingProgress(400, 3208, 10 * SECOND));
        }
        assertThat(text.toString().lines()).containsExactly(
                "Indexing: 10/44 files read",
                "Indexing: 44 files read, 0 passages split",
                "Indexing: 44 files read, 812 passages split",
                "Embedding: 400/3208 passages, 40 passages/s, about 70 s left");
    }

    @Test
    void onATerminalOneLineIsRedrawnAndClearedAtTheEnd() {
        StringWriter text = new StringWriter();
        Clock clock = new Clock();
        try (Progress progress = new Progress(new PrintWriter(text), true, () -> clock.now)) {
            clock.now = 2 * SECOND;
            progress.embedding().accept(new EmbeddingProgress(100, 200, 2 * SECOND));
            clock.now = 3 * SECOND;
            progress.embedding().accept(new EmbeddingProgress(150, 200, 3 * SECOND));
        }
        assertThat(text.toString()).isEqualTo("\r\033[KEmbedding: 100/200 passages, 50 passages/s, about 2 s left"
                + "\r\033[KEmbedding: 150/200 passages, 50 passages/s, about 1 s left\r\033[K");
    }
}
