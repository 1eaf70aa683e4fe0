package dev.citeqa.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import dev.citeqa.answer.Answerers;
import dev.citeqa.cite.Citation;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.index.Embedder;
import dev.citeqa.testing.SeedWorkspace;

class TimeAndConflictAnswersTest {

    @TempDir
    static Path folder;
    static Workspace workspace;

    @BeforeAll
    static void index() {
        workspace = SeedWorkspace.open(folder, Embedder.BGE_SMALL);
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    private static Turn ask(String question) {
        CiteqaProperties settings = SeedWorkspace.settings(workspace.docs(), workspace.data(), "hybrid",
                Embedder.BGE_SMALL);
        return new AskService(settings, new Answerers(settings),
                new DefaultListableBeanFactory().getBeanProvider(QuestionRewriter.class)).ask(workspace, question, t -> {
        });
    }

    @Test
    void aWhenAnswerGivesTheDateTheArticleStates() {
        Turn turn = ask("When did Iran and Iraq sign the accord to boost military cooperation?");

        assertThat(turn.answer().text()).containsAnyOf("July 23, 2017", "23 July 2017");
        assertThat(turn.answer().unsupported()).isZero();
    }

    @Test
    void aQuoteTheSourcesAttributeToDifferentPeopleIsCitedFromBoth() {
        Turn turn = ask("Who called Iran's increased support for the Iraqi armed forces a strategic necessity?");

        List<String> files = turn.answer().citations().stream().map(Citation::passage).map(p -> p.file().substring(0, 3))
                .toList();
        assertThat(turn.answer().text()).contains("strategic necessity");
        assertThat(files).contains("001", "003"); // Obeidi in one article, Firouzabadi in the other
        assertThat(turn.answer().text()).contains("The sources disagree: ").containsPattern("Obeidi said it, according to \\[\\d]")
                .containsPattern("Firouzabadi said it, according to \\[\\d]");
        assertThat(turn.answer().unsupported()).isZero();
    }
}
