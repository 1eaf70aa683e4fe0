package dev.citeqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.chat.Workspace;
import dev.citeqa.index.Embedder;
import dev.citeqa.index.NameVariants;
import dev.citeqa.testing.SeedWorkspace;

class NameVariantRetrievalTest {

    @TempDir
    static Path folder;
    static Workspace workspace;

    @BeforeAll
    static void index() {
        workspace = SeedWorkspace.open(folder, Embedder.NONE);
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    private static List<RankedPassage> bm25(String question) {
        return workspace.retrieval().retrieve(question, RetrievalMode.BM25, 5);
    }

    @Test
    void aSpellingTheDocumentsNeverUseFindsThePassagesNamingThatPerson() {
        List<RankedPassage> hits = bm25("Where was Taghavi killed?");

        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst().passage().text()).contains("Taqavi").contains("Samarra");
    }

    @Test
    void eachSpellingOfTheDefenceMinisterFindsTheOthers() {
        for (String spelling : List.of("Dehqan", "Dehghan", "Dahqan")) {
            List<String> texts = bm25(spelling).stream().map(h -> h.passage().text()).toList();
            assertThat(texts).as(spelling).anyMatch(t -> t.contains("Dehqan"));
            assertThat(texts).as(spelling).anyMatch(t -> t.contains("Dehghan"));
            assertThat(texts).as(spelling).anyMatch(t -> t.contains("Dahqan"));
        }
    }

    @Test
    void obaidiAndObeidiAreOneName() {
        List<String> files = bm25("Obaidi").stream().map(h -> h.passage().file()).toList();

        assertThat(files).anyMatch(f -> f.startsWith("001") || f.startsWith("003")); // they spell it Obeidi
        assertThat(files).anyMatch(f -> f.startsWith("000")); // it spells it Obaidi
    }

    @Test
    void variantsCountTowardsTheAnswerersCoverage() {
        TermWeights weights = workspace.retrieval().weights("Where was Taghavi killed?");

        assertThat(weights.variants()).containsKey("taghavi");
        assertThat(weights.foundIn("taghavi", java.util.Set.of("taqavi", "samarra"))).isTrue();
    }

    @Test
    void soundKeysJoinTransliterationsButKeepDifferentPlacesApart() {
        assertThat(NameVariants.key("Dehqan")).isEqualTo(NameVariants.key("Dehghan")).isEqualTo(NameVariants.key("Dahqan"));
        assertThat(NameVariants.key("Taqavi")).isEqualTo(NameVariants.key("Taghavi"));
        assertThat(NameVariants.key("Obeidi")).isEqualTo(NameVariants.key("Obaidi"));
        assertThat(NameVariants.key("Iran")).isNotEqualTo(NameVariants.key("Iraq"));
        assertThat(NameVariants.variant("Iraq", "iraq", "iraqi")).as("a derived word is not a spelling").isFalse();
        assertThat(NameVariants.variant("Hossein", "hossein", "hassan")).as("three edits apart").isFalse();
    }
}
