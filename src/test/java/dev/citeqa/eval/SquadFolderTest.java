package dev.citeqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.config.Problem;

/** SQuAD articles written as a folder of paragraph files and a gold file, on a made-up SQuAD file. */
class SquadFolderTest {

    private static final String SQUAD = """
            {"version": "v2.0", "data": [
             {"title": "Lighthouses", "paragraphs": [
               {"context": "The Bell Rock Lighthouse was built by Robert Stevenson between 1807 and 1810.",
                "qas": [
                  {"id": "q1", "question": "Who built the Bell Rock Lighthouse?", "is_impossible": false,
                   "answers": [{"text": "Robert Stevenson", "answer_start": 38},
                               {"text": "Robert Stevenson", "answer_start": 38},
                               {"text": "Stevenson", "answer_start": 45}]},
                  {"id": "q2", "question": "Who demolished the Bell Rock Lighthouse?", "is_impossible": true,
                   "answers": [], "plausible_answers": [{"text": "Robert Stevenson", "answer_start": 38}]}]},
               {"context": "Its light is 28 metres above the sea.",
                "qas": [{"id": "q3", "question": "How high is the light?", "is_impossible": false,
                         "answers": [{"text": "28 metres", "answer_start": 13}]}]}]},
             {"title": "Zelda: A/B", "paragraphs": [
               {"context": "A game.", "qas": [{"id": "q4", "question": "What is it?", "is_impossible": false,
                                             "answers": [{"text": "A game", "answer_start": 0}]}]}]}]}
            """;

    @Test
    void writesOneFilePerParagraphAndAGoldLineForEveryQuestion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("squad.json");
        Files.writeString(file, SQUAD);
        Path docs = dir.resolve("out/docs");
        Path gold = dir.resolve("out/gold.jsonl");

        SquadFolder.Written written = SquadFolder.write(SquadFile.read(file), List.of("Lighthouses", "Zelda: A/B"),
                docs, gold);

        assertThat(written).isEqualTo(new SquadFolder.Written(2, 3, 4, 1));
        assertThat(docs.resolve("Lighthouses-000.txt")).content()
                .isEqualTo("The Bell Rock Lighthouse was built by Robert Stevenson between 1807 and 1810.\n");
        assertThat(docs.resolve("Lighthouses-001.txt")).content().isEqualTo("Its light is 28 metres above the sea.\n");
        assertThat(docs.resolve("Zelda_A_B-000.txt")).exists();

        GoldSet set = GoldSet.read(gold, docs);
        assertThat(set.questions()).extracting(GoldQuestion::id).containsExactly("q1", "q2", "q3", "q4");
        GoldQuestion built = set.questions().get(0);
        assertThat(built.answerable()).isTrue();
        assertThat(built.facts()).containsExactly(List.of("Robert Stevenson", "Stevenson"));
        assertThat(built.sources()).containsExactly("Lighthouses-000.txt");
        GoldQuestion demolished = set.questions().get(1);
        assertThat(demolished.answerable()).isFalse();
        assertThat(demolished.facts()).isEmpty();
        assertThat(demolished.sources()).isEmpty();
        assertThat(demolished.answer()).contains("Robert Stevenson");
        assertThat(set.questions().get(2).sources()).containsExactly("Lighthouses-001.txt");
    }

    @Test
    void runningAgainWritesTheSameBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("squad.json");
        Files.writeString(file, SQUAD);
        Path docs = dir.resolve("docs");
        Path gold = dir.resolve("gold.jsonl");
        SquadFolder.write(SquadFile.read(file), List.of("Lighthouses"), docs, gold);
        String first = Files.readString(gold);

        SquadFolder.write(SquadFile.read(file), List.of("Lighthouses"), docs, gold);

        assertThat(gold).content().isEqualTo(first);
        try (var files = Files.list(docs)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("Lighthouses-000.txt", "Lighthouses-001.txt");
        }
    }

    @Test
    void aFolderHoldingOtherFilesIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("squad.json");
        Files.writeString(file, SQUAD);
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> SquadFolder.write(SquadFile.read(file), List.of("Lighthouses"), docs,
                dir.resolve("gold.jsonl")))
                .isInstanceOf(Problem.class).hasMessageContaining("notes.txt");
        assertThat(dir.resolve("gold.jsonl")).doesNotExist();
    }

    @Test
    void anUnknownTitleNamesTheArticlesThereAre(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("squad.json");
        Files.writeString(file, SQUAD);

        assertThatThrownBy(() -> SquadFolder.write(SquadFile.read(file), List.of("Lighthouse"), dir.resolve("docs"),
                dir.resolve("gold.jsonl")))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("No article \"Lighthouse\"").hasMessageContaining("Lighthouses, Zelda: A/B");
    }

    @Test
    void anAnswerThatIsNotAtItsOffsetStopsWithTheQuestionNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("squad.json");
        Files.writeString(file, SQUAD.replace("\"answer_start\": 13", "\"answer_start\": 14"));

        assertThatThrownBy(() -> SquadFile.read(file))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("article \"Lighthouses\" paragraph 1 question q3")
                .hasMessageContaining("\"28 metres\" is not at answer_start 14");
    }

    @Test
    void jsonThatDoesNotParseNamesTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("squad.json");
        Files.writeString(file, "{\"data\": [\n{\"title\": \"x\",\n\"paragraphs\": [}\n");

        assertThatThrownBy(() -> SquadFile.read(file))
                .isInstanceOf(Problem.class)
                .hasMessageStartingWith(file + " line 3: not valid JSON");
    }
}
