package dev.citeqa.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.citeqa.ingest.Passage;

/** A cited file name as an OSC 8 hyperlink to the file and line, or plain. */
class FileLinksTest {

    private static Passage passage(String file) {
        return new Passage(file + "#1-abc", file, 1, "A title", null, 10, 50, "Some text of the passage.");
    }

    @Test
    void aLinkOpensTheFileAtThePassagesLineAndShowsTheName() {
        Path docs = Path.of("/tmp/some docs");
        FileLinks links = new FileLinks(docs, p -> Optional.of(12), true);

        assertThat(links.name(passage("notes/a b.txt"))).isEqualTo(
                "\u001B]8;;file:///tmp/some%20docs/notes/a%20b.txt#L12\u001B\\notes/a b.txt\u001B]8;;\u001B\\");
    }

    @Test
    void withoutLinksOrWithoutALineTheNameIsPlainOrLinksToTheFileAlone() {
        assertThat(FileLinks.PLAIN.name(passage("a.txt"))).isEqualTo("a.txt");
        assertThat(new FileLinks(Path.of("/d"), p -> Optional.empty(), true).name(passage("a.txt")))
                .isEqualTo("\u001B]8;;file:///d/a.txt\u001B\\a.txt\u001B]8;;\u001B\\");
    }
}
