package dev.citeqa.shell;

import static dev.citeqa.shell.MarkdownStream.BOLD;
import static dev.citeqa.shell.MarkdownStream.CODE;
import static dev.citeqa.shell.MarkdownStream.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An LLM's Markdown shown as terminal text, the same whether it arrives whole or a character at a time. */
class MarkdownStreamTest {

    private static String shown(String markdown, int chunk) {
        StringBuilder out = new StringBuilder();
        MarkdownStream stream = new MarkdownStream(out::append);
        for (int i = 0; i < markdown.length(); i += chunk) {
            stream.accept(markdown.substring(i, Math.min(markdown.length(), i + chunk)));
        }
        stream.finish();
        return out.toString();
    }

    @Test
    void listsBoldCodeHeadingsAndFencesAreRenderedAndCitationsPassThrough() {
        String markdown = """
                ## Where it was signed
                The agreement was signed in **Tehran** [1]. Its terms:
                - training of `Iraqi units` [2]
                * border security
                1. first
                ```text
                raw *text* here
                ```
                > a quote""";
        String expected = BOLD + "Where it was signed" + PLAIN + "\n"
                + "The agreement was signed in " + BOLD + "Tehran" + PLAIN + " [1]. Its terms:\n"
                + "  • training of " + CODE + "Iraqi units" + PLAIN + " [2]\n"
                + "  • border security\n"
                + "  1. first\n"
                + "    raw *text* here\n"
                + "  │ a quote";

        assertThat(shown(markdown, markdown.length())).isEqualTo(expected);
        assertThat(shown(markdown, 1)).isEqualTo(expected);
        assertThat(shown(markdown, 3)).isEqualTo(expected);
    }

    @Test
    void plainTextAndLoneStarsAreLeftAsWrittenAndNoStyleOutlivesTheAnswer() {
        assertThat(shown("5 * 3 is 15, in 2014.\n2014. A year [1].", 2)).isEqualTo("5 * 3 is 15, in 2014.\n2014. A year [1].");
        assertThat(shown("an **unclosed bold", 1)).isEqualTo("an " + BOLD + "unclosed bold" + PLAIN);
    }
}
