package dev.citeqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.chat.Workspace;
import dev.citeqa.index.Embedder;
import dev.citeqa.testing.SeedWorkspace;

class NearDuplicatesTest {

    @TempDir
    Path folder;

    @Test
    void aParagraphReprintedByTwoArticlesIsShownOnceWithTheOtherFileNamed() {
        try (Workspace workspace = SeedWorkspace.open(folder, Embedder.NONE, "001", "003")) {
            List<RankedPassage> hits = workspace.retrieval().retrieve(
                    "Iranian fighter planes bombed Islamic State positions in Diyala province", RetrievalMode.BM25, 5);

            RankedPassage top = hits.getFirst();
            assertThat(top.passage().text()).contains("Diyala");
            String other = top.passage().file().startsWith("001") ? "003" : "001";
            assertThat(top.alsoIn()).singleElement().asString().startsWith(other);
            assertThat(hits.stream().filter(h -> h.passage().text().contains("Diyala"))).hasSize(1);
            for (int i = 0; i < hits.size(); i++) {
                for (int j = i + 1; j < hits.size(); j++) {
                    assertThat(NearDuplicates.copies(hits.get(i).passage().text(), hits.get(j).passage().text()))
                            .as("results %d and %d are copies", i + 1, j + 1).isFalse();
                }
            }
            assertThat(hits).extracting(RankedPassage::rank).containsExactly(
                    java.util.stream.IntStream.rangeClosed(1, hits.size()).boxed().toArray(Integer[]::new));
        }
    }

    @Test
    void theArticleThatRepeatsItsOpeningParagraphsYieldsEachOnce() {
        try (Workspace workspace = SeedWorkspace.open(folder, Embedder.NONE, "002")) {
            List<RankedPassage> hits = workspace.retrieval().retrieve(
                    "memorandum of understanding expanding military cooperation historic rivals", RetrievalMode.BM25, 5);

            assertThat(hits.stream().filter(h -> h.passage().text().contains("historic rivals"))).hasSize(1);
        }
    }

    @Test
    void passagesSharingOneSentenceOfThreeAreNotCopies() {
        String a = "Iran sent troops. The reinforcements were sent after a request by the government of Iraq today. "
                + "Turkey trained Kurdish fighters in the north of the country.";
        String b = "The reinforcements were sent after a request by the government of Iraq today. Officials in "
                + "Washington denied any coordination. A funeral was held in Tehran for a commander on Monday.";

        assertThat(NearDuplicates.copies(a, b)).isFalse();
        assertThat(NearDuplicates.copies(a, a + " One more sentence.")).isTrue();
    }
}
