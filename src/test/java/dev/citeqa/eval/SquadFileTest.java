package dev.citeqa.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.config.Problem;

/** Reading training data: faults name the file and the line; the made-up unanswerable questions change one thing. */
class SquadFileTest {

    @TempDir
    Path folder;

    @Test
    void aMissingTrainingFileIsNamed() {
        Path missing = folder.resolve("nowhere.json");

        assertThatThrownBy(() -> SquadFile.read(missing)).isInstanceOf(Problem.class)
                .hasMessageStartingWith("The training file " + missing + " does not exist");
    }

    @Test
    void brokenJsonIsReportedWithItsLine() throws IOException {
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{\"version\": \"v2.0\",\n\"data\": [\n{\"title\": \"A\", \"paragraphs\": [}\n]}\n");

        assertThatThrownBy(() -> SquadFile.read(broken)).isInstanceOf(Problem.class)
                .hasMessageContaining(broken.toString()).hasMessageContaining("is not valid JSON at line 3");
    }

    @Test
    void aQuestionWithoutItsTextIsReportedWithTheLineOfItsArticle() throws IOException {
        Path odd = folder.resolve("odd.json");
        Files.writeString(odd, """
                {"version": "v2.0", "data": [
                {"title": "Good", "paragraphs": [{"context": "Ada was born in 1815.", "qas": [
                  {"id": "1", "question": "When was Ada born?", "answers": [{"text": "1815", "answer_start": 16}]}]}]},
                {"title": "Bad", "paragraphs": [{"context": "x", "qas": [{"id": "2", "answers": []}]}]}
                ]}
                """);

        assertThatThrownBy(() -> SquadFile.read(odd)).isInstanceOf(Problem.class)
                .hasMessage("The training file " + odd + " is not in the SQuAD 2.0 layout at line 5: a question of "
                        + "\"Bad\" without \"question\" or \"answers\".");
    }

    @Test
    void aWellFormedFileGivesItsArticlesQuestionsAndSpans() throws IOException {
        Path good = folder.resolve("good.json");
        Files.writeString(good, """
                {"version": "v2.0", "data": [{"title": "Ada", "paragraphs": [{"context": "Ada was born in 1815.", "qas": [
                  {"id": "1", "question": "When was Ada born?", "answers": [{"text": "1815", "answer_start": 16}],
                   "is_impossible": false},
                  {"id": "2", "question": "When did Ada die?", "answers": [], "is_impossible": true}]}]}]}
                """);

        var articles = SquadFile.read(good);

        assertThat(articles).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Ada");
            var questions = a.paragraphs().getFirst().questions();
            assertThat(questions.getFirst().answers().getFirst()).isEqualTo(new SquadFile.Span("1815", 16));
            assertThat(questions.get(1).impossible()).isTrue();
        });
    }

    @Test
    void aChangedQuestionDiffersInOneNameOrNumber() {
        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            String changed = ReaderTraining.changed("How many albums did Beyonce release in 2003?",
                    java.util.List.of("Chopin", "Warsaw"), random);
            assertThat(changed).isNotNull().isNotEqualTo("How many albums did Beyonce release in 2003?");
            assertThat(changed).matches("How many albums did (Beyonce release in \\d+|Chopin release in 2003"
                    + "|Warsaw release in 2003)\\?");
        }
    }
}
