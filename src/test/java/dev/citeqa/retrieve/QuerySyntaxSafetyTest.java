package dev.citeqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.chat.Workspace;
import dev.citeqa.index.Embedder;
import dev.citeqa.testing.SeedWorkspace;

class QuerySyntaxSafetyTest {

    static final String HOSTILE = "title:\"Samarra\" AND (Taqavi OR killed~2) +funeral -Tehran^3 [a TO z] {x} "
            + "field:* ? \\ / && || ! Where:was* the \"funeral held";

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

    @Test
    void aQuestionFullOfQuerySyntaxIsSearchedAsPlainWordsInEveryMode() {
        for (RetrievalMode mode : RetrievalMode.values()) {
            assertThatCode(() -> workspace.retrieval().retrieve(HOSTILE, mode, 5)).as(mode.label())
                    .doesNotThrowAnyException();
        }
        List<RankedPassage> hits = workspace.retrieval().retrieve(HOSTILE, RetrievalMode.BM25, 5);

        // "-Tehran" excludes nothing and "AND" requires nothing: the funeral in Tehran is still found by its words
        assertThat(hits.getFirst().passage().text()).contains("funeral").contains("Samarra").contains("Tehran");
    }

    @Test
    void onlyPunctuationFindsNothingRatherThanFailing() {
        assertThat(workspace.retrieval().retrieve("(((\"*:*\")))", RetrievalMode.BM25, 5)).isEmpty();
    }
}
