package dev.citeqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import dev.citeqa.chat.AskService;
import dev.citeqa.chat.QuestionRewriter;
import dev.citeqa.chat.Workspace;
import dev.citeqa.cite.CitedAnswer;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.index.Embedder;
import dev.citeqa.testing.SeedWorkspace;

/**
 * The extractive answerer with and without the sentence-meaning rescue, on the gold questions (answered with a
 * citation to a right file) and on questions the seeds cannot answer (declined). Writes
 * target/paraphrase-rescue.md; fails if the rescue loses a right answer or answers one more unanswerable question.
 */
class ParaphraseRescueTest {

    /** How one answerer did. */
    record Outcome(int rightAnswers, int questions, int falseAnswers, int unanswerable) {
    }

    @TempDir
    Path folder;

    @Test
    void understandingParaphrasesAddsAnswersWithoutAnsweringTheUnanswerable() throws IOException {
        try (Workspace workspace = SeedWorkspace.open(folder, Embedder.BGE_SMALL)) {
            CiteqaProperties settings = SeedWorkspace.settings(workspace.docs(), workspace.data(), "hybrid",
                    Embedder.BGE_SMALL);
            Outcome words = run(workspace, settings, SentenceMeaning.NONE);
            Outcome meaning = run(workspace, settings, SentenceMeaning.of(SeedWorkspace.embedder(Embedder.BGE_SMALL)));

            String report = "| answerer | answered from a right file | unanswerable answered |\n|---|---|---|\n"
                    + String.format("| words only | %d/%d | %d/%d |%n", words.rightAnswers(), words.questions(),
                    words.falseAnswers(), words.unanswerable())
                    + String.format("| words + BGE sentence meaning | %d/%d | %d/%d |%n", meaning.rightAnswers(),
                    meaning.questions(), meaning.falseAnswers(), meaning.unanswerable());
            Files.writeString(Path.of("target", "paraphrase-rescue.md"), report, StandardCharsets.UTF_8);
            System.out.println(report);

            assertThat(meaning.rightAnswers()).isGreaterThanOrEqualTo(words.rightAnswers());
            assertThat(meaning.falseAnswers()).isLessThanOrEqualTo(words.falseAnswers());
        }
    }

    @Test
    void aParaphrasedQuestionIsAnsweredFromTheSentenceThatMeansIt() {
        try (Workspace workspace = SeedWorkspace.open(folder, Embedder.BGE_SMALL)) {
            CiteqaProperties settings = SeedWorkspace.settings(workspace.docs(), workspace.data(), "hybrid",
                    Embedder.BGE_SMALL);
            String question = "What does the American military accuse Tehran of doing in Iraq?";

            assertThat(ask(workspace, settings, SentenceMeaning.NONE, question).abstained()).isTrue();
            CitedAnswer rescued = ask(workspace, settings, SentenceMeaning.of(SeedWorkspace.embedder(Embedder.BGE_SMALL)),
                    question);
            assertThat(rescued.text()).contains("accused Iran of stoking violence in Iraq");
            assertThat(rescued.citations()).isNotEmpty();
        }
    }

    private static CitedAnswer ask(Workspace workspace, CiteqaProperties settings, SentenceMeaning meaning,
                                   String question) {
        return new AskService(settings, new Answerers(settings, meaning),
                new DefaultListableBeanFactory().getBeanProvider(QuestionRewriter.class))
                .ask(workspace, question, t -> {
                }).answer();
    }

    private static Outcome run(Workspace workspace, CiteqaProperties settings, SentenceMeaning meaning)
            throws IOException {
        int right = 0;
        int questions = 0;
        for (String line : lines("seed-questions.tsv")) {
            String[] parts = line.split("\t");
            List<String> files = Arrays.asList(parts[1].split(","));
            CitedAnswer answer = ask(workspace, settings, meaning, parts[0]);
            questions++;
            if (!answer.abstained() && answer.citations().stream()
                    .anyMatch(c -> files.stream().anyMatch(f -> c.passage().file().startsWith(f)))) {
                right++;
            }
        }
        int answered = 0;
        int unanswerable = 0;
        for (String question : lines("seed-unanswerable.txt")) {
            unanswerable++;
            if (!ask(workspace, settings, meaning, question).abstained()) {
                answered++;
            }
        }
        return new Outcome(right, questions, answered, unanswerable);
    }

    private static List<String> lines(String file) throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/retrieval", file)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
}
