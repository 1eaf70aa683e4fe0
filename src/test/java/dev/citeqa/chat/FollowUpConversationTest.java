package dev.citeqa.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import dev.citeqa.answer.Answerers;
import dev.citeqa.answer.StopSignal;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.index.Embedder;
import dev.citeqa.retrieve.RetrievalMode;
import dev.citeqa.testing.SeedWorkspace;

class FollowUpConversationTest {

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

    private static AskService asking() {
        CiteqaProperties settings = SeedWorkspace.settings(workspace.docs(), workspace.data(), "hybrid",
                Embedder.BGE_SMALL);
        return new AskService(settings, new Answerers(settings),
                new DefaultListableBeanFactory().getBeanProvider(QuestionRewriter.class));
    }

    @Test
    void aPronounFollowUpIsSearchedWithThePersonFromTheLastAnswer() {
        AskService asking = asking();
        Turn first = asking.ask(workspace, "Which Revolutionary Guard general was martyred on an advisory mission?",
                token -> {
                });
        assertThat(first.answer().text()).contains("Hamid Taqavi");

        Turn second = asking.ask(workspace, "where was he killed?", token -> {
        });

        assertThat(second.question()).isEqualTo("where was he killed?");
        assertThat(second.searched()).isEqualTo("where was Hamid Taqavi killed?");
        assertThat(second.answer().text()).contains("Samarra");
        assertThat(second.answer().citations()).isNotEmpty();
    }

    @Test
    void anEllipticalYearFollowUpFindsTheOtherAgreement() {
        AskService asking = asking();
        asking.ask(workspace, "Who signed the defence agreement for Iraq in 2014?", RetrievalMode.HYBRID,
                searched -> { }, token -> { }, StopSignal.never());
        List<String> shown = new ArrayList<>();

        Turn second = asking.ask(workspace, "and in 2017?", RetrievalMode.HYBRID, shown::add, token -> { },
                StopSignal.never());

        assertThat(shown).containsExactly("Who signed the defence agreement for Iraq in 2017?");
        assertThat(second.searched()).isEqualTo("Who signed the defence agreement for Iraq in 2017?");
        assertThat(second.answer().text()).contains("al-Hiyali");
    }

    @Test
    void resetForgetsTheEarlierTurns() {
        AskService asking = asking();
        asking.ask(workspace, "Who was the highest-ranking Iranian officer killed abroad?", token -> {
        });
        asking.conversation().reset();

        Turn turn = asking.ask(workspace, "where was he killed?", token -> {
        });

        assertThat(turn.searched()).isEqualTo("where was he killed?");
        assertThat(asking.conversation().turns()).hasSize(1);
    }
}
