package dev.citeqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.config.Problem;

class GoldSetTest {

    private static final Path SEEDS = Path.of("seeds");

    @Test
    void theTeamsGoldSetCoversWhatTheIssueAsksFor() {
        GoldSet gold = GoldSet.read(Path.of("eval/gold.jsonl"), SEEDS);

        assertThat(gold.questions()).hasSizeGreaterThanOrEqualTo(40);
        List<GoldQuestion> unanswerable = gold.questions().stream().filter(q -> !q.answerable()).toList();
        assertThat(unanswerable).hasSizeGreaterThanOrEqualTo(8);
        assertThat(unanswerable).filteredOn(q -> q.question().matches("(?i).*\\b(ignore|disregard|forget|you are now)\\b.*"))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(gold.questions()).filteredOn(q -> !q.history().isEmpty()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(gold.questions()).filteredOn(q -> q.sources().size() >= 2 && q.answerable()).isNotEmpty();
        assertThat(gold.questions()).filteredOn(q -> q.facts().size() >= 3).isNotEmpty(); // lists
        assertThat(gold.questions()).extracting(GoldQuestion::id).doesNotHaveDuplicates();
    }

    @Test
    void readsEveryFieldOfALine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gold.jsonl");
        Files.writeString(file, """
                {"id": "a1", "question": "And where?", "history": ["Who signed?"], "answerable": true, "answer": "Tehran.", "facts": [["Tehran"], ["2014", "Dec 2014"]], "sources": ["000_8d0ae4517628bdff.txt"]}

                {"id": "a2", "question": "Capital of Peru?", "answerable": false, "answer": "Not covered.", "facts": [], "sources": []}
                """);
        GoldSet gold = GoldSet.read(file, SEEDS);

        assertThat(gold.questions()).containsExactly(
                new GoldQuestion("a1", "And where?", List.of("Who signed?"), true, "Tehran.",
                        List.of(List.of("Tehran"), List.of("2014", "Dec 2014")), List.of("000_8d0ae4517628bdff.txt"), 1),
                new GoldQuestion("a2", "Capital of Peru?", List.of(), false, "Not covered.", List.of(), List.of(), 3));
        assertThat(gold.answerable()).isEqualTo(1);
    }

    @Test
    void reportsEveryFaultyLineWithItsNumberBeforeRunning(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gold.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\": \"ok\", \"question\": \"q?\", \"answerable\": true, \"answer\": \"a\", \"facts\": [[\"x\"]], \"sources\": [\"000_8d0ae4517628bdff.txt\"]}",
                "{\"id\": \"b\", \"question\": \"q?\", \"answerable\": true, \"answer\": \"a\", \"facts\": [\"x\"], \"sources\": [\"000_8d0ae4517628bdff.txt\"]}",
                "{\"id\": \"c\", \"question\": \"q?\", \"answerable\": false, \"answer\": \"a\", \"facts\": [[\"x\"]], \"sources\": []}",
                "not json",
                "{\"id\": \"ok\", \"question\": \"q?\", \"answerable\": \"yes\", \"answer\": \"a\", \"facts\": [], \"sources\": []}",
                "{\"id\": \"e\", \"question\": \"q?\", \"answerable\": true, \"answer\": \"a\", \"facts\": [[\"x\"]], \"sources\": [\"nope.txt\"], \"notes\": 1}",
                "{\"id\": \"f\", \"answerable\": true, \"answer\": \"a\", \"facts\": [[\"x\"]], \"sources\": [\"000_8d0ae4517628bdff.txt\"]}"));

        assertThatThrownBy(() -> GoldSet.read(file, SEEDS))
                .isInstanceOf(Problem.class)
                .hasMessageStartingWith("The gold file has 7 faults; nothing was run:")
                .hasMessageContaining(file + " line 2: \"facts\" must be a list of non-empty lists of strings")
                .hasMessageContaining(file + " line 3: an unanswerable question has empty \"facts\" and \"sources\"")
                .hasMessageContaining(file + " line 4: not valid JSON")
                .hasMessageContaining(file + " line 5: \"answerable\" must be true or false")
                .hasMessageContaining(file + " line 6: unknown field \"notes\"")
                .hasMessageContaining(file + " line 6: source \"nope.txt\" is not a file in seeds")
                .hasMessageContaining(file + " line 7: missing \"question\"")
                .hasMessageNotContaining("line 1:");
    }

    @Test
    void reportsADuplicateIdWithTheLineThatFirstUsedIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gold.jsonl");
        String line = "{\"id\": \"g1\", \"question\": \"q?\", \"answerable\": false, \"answer\": \"a\", \"facts\": [], \"sources\": []}";
        Files.writeString(file, line + "\n" + line + "\n");
        assertThatThrownBy(() -> GoldSet.read(file, SEEDS))
                .hasMessageContaining("line 2: id \"g1\" is already used on line 1");
    }

    @Test
    void saysWhenTheGoldFileIsMissing() {
        assertThatThrownBy(() -> GoldSet.read(Path.of("no/such/gold.jsonl"), SEEDS))
                .isInstanceOf(Problem.class)
                .hasMessage("The gold file no/such/gold.jsonl does not exist: pass --gold <file.jsonl>.");
    }
}
