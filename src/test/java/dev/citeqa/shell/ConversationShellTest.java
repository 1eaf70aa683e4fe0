package dev.citeqa.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.citeqa.SeedFolder;

/** The conversation commands driven as a person types them, on the real seeds. */
@SpringBootTest
class ConversationShellTest {

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        Path docs = SeedFolder.copyTo(folder.resolve("docs"));
        registry.add("citeqa.docs", docs::toString);
        registry.add("citeqa.data", () -> folder.resolve("data").toString());
    }

    @TestConfiguration
    static class NoCommandAtStart {
        @Bean
        Launch launch() {
            return new Launch(List.of(), List.of("history"));
        }
    }

    @Autowired
    ShellSession session;
    @Autowired
    CommandParser parser;

    @org.junit.jupiter.api.BeforeEach
    void newConversation() {
        type("reset");
    }

    private String type(String line) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        session.execute(parser.parse(line), out, out);
        out.flush();
        return text.toString();
    }

    @Test
    void aFollowUpShowsWhatWasSearchedAndHistoryAndResetWork() {
        String first = type("Which Revolutionary Guard general was martyred on an advisory mission?");
        assertThat(first).contains("Hamid Taqavi").doesNotContain("(searched:");

        String second = type("where was he killed?");
        assertThat(second).contains("(searched: where was Hamid Taqavi killed?)").contains("Samarra");

        String explained = type("sources --explain");
        assertThat(explained).contains("Searched: where was Hamid Taqavi killed?").contains("#1 ")
                .contains("BM25 rank").contains("vector rank").contains("cited as [1]");

        String history = type("history");
        assertThat(history).contains("1. Which Revolutionary Guard general was martyred on an advisory mission?")
                .contains("2. where was he killed?").contains("searched: where was Hamid Taqavi killed?");

        assertThat(type("reset")).contains("Started a new conversation (2 earlier questions forgotten).");
        assertThat(type("history")).contains("No questions yet");
    }

    @Test
    void theRetrievalModeCanBeChosenPerQuestion() {
        String bm25 = type("ask --retrieval bm25 Where was Taghavi killed?");
        assertThat(bm25).contains("Samarra");
        assertThat(type("sources --explain")).contains("not in the vector ranking");

        assertThat(type("ask --retrieval vector Which rogue regimes did Trump warn about?")).contains("North Korea");
        assertThat(type("sources --explain")).contains("not in the BM25 ranking");

        assertThat(type("ask --retrieval fuzzy what?")).contains("Unknown retrieval mode 'fuzzy'");
    }
}
